import type { Label } from '../labels';
import { addFigureCounts, figureCounts, figureScores, NO_FIGURES, type FigureCounts } from './figures';
import { addTables, EMPTY_TABLE, kappaFromTable, kappaTable, type KappaTable } from './kappa';
import type { ReviewerView } from './layer-view';
import { perLabel } from './per-label';
import { addMatchCounts, exactMatches, f1, NO_MATCHES, overlapMatches, type MatchCounts } from './spans';
import type { PairAgreement } from './types';

/*
 * The raw counts behind one reviewer pair's scores. Counts add up across
 * articles and are turned into scores only at the end: that is what makes
 * library agreement micro-averaged (every span and token weighs the same)
 * rather than an average of per-article scores.
 */

export interface LabelTally {
  exact: MatchCounts;
  overlap: MatchCounts;
  kappa: KappaTable;
}

export interface PairTally {
  byLabel: Record<Label, LabelTally>;
  figures: FigureCounts;
}

export function emptyTally(): PairTally {
  return {
    byLabel: perLabel(() => ({ exact: NO_MATCHES, overlap: NO_MATCHES, kappa: EMPTY_TABLE })),
    figures: NO_FIGURES,
  };
}

export function addTallies(x: PairTally, y: PairTally): PairTally {
  return {
    byLabel: perLabel((label) => ({
      exact: addMatchCounts(x.byLabel[label].exact, y.byLabel[label].exact),
      overlap: addMatchCounts(x.byLabel[label].overlap, y.byLabel[label].overlap),
      kappa: addTables(x.byLabel[label].kappa, y.byLabel[label].kappa),
    })),
    figures: addFigureCounts(x.figures, y.figures),
  };
}

/** Counts for reviewers A and B on one article; both views must come from the same article. */
export function tallyPair(a: ReviewerView, b: ReviewerView): PairTally {
  return {
    byLabel: perLabel((label) => ({
      exact: exactMatches(a.spans[label], b.spans[label]),
      overlap: overlapMatches(a.spans[label], b.spans[label]),
      kappa: kappaTable(a.ratings[label], b.ratings[label]),
    })),
    // Figure details are read off figure spans only; another label carrying
    // stray figure data must not be compared as a figure.
    figures: figureCounts(a.spans.figure, b.spans.figure),
  };
}

export function scoreTally(tally: PairTally): Pick<PairAgreement, 'byLabel' | 'figures'> {
  const byLabel = perLabel((label) => {
    const { exact, overlap, kappa } = tally.byLabel[label];
    return {
      exactF1: f1(exact),
      overlapF1: f1(overlap),
      kappa: kappaFromTable(kappa),
      countA: exact.countA,
      countB: exact.countB,
    };
  });
  return { byLabel, figures: figureScores(tally.figures) };
}
