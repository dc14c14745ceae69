import { AppError, type ErrorCode } from '../errors';
import { splitsSurrogatePair } from './codepoints';

/*
 * Hypothesis-style anchors: offsets for speed, plus the quoted text and its
 * surroundings so an annotation can be re-found (or shown to be stale) if
 * offsets ever drift.
 */

export const CONTEXT_LENGTH = 32;

export interface TextAnchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface SpanClaim {
  start: number;
  end: number;
  quote: string;
  prefix?: string;
  suffix?: string;
}

export function describeSpan(text: string, start: number, end: number): TextAnchor {
  // Shrinking rather than growing keeps the context within CONTEXT_LENGTH.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

function reject(code: ErrorCode, message: string, details: Record<string, unknown>): never {
  // Messages are built around the offending value, so capitalise them here for display.
  throw new AppError(code, `${message.charAt(0).toUpperCase()}${message.slice(1)}`, details);
}

function preview(value: string, max = 80): string {
  if (value.length <= max) return value;
  let cut = max - 1;
  if (splitsSurrogatePair(value, cut)) cut--;
  return `${value.slice(0, cut)}…`;
}

function checkRange(text: string, start: number, end: number): void {
  for (const [name, value] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(value)) {
      reject('span_out_of_range', `${name} must be a whole number, got ${String(value)}`, {
        [name]: value,
      });
    }
  }
  if (start < 0) {
    reject('span_out_of_range', `start ${start} is before the beginning of the text`, { start });
  }
  if (end > text.length) {
    reject(
      'span_out_of_range',
      `end ${end} is past the end of the text (${text.length} characters)`,
      { end, length: text.length },
    );
  }
  if (start >= end) {
    reject('span_empty', `the span is empty: start ${start} is not before end ${end}`, {
      start,
      end,
    });
  }
  for (const [name, value] of [['start', start], ['end', end]] as const) {
    if (splitsSurrogatePair(text, value)) {
      reject(
        'span_splits_character',
        `${name} ${value} falls in the middle of a character (between the two halves of a surrogate pair)`,
        { [name]: value },
      );
    }
  }
}

/**
 * Checks a client's claimed span against the stored text and returns the
 * server's own anchor, so nothing the client sent is stored unverified.
 */
export function verifySpan(text: string, claim: SpanClaim): TextAnchor {
  const { start, end } = claim;
  checkRange(text, start, end);

  const anchor = describeSpan(text, start, end);
  if (anchor.quote.trim() === '') {
    reject('span_blank', `the span ${start}–${end} contains only whitespace`, { start, end });
  }
  if (claim.quote !== anchor.quote) {
    reject(
      'quote_mismatch',
      `the quote does not match the text at ${start}–${end}, which says “${preview(anchor.quote)}”`,
      { start, end, actual: preview(anchor.quote) },
    );
  }
  // Shorter context is fine (a client may keep less), different is not.
  if (claim.prefix !== undefined && !anchor.prefix.endsWith(claim.prefix)) {
    reject(
      'context_mismatch',
      `the text before ${start} is “${anchor.prefix}”, which does not end with the given prefix “${preview(claim.prefix)}”`,
      { start, actual: anchor.prefix },
    );
  }
  if (claim.suffix !== undefined && !anchor.suffix.startsWith(claim.suffix)) {
    reject(
      'context_mismatch',
      `the text after ${end} is “${anchor.suffix}”, which does not start with the given suffix “${preview(claim.suffix)}”`,
      { end, actual: anchor.suffix },
    );
  }
  return anchor;
}
