import { describe, expect, it } from 'vitest';
import { agreementCsv } from './csv';
import type { LabelScores, PairAgreement } from './types';

const HEADER =
  'reviewer_a,reviewer_b,label,count_a,count_b,exact_f1,overlap_f1,kappa,figures_matched,figure_value_agreement,figure_category_agreement';

const NOTHING: LabelScores = { exactF1: null, overlapF1: null, kappa: null, countA: 0, countB: 0 };

// The partial example of pairwise.test.ts: figure exact F1 0.5, overlap 1,
// kappa 2/3; one matched figure, same value, other category.
const PARTIAL: PairAgreement = {
  reviewerA: 'alice',
  reviewerB: 'bob',
  byLabel: {
    claim: NOTHING,
    actor: NOTHING,
    figure: { exactF1: 0.5, overlapF1: 1, kappa: 2 / 3, countA: 2, countB: 2 },
  },
  figures: { matched: 1, valueAgreement: 1, categoryAgreement: 0 },
};

describe('agreementCsv', () => {
  it('writes one row per pair and label, figure details on the figure row, nulls as empty cells', () => {
    // 2/3 = 0.666… rounds to 0.6667.
    expect(agreementCsv([PARTIAL])).toBe(
      [
        HEADER,
        'alice,bob,claim,0,0,,,,,,',
        'alice,bob,actor,0,0,,,,,,',
        'alice,bob,figure,2,2,0.5,1,0.6667,1,1,0',
        '',
      ].join('\n'),
    );
  });

  it('writes the header alone for no pairs', () => {
    expect(agreementCsv([])).toBe(`${HEADER}\n`);
  });

  it('keeps negative kappas as numbers and a formula-like reviewer name as text', () => {
    const pair: PairAgreement = {
      ...PARTIAL,
      reviewerA: '=HYPERLINK(1)',
      byLabel: { ...PARTIAL.byLabel, claim: { exactF1: 0, overlapF1: 1 / 3, kappa: -0.123456, countA: 3, countB: 1 } },
    };
    const claimRow = agreementCsv([pair]).split('\n')[1];
    // 1/3 → 0.3333, −0.123456 → −0.1235
    expect(claimRow).toBe("'=HYPERLINK(1),bob,claim,3,1,0,0.3333,-0.1235,,,");
  });
});
