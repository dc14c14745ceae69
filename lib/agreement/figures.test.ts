import { describe, expect, it } from 'vitest';
import { addFigureCounts, figureAgreement, figureCounts, figureScores } from './figures';
import type { AgreementFigure, AgreementSpan } from './types';

function figure(start: number, end: number, reading: AgreementFigure | null): AgreementSpan {
  return { label: 'figure', start, end, figure: reading };
}

const FIVE_KILLED: AgreementFigure = { min: 5, max: 5, category: 'killed' };

describe('figureAgreement', () => {
  it('agrees on value but not category for a same-span pair read "killed" and "other"', () => {
    // One matched pair: min 5 = 5 and max 5 = 5 → value 1/1 = 1;
    // "killed" ≠ "other" → category 0/1 = 0.
    const a = [figure(0, 25, FIVE_KILLED)];
    const b = [figure(0, 25, { min: 5, max: 5, category: 'other' })];
    expect(figureAgreement(a, b)).toEqual({ matched: 1, valueAgreement: 1, categoryAgreement: 0 });
  });

  it('is null on both shares when no span is shared exactly', () => {
    // [0,25) against [0,13): overlapping, but not the same span.
    const a = [figure(0, 25, FIVE_KILLED)];
    const b = [figure(0, 13, FIVE_KILLED)];
    expect(figureAgreement(a, b)).toEqual({ matched: 0, valueAgreement: null, categoryAgreement: null });
    expect(figureAgreement([], [])).toEqual({ matched: 0, valueAgreement: null, categoryAgreement: null });
  });

  it('needs both bounds equal for the value to agree', () => {
    // "at least 5" (5, null) against "5" (5, 5): max null ≠ 5 → value 0/1.
    const a = [figure(0, 13, { min: 5, max: null, category: 'killed' })];
    const b = [figure(0, 13, FIVE_KILLED)];
    expect(figureAgreement(a, b)).toEqual({ matched: 1, valueAgreement: 0, categoryAgreement: 1 });
  });

  it('takes shares over matched pairs only', () => {
    // Matched: [0,25) agrees on both; [30,56) values 2 vs 3, same category.
    // [60,70) has no partner and is left out.
    // value 1/2 = 0.5, category 2/2 = 1
    const a = [figure(0, 25, FIVE_KILLED), figure(30, 56, { min: 2, max: 2, category: 'wounded' }), figure(60, 70, FIVE_KILLED)];
    const b = [figure(30, 56, { min: 3, max: 3, category: 'wounded' }), figure(0, 25, FIVE_KILLED)];
    expect(figureAgreement(a, b)).toEqual({ matched: 2, valueAgreement: 0.5, categoryAgreement: 1 });
  });

  it('leaves out spans without figure details', () => {
    expect(figureAgreement([figure(0, 25, null)], [figure(0, 25, FIVE_KILLED)]).matched).toBe(0);
    expect(figureAgreement([{ start: 0, end: 25 }], [figure(0, 25, FIVE_KILLED)]).matched).toBe(0);
  });

  it('pairs duplicate spans one to one, in order', () => {
    // A tags [0,25) twice, B once: one pair, A's first with B's.
    const a = [figure(0, 25, FIVE_KILLED), figure(0, 25, { min: 6, max: 6, category: 'killed' })];
    const b = [figure(0, 25, FIVE_KILLED)];
    expect(figureCounts(a, b)).toEqual({ matched: 1, sameValue: 1, sameCategory: 1 });
  });

  it('pools counts before taking shares', () => {
    // (1 matched, 1 same value, 0 same category) + (3, 1, 3) = (4, 2, 3): 2/4 and 3/4
    const pooled = addFigureCounts({ matched: 1, sameValue: 1, sameCategory: 0 }, { matched: 3, sameValue: 1, sameCategory: 3 });
    expect(figureScores(pooled)).toEqual({ matched: 4, valueAgreement: 0.5, categoryAgreement: 0.75 });
  });
});
