import { describe, expect, it } from 'vitest';
import { tokenRanges } from './tokens';

const SENTENCE = 'Five fighters were killed and two civilians were wounded near the border.';

function words(text: string): string[] {
  return tokenRanges(text).map(({ start, end }) => text.slice(start, end));
}

describe('tokenRanges', () => {
  it('gives the 12 word tokens of the sentence with their offsets, leaving out the full stop', () => {
    expect(tokenRanges(SENTENCE)).toEqual([
      { start: 0, end: 4 }, //    Five
      { start: 5, end: 13 }, //   fighters
      { start: 14, end: 18 }, //  were
      { start: 19, end: 25 }, //  killed
      { start: 26, end: 29 }, //  and
      { start: 30, end: 33 }, //  two
      { start: 34, end: 43 }, //  civilians
      { start: 44, end: 48 }, //  were
      { start: 49, end: 56 }, //  wounded
      { start: 57, end: 61 }, //  near
      { start: 62, end: 65 }, //  the
      { start: 66, end: 72 }, //  border   (the "." at 72 is not word-like)
    ]);
  });

  it('counts UTF-16 units, so emoji before a word shift it by their length and are not tokens', () => {
    // "👍🏽" is two surrogate pairs (thumbs up + skin tone) = 4 units, then a
    // space: "Five" starts at 5. "🔥" is one pair = 2 units.
    //   👍🏽(0-3) ␠(4) Five(5-8) ␠(9) fighters(10-17) ,(18) ␠(19) 🔥(20-21) ␠(22) were(23-26) ␠(27) killed(28-33) .(34)
    const text = '👍🏽 Five fighters, 🔥 were killed.';
    expect(tokenRanges(text)).toEqual([
      { start: 5, end: 9 },
      { start: 10, end: 18 },
      { start: 23, end: 27 },
      { start: 28, end: 34 },
    ]);
  });

  it('has no tokens in empty or punctuation-only text', () => {
    expect(tokenRanges('')).toEqual([]);
    expect(tokenRanges(' … “ ” — 🔥 ')).toEqual([]);
  });

  it('keeps offsets into the whole text when a long text is segmented in chunks', () => {
    // 1000 × 9 units = 9,000 units: three chunks, each cut at whitespace.
    const text = '🔥 word, '.repeat(1000);
    const ranges = tokenRanges(text);
    expect(ranges).toHaveLength(1000);
    expect(new Set(words(text))).toEqual(new Set(['word']));
    // The same tokens as one unchunked pass (still affordable at this length).
    const whole = [...new Intl.Segmenter('en', { granularity: 'word' }).segment(text)]
      .filter((s) => s.isWordLike)
      .map((s) => ({ start: s.index, end: s.index + s.segment.length }));
    expect(ranges).toEqual(whole);
  });

  it('still places later words right after a run too long to cut at whitespace', () => {
    // 5000 units without a space are cut blind at 4096 (the run becomes two
    // tokens, as in countWords); " end" still lands at 5001–5004.
    const text = `${'x'.repeat(5000)} end`;
    expect(tokenRanges(text).at(-1)).toEqual({ start: 5001, end: 5004 });
  });
});
