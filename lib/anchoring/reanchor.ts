import approximateSearch from 'approx-string-match';
import type { TextAnchor } from './anchor';
import { splitsSurrogatePair } from './codepoints';

/*
 * Carrying an annotation over to a new version of its article, the way
 * Hypothesis's client re-anchors: first the quote exactly, then the quote
 * approximately (Myers' bit-parallel search from approx-string-match), each
 * candidate judged by how well the text around it matches the stored prefix
 * and suffix and how near it lies to where the span used to be. A span that
 * cannot be placed with confidence is an orphan: the caller keeps it with its
 * quote rather than pinning it to a look-alike elsewhere.
 */

export type Placement =
  /** The quote is in the new text unchanged (it may have moved). */
  | { kind: 'exact'; start: number; end: number }
  /** The quote changed a little ("five" became "six"): `quote` is what the new text says. */
  | { kind: 'fuzzy'; start: number; end: number; quote: string; errors: number }
  | { kind: 'orphan' };

/** How much of a quote may differ and still be "the same span, edited": a quarter of its characters. */
const FUZZY_ERROR_SHARE = 0.25;
/** Quotes shorter than this are common words ("five", "Iraq"): only their context can place them. */
const SHORT_QUOTE = 24;
/** Minimum context likeness (0–1) to accept a short quote, or any fuzzy match. */
const CONTEXT_NEEDED = 0.75;
/** Approximate search is linear in the text but slows with the error budget: cap it. */
const MAX_ERRORS = 64;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Where `anchor` (taken from a text of `previousLength` UTF-16 units) lies in
 * `text`. Offsets are UTF-16 units, like every stored span.
 */
export function reanchor(text: string, anchor: TextAnchor, previousLength: number): Placement {
  if (anchor.quote === '') return { kind: 'orphan' };
  const expectedStart = previousLength > 0 ? Math.round((anchor.start / previousLength) * text.length) : 0;

  const exact = exactCandidates(text, anchor.quote);
  const bestExact = best(text, anchor, exact, expectedStart);
  if (bestExact && acceptable(anchor, bestExact.context, exact.length === 1, true)) {
    return { kind: 'exact', start: bestExact.candidate.start, end: bestExact.candidate.end };
  }

  const budget = Math.min(MAX_ERRORS, Math.floor(anchor.quote.length * FUZZY_ERROR_SHARE));
  if (budget === 0) return { kind: 'orphan' };
  const fuzzy = approximateSearch(text, anchor.quote, budget)
    .map(trimToCharacters(text))
    .filter((candidate) => candidate.end > candidate.start);
  const bestFuzzy = best(text, anchor, fuzzy, expectedStart);
  if (bestFuzzy && acceptable(anchor, bestFuzzy.context, false, false)) {
    const { start, end, errors } = bestFuzzy.candidate;
    return { kind: 'fuzzy', start, end, quote: text.slice(start, end), errors };
  }
  return betweenContext(text, anchor, expectedStart);
}

/** Prefix/suffix must match this well (0–1) to place a span by its surroundings alone. */
const CONTEXT_ONLY_NEEDED = 0.75;
/** Context shorter than this is too common to place a span by. */
const MIN_CONTEXT = 12;

/**
 * The last resort for a short quote whose words changed ("five" became "six"): the stretch
 * between its recognisable prefix and suffix, if both are there, close together, and the
 * stretch is not much longer than the quote was. A sentence removed with its span finds no
 * such pair, so it stays an orphan.
 */
function betweenContext(text: string, anchor: TextAnchor, expectedStart: number): Placement {
  if (anchor.prefix.length < MIN_CONTEXT || anchor.suffix.length < MIN_CONTEXT) return { kind: 'orphan' };
  const prefixBudget = Math.floor(anchor.prefix.length * (1 - CONTEXT_ONLY_NEEDED));
  const suffixBudget = Math.floor(anchor.suffix.length * (1 - CONTEXT_ONLY_NEEDED));
  const longest = anchor.quote.length * 3 + 8;
  let winner: { start: number; end: number; errors: number; distance: number } | null = null;
  for (const prefix of approximateSearch(text, anchor.prefix, prefixBudget)) {
    const window = text.slice(prefix.end, prefix.end + longest + anchor.suffix.length);
    for (const suffix of approximateSearch(window, anchor.suffix, suffixBudget)) {
      let start = prefix.end;
      let end = prefix.end + suffix.start;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start || end - start > longest) continue;
      const errors = prefix.errors + suffix.errors;
      const distance = Math.abs(start - expectedStart);
      if (!winner || errors < winner.errors || (errors === winner.errors && distance < winner.distance)) {
        winner = { start, end, errors, distance };
      }
    }
  }
  if (!winner) return { kind: 'orphan' };
  const quote = text.slice(winner.start, winner.end);
  if (quote === anchor.quote) return { kind: 'exact', start: winner.start, end: winner.end };
  return { kind: 'fuzzy', start: winner.start, end: winner.end, quote, errors: winner.errors + Math.abs(quote.length - anchor.quote.length) };
}

/**
 * Exact matches are trusted on their own when the quote is long and unique;
 * anything else (short quotes, repeated quotes, edited quotes) must also have
 * recognisable surroundings.
 */
function acceptable(anchor: TextAnchor, context: number, unique: boolean, exact: boolean): boolean {
  if (exact && unique && anchor.quote.length >= SHORT_QUOTE) return true;
  return context >= CONTEXT_NEEDED;
}

function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Keeps approximate matches from starting or ending inside a surrogate pair. */
function trimToCharacters(text: string) {
  return (candidate: Candidate): Candidate => ({
    start: splitsSurrogatePair(text, candidate.start) ? candidate.start + 1 : candidate.start,
    end: splitsSurrogatePair(text, candidate.end) ? candidate.end - 1 : candidate.end,
    errors: candidate.errors,
  });
}

function best(text: string, anchor: TextAnchor, candidates: Candidate[], expectedStart: number) {
  let winner: { candidate: Candidate; context: number; score: number } | null = null;
  for (const candidate of candidates) {
    const context = contextLikeness(text, anchor, candidate);
    const quoteLikeness = 1 - candidate.errors / anchor.quote.length;
    const nearness = 1 - Math.min(1, Math.abs(candidate.start - expectedStart) / Math.max(text.length, 1));
    // The quote matters most, then its surroundings; position only breaks ties between equals.
    const score = 50 * quoteLikeness + 20 * context + 2 * nearness;
    if (!winner || score > winner.score) winner = { candidate, context, score };
  }
  return winner;
}

/** 0–1: how closely the text around `candidate` matches the stored prefix and suffix (the better side counts). */
function contextLikeness(text: string, anchor: TextAnchor, candidate: Candidate): number {
  const before = text.slice(Math.max(0, candidate.start - anchor.prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + anchor.suffix.length);
  return Math.max(likeness(anchor.prefix, before, candidate.start === 0), likeness(anchor.suffix, after, candidate.end === text.length));
}

/** 1 − edit distance ÷ length; an empty stored side matches only the matching edge of the text. */
function likeness(expected: string, actual: string, atEdge: boolean): number {
  if (expected === '') return atEdge ? 1 : 0;
  if (actual === expected) return 1;
  if (actual === '') return 0;
  const matches = approximateSearch(actual, expected, expected.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((match) => match.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}
