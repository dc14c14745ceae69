import type { TextRange } from './align';

/** A stretch of the article with a little of the text around it, for showing a cluster on its own. */
export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Up to `width` units either side of the range, stopping at a paragraph break (the
 * context belongs to the same paragraph) and otherwise at a word boundary, with "…"
 * where the text was cut mid-paragraph.
 */
export function quoteInContext(text: string, range: TextRange, width = 80): QuoteInContext {
  return { before: contextBefore(text, range.start, width), quote: text.slice(range.start, range.end), after: contextAfter(text, range.end, width) };
}

function contextBefore(text: string, start: number, width: number): string {
  const from = Math.max(0, start - width);
  const window = text.slice(from, start);
  const lineBreak = window.lastIndexOf('\n');
  if (lineBreak >= 0) return window.slice(lineBreak + 1);
  if (from === 0) return window;
  return `…${window.slice(wholeWordsFrom(text, from, window))}`;
}

/** How much of the window's head to drop so that it begins with a whole word. */
function wholeWordsFrom(text: string, from: number, window: string): number {
  if (/\s/.test(text.charAt(from - 1))) return 0;
  const space = window.search(/\s/);
  if (space >= 0) return space + 1;
  // One long run without whitespace is cut blind; at least keep an emoji's surrogate pair whole.
  return isLowSurrogate(text.charCodeAt(from)) ? 1 : 0;
}

function contextAfter(text: string, end: number, width: number): string {
  const to = Math.min(text.length, end + width);
  const window = text.slice(end, to);
  const lineBreak = window.indexOf('\n');
  if (lineBreak >= 0) return window.slice(0, lineBreak);
  if (to === text.length) return window;
  return `${window.slice(0, wholeWordsTo(text, to, window))}…`;
}

/** How much of the window to keep so that it ends with a whole word. */
function wholeWordsTo(text: string, to: number, window: string): number {
  if (/\s/.test(text.charAt(to))) return window.length;
  const space = window.search(/\s\S*$/);
  if (space >= 0) return space;
  return isHighSurrogate(text.charCodeAt(to - 1)) ? window.length - 1 : window.length;
}
