import { AppError } from '../errors';
import { categoryNear } from './category';
import { countedAfter } from './counted';
import { scanCounts, type CountPhrase } from './counts';
import { findPlaces } from './place';
import type { TokenRange } from './phrase';
import { sentenceAround } from '../text/sentences';
import { findSources } from './source';
import { findTimes } from './time';
import { hasTag, tokenize, type Token } from './tokens';
import { DEFAULT_CATEGORIES, type FigureReading, type TextRef } from './types';

/*
 * Proposes the meaning of a span tagged "figure": its value, what kind of
 * figure it is, what it counts, where, when and on whose word. Only the
 * sentence around the span is read. Every field is a proposal the reviewer
 * corrects, so a field is left null rather than guessed when in doubt.
 */

// A figure is a few words; a longer span is a mistake, and reading it would be slow.
const MAX_SPAN = 2000;

const EMPTY_READING: FigureReading = {
  min: null,
  max: null,
  qualifier: 'exact',
  vague: false,
  numberText: null,
  category: 'other',
  counted: null,
  place: null,
  time: null,
  source: null,
};

interface Span {
  start: number;
  end: number;
}

function checkSpan(text: string, span: Span): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new AppError('figure_span_out_of_range', 422, `span ${start}..${end} is not inside the text (0 to ${text.length})`, {
      start,
      end,
      length: text.length,
    });
  }
}

function overlaps(tokens: readonly Token[], range: TokenRange, span: Span): boolean {
  return tokens[range.first]!.start < span.end && tokens[range.last]!.end > span.start;
}

/** Characters between a token range and a span; 0 when they overlap. */
function distance(tokens: readonly Token[], range: TokenRange, span: Span): number {
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  if (start >= span.end) return start - span.end;
  if (end <= span.start) return span.start - end;
  return 0;
}

function nearest<T extends TokenRange>(tokens: readonly Token[], ranges: readonly T[], anchor: Span): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const range of ranges) {
    const d = distance(tokens, range, anchor);
    if (d < bestDistance) {
      best = range;
      bestDistance = d;
    }
  }
  return best;
}

function toRef(text: string, tokens: readonly Token[], range: TokenRange | null): TextRef | null {
  if (!range) return null;
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  return { text: text.slice(start, end), start, end };
}

/**
 * The count the span states. A span whose only numbers count nothing
 * ("2014") has no count; only a span with no number at all borrows the
 * nearest count of its sentence, skipping durations ("a few hours later").
 */
function pickCount(tokens: readonly Token[], span: Span): CountPhrase | null {
  const scan = scanCounts(tokens);
  const number = (c: CountPhrase): TokenRange => ({ first: c.numberFirst, last: c.numberLast });
  const inSpan = scan.counts.find((c) => overlaps(tokens, number(c), span));
  if (inSpan) return inSpan;
  if (scan.notCounts.some((n) => overlaps(tokens, n, span))) return null;
  const counts = scan.counts.filter((c) => !hasTag(tokens[c.last + 1], 'Duration'));
  return nearest(tokens, counts.map((c) => ({ ...number(c), count: c })), span)?.count ?? null;
}

/**
 * Reads the figure at `span` of the article `text` (offsets in UTF-16 code
 * units, as stored). Only the sentence around the span is analysed.
 *
 * - The value comes from the first count whose number lies in the span; a
 *   qualifier just outside it still counts ("At least" before a selected
 *   "five militiamen"). Without a count the value is min/max null,
 *   qualifier 'exact', numberText null, and the category 'other'.
 * - The category is the nearest telling word in the sentence, among
 *   `options.categories` (default DEFAULT_CATEGORIES); otherwise 'other'.
 * - Place, time and source are the candidates nearest the number; sources
 *   that are bare pronouns ("it said") are never proposed, and a time right
 *   after "said" (when it was said) only when no other time is given.
 *
 * Throws AppError (422) for a span outside the text; a span too long to be a figure gets an empty reading.
 */
export function readFigure(
  text: string,
  span: { start: number; end: number },
  options?: { categories?: readonly string[] },
): FigureReading {
  checkSpan(text, span);
  // A reviewer may tag a whole paragraph as a figure; reading it would be slow and
  // would find nothing worth proposing, so the tag gets an empty reading.
  if (span.end - span.start > MAX_SPAN) return EMPTY_READING;
  const categories = options?.categories ?? DEFAULT_CATEGORIES;
  const sentence = sentenceAround(text, span.start, span.end);
  const tokens = tokenize(sentence.text, sentence.start);

  const count = pickCount(tokens, span);
  // Place, time and source are the ones nearest the number, or the span when there is none.
  const anchor: Span = count
    ? { start: tokens[count.numberFirst]!.start, end: tokens[count.numberLast]!.end }
    : span;

  const counted = count ? countedAfter(tokens, count.last + 1) : null;
  const sources = findSources(tokens).filter((s) => !s.pronoun);
  // The date of a statement stands in for the events' only when nothing else dates them.
  const times = findTimes(tokens);
  const eventTimes = times.filter((t) => !t.ofStatement);

  return {
    // No count read: no bounds, and 'exact' with numberText null (not 'vague',
    // which means the text gave an amount without a number).
    ...(count?.value ?? { min: null, max: null, qualifier: 'exact', vague: false }),
    numberText: count ? text.slice(tokens[count.first]!.start, tokens[count.last]!.end) : null,
    category: count ? categoryNear(tokens, count.numberFirst, count.numberLast, categories) : 'other',
    counted: toRef(text, tokens, counted)?.text ?? null,
    place: toRef(text, tokens, nearest(tokens, findPlaces(tokens), anchor)),
    time: toRef(text, tokens, nearest(tokens, eventTimes.length > 0 ? eventTimes : times, anchor)),
    source: toRef(text, tokens, nearest(tokens, sources, anchor)),
  };
}

/**
 * Who a span is attributed to ("Kataib Hezbollah said …", "… according to two officials"):
 * the non-pronoun attribution in its sentence nearest to the span, or null. Claims use it
 * to propose their claimant, with the same reading figures use for their source.
 */
export function readAttribution(text: string, span: { start: number; end: number }): TextRef | null {
  checkSpan(text, span);
  if (span.end - span.start > MAX_SPAN) return null;
  const sentence = sentenceAround(text, span.start, span.end);
  const tokens = tokenize(sentence.text, sentence.start);
  const sources = findSources(tokens).filter((s) => !s.pronoun);
  return toRef(text, tokens, nearest(tokens, sources, span));
}
