import { describe, it, expect } from 'vitest';
import { splitParagraphs } from './paragraphs';

// The sample article as stored, i.e. after prepareArticleText.
const SAMPLE = [
  'Live updates: Follow the latest news on Israel-Gaza',
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
  'Among the targets struck was a major base of powerful militia group Kataib Hezbollah, at Jurf Al Sakhar, a town south of Baghdad the group took over completely during the war with ISIS in 2014, expelling its residents and setting up weapons depots and other military infrastructure.',
  '“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.',
].join('\n\n');

const slices = (text: string) => splitParagraphs(text).map(({ start, end }) => text.slice(start, end));

describe('splitParagraphs', () => {
  it('gives exact offsets for the sample', () => {
    expect(splitParagraphs(SAMPLE)).toEqual([
      { start: 0, end: 51 },
      { start: 53, end: 176 },
      { start: 178, end: 460 },
      { start: 462, end: 611 },
    ]);
    expect(slices(SAMPLE)[3]).toBe(
      '“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.',
    );
  });

  it('keeps a single newline inside its paragraph', () => {
    expect(splitParagraphs('line one\nline two\n\nnext')).toEqual([
      { start: 0, end: 17 },
      { start: 19, end: 23 },
    ]);
  });

  it('treats whitespace-only lines as blank and collapses runs of them', () => {
    const text = 'a\n \t\n\n   \nb\n\n\nc';
    expect(splitParagraphs(text)).toEqual([
      { start: 0, end: 1 },
      { start: 10, end: 11 },
      { start: 14, end: 15 },
    ]);
  });

  it('ignores blank lines at the start and end', () => {
    expect(splitParagraphs('\n\n  \nonly\n\n')).toEqual([{ start: 5, end: 9 }]);
  });

  it('keeps the indentation of a paragraph first line', () => {
    expect(slices('x\n\n  indented\nsecond')).toEqual(['x', '  indented\nsecond']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\t\n')).toEqual([]);
  });

  it('counts UTF-16 units, so an emoji takes two', () => {
    expect(splitParagraphs('👍🏽 ok\n\nnext')).toEqual([
      { start: 0, end: 7 },
      { start: 9, end: 13 },
    ]);
  });

  it('handles a 1.2 MB text with tens of thousands of paragraphs', () => {
    const paragraph = 'x'.repeat(39);
    const count = 30_000;
    const text = Array.from({ length: count }, () => paragraph).join('\n\n');
    expect(text.length).toBeGreaterThan(1_200_000);
    const result = splitParagraphs(text);
    expect(result.length).toBe(count);
    expect(result[count - 1]).toEqual({ start: text.length - 39, end: text.length });
  });
});
