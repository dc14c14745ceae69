import { splitsSurrogatePair } from './codepoints';

/*
 * Turns a raw browser selection into the span worth storing. Selections
 * are sloppy (half words, trailing spaces, a stray quote mark), and two
 * annotators marking "the same" figure should end up with equal offsets.
 */

export interface SnapOptions {
  toWords: boolean;
}

const WINDOW = 64;
// A "word" longer than this is not one; stop widening the window there.
const MAX_WINDOW = 4096;

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

const WHITESPACE = /^\s$/u;
const EDGE = /^[\s\p{P}]$/u;
const KEPT_AFTER_DIGIT = /^[%‰]$/u;
const DIGIT = /^\p{Nd}$/u;

function codePointBefore(text: string, offset: number): string {
  const unit = text.slice(offset - 1, offset);
  return splitsSurrogatePair(text, offset - 1) ? text.slice(offset - 2, offset) : unit;
}

function codePointAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function trimEdges(
  text: string,
  start: number,
  end: number,
  isEdge: (text: string, char: string, offset: number) => boolean,
): { start: number; end: number } {
  while (start < end) {
    const ch = codePointAt(text, start);
    if (!isEdge(text, ch, start)) break;
    start += ch.length;
  }
  while (end > start) {
    const ch = codePointBefore(text, end);
    if (!isEdge(text, ch, end - ch.length)) break;
    end -= ch.length;
  }
  return { start, end };
}

const isWhitespace = (_text: string, ch: string): boolean => WHITESPACE.test(ch);

// "5%" and "3‰" lose meaning without their sign, unlike a word and its comma.
function isEdgePunctuation(text: string, ch: string, offset: number): boolean {
  if (!EDGE.test(ch)) return false;
  if (KEPT_AFTER_DIGIT.test(ch) && DIGIT.test(codePointBefore(text, offset))) return false;
  return true;
}

/**
 * The non-space segment (word, number, emoji cluster) that `offset` falls
 * strictly inside, or null. Only a window around the offset is segmented:
 * articles run to 1.2 MB and this runs on every selection.
 */
function segmentAround(text: string, offset: number): { start: number; end: number } | null {
  for (let radius = WINDOW; ; radius *= 2) {
    let from = Math.max(0, offset - radius);
    if (splitsSurrogatePair(text, from)) from--;
    let to = Math.min(text.length, offset + radius);
    if (splitsSurrogatePair(text, to)) to++;

    const found = wordSegmenter.segment(text.slice(from, to)).containing(offset - from);
    if (!found) return null;
    const start = from + found.index;
    const end = start + found.segment.length;
    const touchesEdge = (start === from && from > 0) || (end === to && to < text.length);
    if (touchesEdge && radius < MAX_WINDOW) continue;
    if (start === offset || found.segment.trim() === '') return null;
    return { start, end };
  }
}

export function snapSpan(
  text: string,
  start: number,
  end: number,
  options: SnapOptions,
): { start: number; end: number } | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  let a = Math.max(0, Math.min(text.length, Math.trunc(Math.min(start, end))));
  let b = Math.max(0, Math.min(text.length, Math.trunc(Math.max(start, end))));
  if (splitsSurrogatePair(text, a)) a--;
  if (splitsSurrogatePair(text, b)) b++;

  ({ start: a, end: b } = trimEdges(text, a, b, isWhitespace));
  if (a >= b) return null;

  if (options.toWords) {
    a = segmentAround(text, a)?.start ?? a;
    b = segmentAround(text, b)?.end ?? b;
    ({ start: a, end: b } = trimEdges(text, a, b, isEdgePunctuation));
    if (a >= b) return null;
  }
  return { start: a, end: b };
}
