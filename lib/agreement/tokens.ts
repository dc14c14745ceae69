import type { TextRange } from './types';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

// V8's segmenter slows down sharply on very long strings, so, as in
// lib/text/words.ts, the text is segmented in pieces cut at whitespace, where
// no word can be split. Offsets are shifted back by each piece's start.
const CHUNK = 4096;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where the piece starting at `from` should end. */
function chunkEnd(text: string, from: number): number {
  const to = Math.min(text.length, from + CHUNK);
  if (to === text.length) return to;
  const space = text.slice(from, to).search(/\s\S*$/);
  if (space > 0) return from + space;
  // A run of CHUNK units without whitespace is cut blind; at least keep an
  // emoji's surrogate pair whole so neither half becomes a stray unit.
  return isHighSurrogate(text.charCodeAt(to - 1)) ? to - 1 : to;
}

/**
 * The word-like tokens of `text` (words and numbers, not punctuation,
 * whitespace or emoji), in order, as UTF-16 ranges into `text`.
 */
export function tokenRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from);
    for (const { segment, index, isWordLike } of wordSegmenter.segment(text.slice(from, to))) {
      if (isWordLike) ranges.push({ start: from + index, end: from + index + segment.length });
    }
    from = to;
  }
  return ranges;
}
