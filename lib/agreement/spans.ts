import type { TextRange } from './types';

/*
 * Span agreement as F1 over one-to-one matches. F1 is symmetric, so there is
 * no "gold" reviewer: 2·matches / (|a| + |b|) is the F1 either way round.
 *
 * The counting helpers return raw counts, not scores, so a library can add
 * counts over articles (micro-averaging) instead of averaging per-article
 * F1s, which would let a short article with one span weigh as much as a
 * long one with fifty.
 */

export interface MatchCounts {
  matches: number;
  countA: number;
  countB: number;
}

// Frozen: it is shared as the starting value of every tally.
export const NO_MATCHES: Readonly<MatchCounts> = Object.freeze({ matches: 0, countA: 0, countB: 0 });

export function addMatchCounts(x: MatchCounts, y: MatchCounts): MatchCounts {
  return { matches: x.matches + y.matches, countA: x.countA + y.countA, countB: x.countB + y.countB };
}

/**
 * F1 of the counts. Null when neither side has a span: there was nothing to
 * agree or disagree on, which is not the same as agreeing (1) or not (0).
 * When only one side has spans the score is 0.
 */
export function f1(counts: MatchCounts): number | null {
  const total = counts.countA + counts.countB;
  if (total === 0) return null;
  return (2 * counts.matches) / total;
}

/** Spans at the same offsets, each span matched at most once (two identical spans on one side need two on the other). */
export function exactMatches(a: readonly TextRange[], b: readonly TextRange[]): MatchCounts {
  const unmatched = new Map<string, number>();
  for (const span of b) {
    const key = `${span.start}:${span.end}`;
    unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
  }
  let matches = 0;
  for (const span of a) {
    const key = `${span.start}:${span.end}`;
    const left = unmatched.get(key) ?? 0;
    if (left > 0) {
      unmatched.set(key, left - 1);
      matches++;
    }
  }
  return { matches, countA: a.length, countB: b.length };
}

/** UTF-16 units two ranges share; 0 or less when they do not overlap. */
function overlapLength(x: TextRange, y: TextRange): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start);
}

interface Candidate {
  i: number;
  j: number;
  overlap: number;
  a: TextRange;
  b: TextRange;
}

function byPreference(x: Candidate, y: Candidate): number {
  return (
    y.overlap - x.overlap ||
    x.a.start - y.a.start ||
    x.b.start - y.b.start ||
    x.a.end - y.a.end ||
    x.b.end - y.b.end ||
    // Only identical spans are left tied; they are interchangeable, so input
    // order can break the tie without changing the count.
    x.i - y.i ||
    x.j - y.j
  );
}

/**
 * Spans that share at least one UTF-16 unit, matched one to one. Matching is
 * greedy: the pair with the largest overlap is taken first, ties going to the
 * earlier start (A's, then B's; then the earlier end), so the count is the
 * same whatever order the spans arrive in. Greedy is not always the largest
 * possible matching, but it pairs each span with the one a reader would
 * point to, and it is simple to reproduce by hand.
 */
export function overlapMatches(a: readonly TextRange[], b: readonly TextRange[]): MatchCounts {
  // B sorted by start lets the scan for each A span stop at the first B span
  // that starts after it ends, instead of testing every pair.
  const sortedB = b.map((span, j) => ({ span, j })).sort((x, y) => x.span.start - y.span.start);
  const candidates: Candidate[] = [];
  a.forEach((spanA, i) => {
    for (const { span: spanB, j } of sortedB) {
      if (spanB.start >= spanA.end) break;
      const overlap = overlapLength(spanA, spanB);
      if (overlap > 0) candidates.push({ i, j, overlap, a: spanA, b: spanB });
    }
  });
  candidates.sort(byPreference);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
  }
  return { matches: usedA.size, countA: a.length, countB: b.length };
}

/** F1 of spans at identical offsets; null when both lists are empty. */
export function exactF1(a: readonly TextRange[], b: readonly TextRange[]): number | null {
  return f1(exactMatches(a, b));
}

/** F1 of overlapping spans, matched one to one; null when both lists are empty. */
export function overlapF1(a: readonly TextRange[], b: readonly TextRange[]): number | null {
  return f1(overlapMatches(a, b));
}
