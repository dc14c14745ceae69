import { AppError } from '../errors';
import { categoryNear } from './category';
import { countedAfter } from './counted';
import { scanCounts, type CountPhrase } from './counts';
import { findPlaces } from './place';
import type { TokenRange } from './phrase';
import { sentenceAround } from '../text/sentences';
import { resolveOrganisationPronoun } from './pronoun';
import { findSources, type SourceRange } from './source';
import { findTimes } from './time';
import { tokenize, type Token } from './tokens';
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
  sourceInferred: false,
};

interface Span {
  start: number;
  end: number;
}

function checkSpan(text: string, span: Span): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new AppError('figure_span_out_of_range', `span ${start}..${end} is not inside the text (0 to ${text.length})`, {
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
 * ("2014", "a few hours later") has no count. A span with no number at all
 * takes a count only when it names what that count counts ("fighters" in
 * "five of its fighters"); a number elsewhere in the sentence is about
 * something else ("close-range ballistic missiles" is not "One of these attacks").
 */
function pickCount(tokens: readonly Token[], span: Span): CountPhrase | null {
  const scan = scanCounts(tokens);
  const number = (c: CountPhrase): TokenRange => ({ first: c.numberFirst, last: c.numberLast });
  const inSpan = scan.counts.find((c) => overlaps(tokens, number(c), span));
  if (inSpan) return inSpan;
  if (scan.notCounts.some((n) => overlaps(tokens, n, span))) return null;
  return (
    scan.counts.find((c) => {
      const counted = countedAfter(tokens, c.last + 1);
      return counted !== null && overlaps(tokens, counted, span);
    }) ?? null
  );
}

// Words that count "the rest" ("three others wounded"): who they are is in the count before them.
const REST_WORDS: ReadonlySet<string> = new Set(['others', 'other', 'more']);

/**
 * Who a count counts. "others" or "more" names nobody: it stands for what the count before
 * it in the sentence counts ("Two soldiers were killed and three others wounded"), else nobody.
 */
function countedOf(tokens: readonly Token[], count: CountPhrase): TokenRange | null {
  const counted = countedAfter(tokens, count.last + 1);
  if (counted === null || counted.first !== counted.last || !REST_WORDS.has(tokens[counted.first]!.lower)) return counted;
  const earlier = scanCounts(tokens).counts.filter((c) => c.last < count.first);
  for (const previous of earlier.reverse()) {
    const theirs = countedAfter(tokens, previous.last + 1);
    if (theirs && !(theirs.first === theirs.last && REST_WORDS.has(tokens[theirs.first]!.lower))) return theirs;
  }
  return null;
}

function within(inner: TokenRange, outer: TokenRange): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

interface SourceReading {
  source: TextRef | null;
  sourceInferred: boolean;
}

/**
 * The attribution nearest the figure. When the only one is a pronoun ("it said"), the
 * organisation it stands for, marked inferred.
 */
function readSource(
  text: string,
  sentence: { text: string; start: number; end: number },
  tokens: readonly Token[],
  sources: readonly SourceRange[],
  anchor: Span,
  figureWords: readonly TokenRange[],
): SourceReading {
  const named = nearest(tokens, sources.filter((s) => !s.pronoun), anchor);
  if (named) return { source: toRef(text, tokens, named), sourceInferred: false };
  const pronoun = nearest(tokens, sources.filter((s) => s.pronoun), anchor);
  const resolved = pronoun ? resolveOrganisationPronoun(text, sentence, tokens, pronoun.first, figureWords) : null;
  return { source: resolved, sourceInferred: resolved !== null };
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
 * - A span without a number takes a count only when it names what the count
 *   counts ("fighters" of "five of its fighters"); durations ("a few hours
 *   later") are never counts. A count of the people who speak ("two Iraqi
 *   security officials told …") gets category 'other'; "three others" counts
 *   what the count before it counts, or nobody.
 * - Place, time and source are the candidates nearest the number. A bare
 *   pronoun source ("it said") is resolved to the organisation named before
 *   it (lib/figures/pronoun.ts) with `sourceInferred` true, or left null; a
 *   time right after "said" (when it was said) only when no other time is given.
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

  const counted = count ? countedOf(tokens, count) : null;
  const sources = findSources(tokens);
  const number: TokenRange | null = count ? { first: count.numberFirst, last: count.numberLast } : null;
  // "two Iraqi security officials told …": people who speak are a source, not a kind of harm.
  const countsSpeakers = number !== null && sources.some((s) => !s.pronoun && within(number, s));
  const figureWords = count ? [{ first: count.first, last: counted?.last ?? count.last }] : [];
  // The date of a statement stands in for the events' only when nothing else dates them.
  const times = findTimes(tokens);
  const eventTimes = times.filter((t) => !t.ofStatement);

  return {
    // No count read: no bounds, and 'exact' with numberText null (not 'vague',
    // which means the text gave an amount without a number).
    ...(count?.value ?? { min: null, max: null, qualifier: 'exact', vague: false }),
    numberText: count ? text.slice(tokens[count.first]!.start, tokens[count.last]!.end) : null,
    category: count && !countsSpeakers ? categoryNear(tokens, count.numberFirst, count.numberLast, categories) : 'other',
    counted: toRef(text, tokens, counted)?.text ?? null,
    place: toRef(text, tokens, nearest(tokens, findPlaces(tokens), anchor)),
    time: toRef(text, tokens, nearest(tokens, eventTimes.length > 0 ? eventTimes : times, anchor)),
    ...readSource(text, sentence, tokens, sources, anchor, figureWords),
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
