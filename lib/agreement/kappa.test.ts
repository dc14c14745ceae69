import { describe, expect, it } from 'vitest';
import { addTables, cohensKappa, kappaFromTable, kappaTable, tokenKappa, tokenRatings } from './kappa';
import { tokenRanges } from './tokens';

/** Ratings for a 2×2 table, rows in the order both yes, A only, B only, both no. */
function ratings(bothYes: number, onlyA: number, onlyB: number, bothNo: number): [boolean[], boolean[]] {
  const rows: [boolean, boolean, number][] = [
    [true, true, bothYes],
    [true, false, onlyA],
    [false, true, onlyB],
    [false, false, bothNo],
  ];
  const a: boolean[] = [];
  const b: boolean[] = [];
  for (const [ratingA, ratingB, count] of rows) {
    for (let i = 0; i < count; i++) {
      a.push(ratingA);
      b.push(ratingB);
    }
  }
  return [a, b];
}

describe('cohensKappa', () => {
  it('computes the textbook 2×2 example', () => {
    //            B yes  B no
    //   A yes      8      2     → A yes 10
    //   A no       3      7
    //   B yes     11            n = 20
    // po = (8 + 7) / 20 = 0.75
    // pA = 10/20 = 0.5, pB = 11/20 = 0.55
    // pe = 0.5·0.55 + 0.5·0.45 = 0.275 + 0.225 = 0.5
    // kappa = (0.75 − 0.5) / (1 − 0.5) = 0.5
    const [a, b] = ratings(8, 2, 3, 7);
    expect(kappaTable(a, b)).toEqual({ bothYes: 8, onlyA: 2, onlyB: 3, bothNo: 7 });
    expect(cohensKappa(a, b)).toBeCloseTo(0.5, 10);
  });

  it('is 1 for identical ratings that vary', () => {
    // po = 1, pA = pB = 0.5, pe = 0.25 + 0.25 = 0.5: (1 − 0.5) / 0.5 = 1
    expect(cohensKappa([true, false, true, false], [true, false, true, false])).toBe(1);
  });

  it('is −1 for opposite ratings split evenly', () => {
    // po = 0, pA = pB = 0.5, pe = 0.5: (0 − 0.5) / 0.5 = −1
    expect(cohensKappa([true, false], [false, true])).toBe(-1);
  });

  it('is null when pe = 1, as both raters gave every item one and the same value', () => {
    // All yes: pA = pB = 1, pe = 1·1 + 0·0 = 1, kappa = 0/0.
    expect(cohensKappa([true, true, true], [true, true, true])).toBeNull();
    // All no: pA = pB = 0, pe = 0·0 + 1·1 = 1.
    expect(cohensKappa([false, false], [false, false])).toBeNull();
  });

  it('is 0, not null, when each rater is constant but they differ', () => {
    // A all yes, B all no: po = 0, pe = 1·0 + 0·1 = 0: (0 − 0) / 1 = 0
    expect(cohensKappa([true, true], [false, false])).toBe(0);
  });

  it('is null for no items and throws for ratings of different lengths', () => {
    expect(cohensKappa([], [])).toBeNull();
    expect(() => cohensKappa([true], [true, false])).toThrow(RangeError);
  });

  it('gives the same kappa for added tables as for concatenated ratings', () => {
    // (8,2,3,7) + (1,0,4,5) = (9,2,7,12), n = 30
    // po = 21/30 = 0.7, pA = 11/30, pB = 16/30
    // pe = (11·16 + 19·14) / 900 = (176 + 266) / 900 = 442/900
    // kappa = (630/900 − 442/900) / (458/900) = 188/458 ≈ 0.4105
    const [a1, b1] = ratings(8, 2, 3, 7);
    const [a2, b2] = ratings(1, 0, 4, 5);
    const pooled = kappaFromTable(addTables(kappaTable(a1, b1), kappaTable(a2, b2)));
    expect(pooled).toBeCloseTo(188 / 458, 10);
    expect(pooled).toBeCloseTo(cohensKappa([...a1, ...a2], [...b1, ...b2]) ?? NaN, 10);
  });
});

describe('tokenRatings', () => {
  const tokens = tokenRanges('Five fighters were killed');
  // Five [0,4)  fighters [5,13)  were [14,18)  killed [19,25)

  it('rates a token inside when it shares a unit with any span, even one cut mid-word', () => {
    // [2,6) covers "ve f": Five and fighters are both inside.
    expect(tokenRatings(tokens, [{ start: 2, end: 6 }])).toEqual([true, true, false, false]);
  });

  it('does not count a span that only touches a token, nor an empty span', () => {
    // [4,5) is the space; [19,19) is empty.
    expect(tokenRatings(tokens, [{ start: 4, end: 5 }, { start: 19, end: 19 }])).toEqual([false, false, false, false]);
  });

  it('handles overlapping and unsorted spans', () => {
    const spans = [{ start: 19, end: 25 }, { start: 0, end: 10 }, { start: 3, end: 8 }];
    expect(tokenRatings(tokens, spans)).toEqual([true, true, false, true]);
  });
});

describe('tokenKappa', () => {
  const SENTENCE = 'Five fighters were killed and two civilians were wounded near the border.';

  it('scores the partial example over its 12 tokens', () => {
    // Tokens: Five fighters were killed and two civilians were wounded near the border
    // A spans [0,25) [30,56):  Y    Y     Y    Y     N   Y      Y      Y     Y     N   N    N
    // B spans [0,13) [30,56):  Y    Y     N    N     N   Y      Y      Y     Y     N   N    N
    // both yes 6 (Five fighters two civilians were wounded), A only 2 (were killed),
    // B only 0, both no 4 (and near the border); n = 12
    // po = (6 + 4) / 12 = 5/6
    // pA = 8/12 = 2/3, pB = 6/12 = 1/2
    // pe = 2/3·1/2 + 1/3·1/2 = 1/3 + 1/6 = 1/2
    // kappa = (5/6 − 1/2) / (1 − 1/2) = (1/3) / (1/2) = 2/3
    const a = [{ start: 0, end: 25 }, { start: 30, end: 56 }];
    const b = [{ start: 0, end: 13 }, { start: 30, end: 56 }];
    expect(tokenKappa(SENTENCE, a, b)).toBeCloseTo(2 / 3, 10);
  });

  it('is not disturbed by an emoji before the spans', () => {
    // "🔥 " adds 3 units in front: the same spans shifted by 3 rate the same
    // 12 tokens, and the emoji itself is no token. Kappa stays 2/3.
    const text = `🔥 ${SENTENCE}`;
    const shift = text.indexOf('Five');
    expect(shift).toBe(3);
    const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    const a = [at('Five fighters were killed'), at('two civilians were wounded')];
    const b = [at('Five fighters'), at('two civilians were wounded')];
    expect(a[0]).toEqual({ start: 3, end: 28 });
    expect(tokenKappa(text, a, b)).toBeCloseTo(2 / 3, 10);
  });

  it('is null for a text without tokens or when neither side has a span', () => {
    expect(tokenKappa('', [], [])).toBeNull();
    expect(tokenKappa(SENTENCE, [], [])).toBeNull();
  });
});
