import { describe, it, expect } from 'vitest';
import { snapSpan } from './snap';

// The sample article as stored (after prepareArticleText).
const SAMPLE = [
  'Live updates: Follow the latest news on Israel-Gaza',
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
  'Among the targets struck was a major base of powerful militia group Kataib Hezbollah, at Jurf Al Sakhar, a town south of Baghdad the group took over completely during the war with ISIS in 2014, expelling its residents and setting up weapons depots and other military infrastructure.',
  '“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.',
].join('\n\n');

const WORDS = { toWords: true };
const RAW = { toWords: false };

/** Selects the first occurrence of `selection` in `text` and snaps it. */
function snapText(text: string, selection: string, options = WORDS) {
  const start = text.indexOf(selection);
  if (start < 0) throw new Error(`fixture does not contain ${JSON.stringify(selection)}`);
  const span = snapSpan(text, start, start + selection.length, options);
  return span && { ...span, text: text.slice(span.start, span.end) };
}

describe('snapSpan with toWords', () => {
  it('expands part-words at both ends to whole words', () => {
    expect(snapText(SAMPLE, 'ataib Hezbol')).toEqual({ start: 246, end: 262, text: 'Kataib Hezbollah' });
  });

  it('drops the whitespace and opening quote before a quotation', () => {
    const quoteAt = SAMPLE.indexOf('“The US');
    expect(quoteAt).toBe(462);
    // The selection starts on the newline before the quote mark.
    const span = snapSpan(SAMPLE, quoteAt - 1, quoteAt + 30, WORDS);
    expect(span).toEqual({ start: 463, end: 492 });
    expect(SAMPLE.slice(463, 492)).toBe('The US Central Command forces');
  });

  it('drops a space and opening quote inside a line too', () => {
    const text = 'it said “The US Central Command forces struck';
    expect(snapText(text, ' “The US Central Command forces')).toEqual({
      start: 9,
      end: 38,
      text: 'The US Central Command forces',
    });
  });

  it('keeps whole hyphenated phrases the selection covers', () => {
    expect(snapText(SAMPLE, 'Iran-backe')).toEqual({ start: 145, end: 156, text: 'Iran-backed' });
  });

  it('keeps a percent sign after a digit but drops the full stop', () => {
    expect(snapText('Turnout rose 5%. Then it fell.', '5%.')).toEqual({ start: 13, end: 15, text: '5%' });
    expect(snapText('a rate of 3‰, they said', '3‰,')).toEqual({ start: 10, end: 12, text: '3‰' });
  });

  it('drops a percent sign that does not follow a digit', () => {
    expect(snapText('the % sign', 'the %')).toEqual({ start: 0, end: 3, text: 'the' });
  });

  it('expands into a number with a thousands separator', () => {
    expect(snapText('a total of 1,200 fighters', '1,20')).toEqual({ start: 11, end: 16, text: '1,200' });
  });

  it('keeps currency symbols and drops edge punctuation', () => {
    expect(snapText('costs (€1,200), reportedly', '(€1,2')).toEqual({ start: 7, end: 13, text: '€1,200' });
    expect(snapText('ISIS in 2014, expelling', 'ISIS in 2014, ')).toEqual({
      start: 0,
      end: 12,
      text: 'ISIS in 2014',
    });
  });

  it('keeps punctuation inside the span', () => {
    expect(snapText(SAMPLE, 'Hezbollah, at')).toEqual({ start: 253, end: 266, text: 'Hezbollah, at' });
  });

  it('returns null when only punctuation and spaces are selected', () => {
    const comma = SAMPLE.indexOf(', at Jurf');
    expect(snapSpan(SAMPLE, comma, comma + 2, WORDS)).toBeNull();
    expect(snapSpan(SAMPLE, 51, 53, WORDS)).toBeNull();
  });

  it('is not shifted by emoji before the span', () => {
    const text = '👍🏽 🇮🇶 Kataib Hezbollah said';
    expect(snapText(text, 'ataib Hezbol')).toEqual({ start: 10, end: 26, text: 'Kataib Hezbollah' });
  });

  it('keeps an emoji the selection cuts through, whole', () => {
    const text = 'ok 👍🏽 fine';
    // 3–7 is 👍🏽; 4 and 6 are both inside surrogate pairs.
    expect(snapSpan(text, 4, 6, WORDS)).toEqual({ start: 3, end: 7 });
    expect(snapSpan(text, 4, 6, RAW)).toEqual({ start: 3, end: 7 });
  });

  it('widens its window for a word longer than the window', () => {
    const text = `start ${'x'.repeat(300)} end`;
    expect(snapSpan(text, 150, 152, WORDS)).toEqual({ start: 6, end: 306 });
  });

  it('snaps near the end of a 1.2 MB article (its speed is measured in bench/)', () => {
    const text = `${'filler words here. '.repeat(64_000)}Kataib Hezbollah said`;
    const at = text.indexOf('ataib');
    expect(snapSpan(text, at, at + 12, WORDS)).toEqual({ start: at - 1, end: at + 15 });
  });
});

describe('snapSpan without toWords', () => {
  it('leaves part-words alone', () => {
    expect(snapText(SAMPLE, 'ataib Hezbol', RAW)).toEqual({ start: 247, end: 259, text: 'ataib Hezbol' });
  });

  it('trims whitespace only', () => {
    expect(snapText(SAMPLE, ' five ', RAW)).toEqual({ start: 62, end: 66, text: 'five' });
    expect(snapText(SAMPLE, ', at', RAW)).toEqual({ start: 262, end: 266, text: ', at' });
  });

  it('puts reversed boundaries in order and clamps them to the text', () => {
    expect(snapSpan(SAMPLE, 262, 246, RAW)).toEqual({ start: 246, end: 262 });
    expect(snapSpan('  word  ', -10, 99, RAW)).toEqual({ start: 2, end: 6 });
  });

  it('returns null for blank or unusable selections', () => {
    expect(snapSpan(SAMPLE, 51, 53, RAW)).toBeNull();
    expect(snapSpan(SAMPLE, 10, 10, RAW)).toBeNull();
    expect(snapSpan('', 0, 0, RAW)).toBeNull();
    expect(snapSpan(SAMPLE, Number.NaN, 5, RAW)).toBeNull();
  });
});
