import { describe, it, expect } from 'vitest';
import { isAppError } from '../errors';
import { CodePointIndex, codePointToUtf16, splitsSurrogatePair, utf16ToCodePoint } from './codepoints';

// UTF-16: a0 👍1–2 🏽3–4 b5 🇮6–7 🇶8–9 c10 €11 d12, length 13.
// Code points: a0 👍1 🏽2 b3 🇮4 🇶5 c6 €7 d8, length 9.
const MIXED = 'a👍🏽b🇮🇶c€d';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('offset conversion', () => {
  it('converts known offsets both ways', () => {
    expect(utf16ToCodePoint(MIXED, 0)).toBe(0);
    expect(utf16ToCodePoint(MIXED, 1)).toBe(1);
    expect(utf16ToCodePoint(MIXED, 5)).toBe(3);
    expect(utf16ToCodePoint(MIXED, 10)).toBe(6);
    expect(utf16ToCodePoint(MIXED, 13)).toBe(9);
    expect(codePointToUtf16(MIXED, 3)).toBe(5);
    expect(codePointToUtf16(MIXED, 4)).toBe(6);
    expect(codePointToUtf16(MIXED, 7)).toBe(11);
    expect(codePointToUtf16(MIXED, 9)).toBe(13);
  });

  it('is the identity on BMP-only text, curly quotes included', () => {
    const text = '“Kataib Hezbollah” said’';
    for (let i = 0; i <= text.length; i++) {
      expect(utf16ToCodePoint(text, i)).toBe(i);
      expect(codePointToUtf16(text, i)).toBe(i);
    }
  });

  it('handles the empty text', () => {
    expect(utf16ToCodePoint('', 0)).toBe(0);
    expect(codePointToUtf16('', 0)).toBe(0);
    expect(new CodePointIndex('').toUtf16(0)).toBe(0);
  });

  it('rejects a UTF-16 offset inside a surrogate pair', () => {
    expect(splitsSurrogatePair(MIXED, 2)).toBe(true);
    expect(errorCode(() => utf16ToCodePoint(MIXED, 2))).toBe('offset_out_of_range');
    expect(errorCode(() => new CodePointIndex(MIXED).toCodePoint(9))).toBe('offset_out_of_range');
  });

  it('rejects offsets outside the text with a readable message', () => {
    expect(() => utf16ToCodePoint(MIXED, 14)).toThrow('UTF-16 offset 14 is outside the text (0 to 13)');
    expect(() => codePointToUtf16(MIXED, 10)).toThrow('code point offset 10 is outside the text (0 to 9)');
    expect(errorCode(() => utf16ToCodePoint(MIXED, -1))).toBe('offset_out_of_range');
    expect(errorCode(() => codePointToUtf16(MIXED, -1))).toBe('offset_out_of_range');
    expect(errorCode(() => codePointToUtf16(MIXED, 1.5))).toBe('offset_out_of_range');
    expect(errorCode(() => new CodePointIndex(MIXED).toUtf16(10))).toBe('offset_out_of_range');
  });

  it('gives status 422', () => {
    try {
      utf16ToCodePoint(MIXED, 99);
    } catch (e) {
      expect(isAppError(e) && e.status).toBe(422);
    }
  });

  it('counts a lone surrogate as one code point, as Array.from does', () => {
    const text = 'a\uD83Db\uDC4Dc';
    expect(Array.from(text).length).toBe(5);
    expect(utf16ToCodePoint(text, 5)).toBe(5);
    expect(new CodePointIndex(text).toUtf16(5)).toBe(5);
  });
});

// Small deterministic PRNG so a failure can be reproduced.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', ' ', '“', '’', 'é', '€', '\n', '👍', '🏽', '🇮', '🇶', '𝔸', '😀', '\uD83D', '\uDC4D'];

describe('round trips', () => {
  it('every code point boundary round-trips and CodePointIndex agrees', () => {
    const random = mulberry32(20231122);
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];

      const index = new CodePointIndex(text);
      const chars = Array.from(text);
      expect(index.codePointLength).toBe(chars.length);

      let utf16 = 0;
      for (let cp = 0; cp <= chars.length; cp++) {
        expect(codePointToUtf16(text, cp)).toBe(utf16);
        expect(index.toUtf16(cp)).toBe(utf16);
        expect(utf16ToCodePoint(text, utf16)).toBe(cp);
        expect(index.toCodePoint(utf16)).toBe(cp);
        utf16 += chars[cp]?.length ?? 0;
      }

      for (let offset = 0; offset <= text.length; offset++) {
        const fromFunction = errorCode(() => utf16ToCodePoint(text, offset)) ?? utf16ToCodePoint(text, offset);
        const fromIndex = errorCode(() => index.toCodePoint(offset)) ?? index.toCodePoint(offset);
        expect(fromIndex).toBe(fromFunction);
      }
    }
  });
});
