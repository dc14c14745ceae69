import type { AgreementFigure, AgreementSpan, FigureScores } from './types';

/*
 * Whether two reviewers who tagged the same figure read it the same way.
 * Only spans at exactly the same offsets are compared: once the spans differ
 * ("Five fighters" against "Five fighters were killed") a different category
 * or value may just follow from the different words, and span agreement
 * already scores that difference.
 *
 * Spans without figure details (figure null or missing) are left out, as
 * there is no reading to compare. Counts, not shares, are returned by
 * figureCounts so a library can pool pairs across articles.
 */

export interface FigureCounts {
  matched: number;
  sameValue: number;
  sameCategory: number;
}

// Frozen: it is shared as the starting value of every tally.
export const NO_FIGURES: Readonly<FigureCounts> = Object.freeze({ matched: 0, sameValue: 0, sameCategory: 0 });

export function addFigureCounts(x: FigureCounts, y: FigureCounts): FigureCounts {
  return {
    matched: x.matched + y.matched,
    sameValue: x.sameValue + y.sameValue,
    sameCategory: x.sameCategory + y.sameCategory,
  };
}

type FigureSpan = Pick<AgreementSpan, 'start' | 'end' | 'figure'>;

/** Pairs figures at the same offsets one to one; duplicates on one side pair in the order given. */
export function figureCounts(a: readonly FigureSpan[], b: readonly FigureSpan[]): FigureCounts {
  const waiting = new Map<string, AgreementFigure[]>();
  for (const span of b) {
    if (!span.figure) continue;
    const key = `${span.start}:${span.end}`;
    const queue = waiting.get(key);
    if (queue) queue.push(span.figure);
    else waiting.set(key, [span.figure]);
  }
  const counts = { ...NO_FIGURES };
  for (const span of a) {
    if (!span.figure) continue;
    const other = waiting.get(`${span.start}:${span.end}`)?.shift();
    if (other === undefined) continue;
    counts.matched++;
    // Both bounds must agree: "at least 5" (5, null) is not the same reading as "5" (5, 5).
    if (span.figure.min === other.min && span.figure.max === other.max) counts.sameValue++;
    if (span.figure.category === other.category) counts.sameCategory++;
  }
  return counts;
}

/** Shares of matched figure pairs that agree; null when no figure was matched, as there was nothing to compare. */
export function figureScores(counts: FigureCounts): FigureScores {
  const { matched, sameValue, sameCategory } = counts;
  return {
    matched,
    valueAgreement: matched === 0 ? null : sameValue / matched,
    categoryAgreement: matched === 0 ? null : sameCategory / matched,
  };
}

export function figureAgreement(a: readonly FigureSpan[], b: readonly FigureSpan[]): FigureScores {
  return figureScores(figureCounts(a, b));
}
