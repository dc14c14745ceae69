import { describe, it, expect } from 'vitest';
import { countWords, deriveTitle, UNTITLED } from './words';

// The sample article after the `date 2023-11-22` token has been removed.
const SAMPLE = [
  'Live updates: Follow the latest news on Israel-Gaza',
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
  'Among the targets struck was a major base of powerful militia group Kataib Hezbollah, at Jurf Al Sakhar, a town south of Baghdad the group took over completely during the war with ISIS in 2014, expelling its residents and setting up weapons depots and other military infrastructure.',
].join('\n\n');

describe('countWords', () => {
  it('counts the words of the sample first sentence', () => {
    expect(
      countWords(
        'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
      ),
    ).toBe(22);
  });

  it('counts numbers and contractions as one word and skips emoji and symbols', () => {
    expect(countWords('1,200 fighters don’t 👍🏽 5% €3')).toBe(5);
  });

  it('is zero for empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' … “ ” — ')).toBe(0);
  });

  // The fast path must count exactly as Intl.Segmenter does, which it replaces for common text.
  it('agrees with Intl.Segmenter on random strings of ASCII, quotes, dashes and foreign characters', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const reference = (text: string) => [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
    const alphabet = [..."aZq09_.',:;-@!? \n\t\r/\"()%$#&*+=<>[]{}|~`^\\“”‘’–—…é", '\u0301', '\u200d', '\u00a0', '😀', '中', '文', '\u2024', 'ß', '\u05d0', '\u00b7', '\u3000', '\u200b'];
    // A fixed linear congruential sequence: the same strings every run.
    let seed = 12;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20_000; round += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(countWords(SAMPLE)).toBe(reference(SAMPLE));
  });
});

describe('deriveTitle', () => {
  it('skips an unpunctuated heading and takes the first full sentence of the sample', () => {
    const title = deriveTitle(SAMPLE);
    expect(title).toBe(
      'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said',
    );
    expect(title.length).toBe(122);
    expect(title.length).toBeLessThan(140);
  });

  it('keeps ? and ! and closing quotes', () => {
    expect(deriveTitle('Did they strike? Officials declined.')).toBe('Did they strike?');
    expect(deriveTitle('“Stop!” he said. Then more.')).toBe('“Stop!”');
  });

  it('strips one full stop but keeps an ellipsis', () => {
    expect(deriveTitle('Wait... what')).toBe('Wait... what');
    expect(deriveTitle('Five were killed.')).toBe('Five were killed');
  });

  it('falls back to the first non-blank line', () => {
    expect(deriveTitle('\n  \nHeadline without a stop\nsecond line')).toBe('Headline without a stop');
  });

  it('collapses internal whitespace', () => {
    expect(deriveTitle('Five\tfighters   were  killed.')).toBe('Five fighters were killed');
  });

  it('cuts a long title at a word boundary and stays within maxLength', () => {
    const title = deriveTitle(
      'Five fighters were killed in the strikes on the base, officials said on Wednesday.',
      40,
    );
    expect(title).toBe('Five fighters were killed in the…');
    expect(title.length).toBeLessThanOrEqual(40);
  });

  it('drops a comma left hanging before the ellipsis', () => {
    expect(deriveTitle('Among the targets struck was a major base, at Jurf Al Sakhar.', 44)).toBe(
      'Among the targets struck was a major base…',
    );
  });

  it('does not split an emoji when a single long word is cut', () => {
    const title = deriveTitle('ab👍🏽cdefgh.', 4);
    expect(title).toBe('ab…');
  });

  it('names empty text "Untitled article"', () => {
    expect(deriveTitle('')).toBe(UNTITLED);
    expect(deriveTitle(' \n\t ')).toBe('Untitled article');
    expect(deriveTitle('.')).toBe('Untitled article');
  });
});
