import { stringify } from 'csv-stringify/sync';
import { LABELS } from '../labels';
import type { PairAgreement } from './types';

/*
 * One row per reviewer pair and label. Figure details get columns of their
 * own, filled on the `figure` row and empty on the others, rather than rows
 * that would put a different measure under `exact_f1`: a column holds one
 * measure, so a spreadsheet can average or chart it without filtering rows
 * first. `figures_matched` is there because a share of 1 over one figure and
 * over fifty say very different things.
 *
 * Scores are rounded to 4 decimals; a null score (undefined, shown as "—" in
 * the interface) is an empty cell, never 0, which would read as disagreement.
 */

export const AGREEMENT_CSV_COLUMNS = [
  'reviewer_a',
  'reviewer_b',
  'label',
  'count_a',
  'count_b',
  'exact_f1',
  'overlap_f1',
  'kappa',
  'figures_matched',
  'figure_value_agreement',
  'figure_category_agreement',
] as const;

type Cell = string | number | null;

function score(value: number | null): Cell {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

function pairRows(pair: PairAgreement): Cell[][] {
  return LABELS.map((label) => {
    const scores = pair.byLabel[label];
    const figures = pair.figures;
    const figureCells: Cell[] =
      label === 'figure'
        ? [figures.matched, score(figures.valueAgreement), score(figures.categoryAgreement)]
        : [null, null, null];
    return [
      pair.reviewerA,
      pair.reviewerB,
      label,
      scores.countA,
      scores.countB,
      score(scores.exactF1),
      score(scores.overlapF1),
      score(scores.kappa),
      ...figureCells,
    ];
  });
}

/** The pairs as CSV, header first, rows in the order of `pairs` and then of LABELS. */
export function agreementCsv(pairs: readonly PairAgreement[]): string {
  // escape_formulas: reviewer names are user text; a name like "=cmd" must
  // reach a spreadsheet as text, not as a formula (OWASP "CSV injection").
  return stringify([[...AGREEMENT_CSV_COLUMNS], ...pairs.flatMap(pairRows)], { escape_formulas: true });
}
