import { describe, expect, it } from 'vitest';
import { articleAgreement, libraryAgreement } from './pairwise';
import type { AgreementFigure, AgreementSpan, ArticleLayers, LabelScores } from './types';

// "Five fighters were killed and two civilians were wounded near the border."
// 12 tokens: Five[0,4) fighters[5,13) were[14,18) killed[19,25) and[26,29) two[30,33)
// civilians[34,43) were[44,48) wounded[49,56) near[57,61) the[62,65) border[66,72)
const SENTENCE = 'Five fighters were killed and two civilians were wounded near the border.';

function span(label: AgreementSpan['label'], start: number, end: number, figure?: AgreementFigure): AgreementSpan {
  return figure ? { label, start, end, figure } : { label, start, end };
}

const NOTHING: LabelScores = { exactF1: null, overlapF1: null, kappa: null, countA: 0, countB: 0 };

describe('articleAgreement', () => {
  it('gives 1 everywhere for identical layers', () => {
    // Each label has spans and untagged tokens, so kappa is defined:
    // po = 1 and pe < 1 → (1 − pe) / (1 − pe) = 1.
    const spans = [
      span('claim', 0, 56),
      span('actor', 5, 13),
      span('actor', 34, 43),
      span('figure', 0, 25, { min: 5, max: 5, category: 'killed' }),
      span('figure', 30, 56, { min: 2, max: 2, category: 'wounded' }),
    ];
    const [pair, ...rest] = articleAgreement({
      articleId: 1,
      text: SENTENCE,
      layers: [
        { reviewer: 'alice', spans },
        { reviewer: 'bob', spans: [...spans] },
      ],
    });
    expect(rest).toEqual([]);
    expect(pair).toEqual({
      reviewerA: 'alice',
      reviewerB: 'bob',
      byLabel: {
        claim: { exactF1: 1, overlapF1: 1, kappa: 1, countA: 1, countB: 1 },
        actor: { exactF1: 1, overlapF1: 1, kappa: 1, countA: 2, countB: 2 },
        figure: { exactF1: 1, overlapF1: 1, kappa: 1, countA: 2, countB: 2 },
      },
      figures: { matched: 2, valueAgreement: 1, categoryAgreement: 1 },
    });
  });

  it('gives null everywhere when nobody tagged anything', () => {
    // F1: 0 spans on both sides. Kappa: every token "outside" for both,
    // pA = pB = 0, pe = 1. Figures: none matched.
    const [pair] = articleAgreement({
      articleId: 1,
      text: SENTENCE,
      layers: [
        { reviewer: 'alice', spans: [] },
        { reviewer: 'bob', spans: [] },
      ],
    });
    expect(pair?.byLabel).toEqual({ claim: NOTHING, actor: NOTHING, figure: NOTHING });
    expect(pair?.figures).toEqual({ matched: 0, valueAgreement: null, categoryAgreement: null });
  });

  it('gives 0 when one reviewer tagged nothing', () => {
    // Figures: alice 2 spans, bob 0. F1 = 2·0 / (2 + 0) = 0.
    // Kappa: alice rates 8 of 12 tokens inside, bob none.
    // po = 4/12 = 1/3, pA = 2/3, pB = 0, pe = 2/3·0 + 1/3·1 = 1/3
    // kappa = (1/3 − 1/3) / (2/3) = 0
    const [pair] = articleAgreement({
      articleId: 1,
      text: SENTENCE,
      layers: [
        { reviewer: 'alice', spans: [span('figure', 0, 25), span('figure', 30, 56)] },
        { reviewer: 'bob', spans: [] },
      ],
    });
    expect(pair?.byLabel.figure).toEqual({ exactF1: 0, overlapF1: 0, kappa: 0, countA: 2, countB: 0 });
    expect(pair?.byLabel.claim).toEqual(NOTHING);
  });

  it('scores the partial example', () => {
    // alice: figure [0,25) "Five fighters were killed", [30,56) "two civilians were wounded"
    // bob:   figure [0,13) "Five fighters",             [30,56) "two civilians were wounded"
    // exact F1 = 2·1 / (2 + 2) = 0.5; overlap F1 = 2·2 / (2 + 2) = 1
    // token kappa (see kappa.test.ts): both yes 6, alice only 2, bob only 0, both no 4
    //   po = 10/12, pA = 8/12, pB = 6/12, pe = 1/3 + 1/6 = 1/2, kappa = (5/6 − 1/2) / (1/2) = 2/3
    // figures: only [30,56) is shared; values 2–2 on both sides, "wounded" vs "injured"
    //   → value 1/1 = 1, category 0/1 = 0
    const [pair] = articleAgreement({
      articleId: 1,
      text: SENTENCE,
      layers: [
        {
          reviewer: 'alice',
          spans: [
            span('figure', 0, 25, { min: 5, max: 5, category: 'killed' }),
            span('figure', 30, 56, { min: 2, max: 2, category: 'wounded' }),
          ],
        },
        {
          reviewer: 'bob',
          spans: [
            span('figure', 0, 13, { min: 5, max: 5, category: 'killed' }),
            span('figure', 30, 56, { min: 2, max: 2, category: 'injured' }),
          ],
        },
      ],
    });
    const figure = pair?.byLabel.figure;
    expect(figure?.exactF1).toBe(0.5);
    expect(figure?.overlapF1).toBe(1);
    expect(figure?.kappa).toBeCloseTo(2 / 3, 10);
    expect(pair?.figures).toEqual({ matched: 1, valueAgreement: 1, categoryAgreement: 0 });
  });

  it('lists every unordered pair once, in layer order', () => {
    const layers = ['carol', 'alice', 'bob'].map((reviewer) => ({ reviewer, spans: [] }));
    const pairs = articleAgreement({ articleId: 1, text: SENTENCE, layers });
    expect(pairs.map((p) => [p.reviewerA, p.reviewerB])).toEqual([
      ['carol', 'alice'],
      ['carol', 'bob'],
      ['alice', 'bob'],
    ]);
  });

  it('has no pairs with fewer than two reviewers, and joins layers of one reviewer', () => {
    expect(articleAgreement({ articleId: 1, text: SENTENCE, layers: [] })).toEqual([]);
    expect(articleAgreement({ articleId: 1, text: SENTENCE, layers: [{ reviewer: 'alice', spans: [] }] })).toEqual([]);
    const joined = articleAgreement({
      articleId: 1,
      text: SENTENCE,
      layers: [
        { reviewer: 'alice', spans: [span('actor', 5, 13)] },
        { reviewer: 'bob', spans: [span('actor', 5, 13), span('actor', 34, 43)] },
        { reviewer: 'alice', spans: [span('actor', 34, 43)] },
      ],
    });
    expect(joined).toHaveLength(1);
    expect(joined[0]?.byLabel.actor).toEqual({ exactF1: 1, overlapF1: 1, kappa: 1, countA: 2, countB: 2 });
  });
});

describe('libraryAgreement', () => {
  // Article 1: "Troops entered the city." 4 tokens; both tag the claim [0,23).
  const ARTICLE_1: ArticleLayers = {
    articleId: 1,
    text: 'Troops entered the city.',
    layers: [
      { reviewer: 'alice', spans: [span('claim', 0, 23)] },
      { reviewer: 'bob', spans: [span('claim', 0, 23)] },
    ],
  };
  // Article 2: 8 tokens Two[0,3) said[4,8) one[9,12) thing[13,18) and[19,22)
  // three[23,28) said[29,33) another[34,41). Bob's layer comes first here.
  // alice: "Two", "one thing", "three"; bob: "said another". Nothing overlaps.
  const ARTICLE_2: ArticleLayers = {
    articleId: 2,
    text: 'Two said one thing and three said another.',
    layers: [
      { reviewer: 'bob', spans: [span('claim', 29, 41)] },
      { reviewer: 'alice', spans: [span('claim', 0, 3), span('claim', 9, 18), span('claim', 23, 28)] },
    ],
  };
  // Article 3: only alice and carol; carol tagged nothing.
  const ARTICLE_3: ArticleLayers = {
    articleId: 3,
    text: 'Troops left.',
    layers: [
      { reviewer: 'alice', spans: [span('claim', 0, 12)] },
      { reviewer: 'carol', spans: [] },
    ],
  };

  it('pools counts across articles, which is not the mean of the article scores', () => {
    // Per article (claim):
    //   1: 1 match, 1 + 1 spans → F1 = 2·1/2 = 1;  kappa: all 4 tokens inside for both, pe = 1 → null
    //   2: 0 matches, 3 + 1 spans → F1 = 0;        kappa = −0.5:
    //      alice inside: Two one thing three (4); bob inside: said another (2)
    //      both yes 0, alice only 4, bob only 2, both no 2 (said, and); n = 8
    //      po = 2/8, pA = 4/8, pB = 2/8, pe = 0.5·0.25 + 0.5·0.75 = 0.5
    //      kappa = (0.25 − 0.5) / 0.5 = −0.5
    //   Mean of the F1s: (1 + 0) / 2 = 0.5
    // Pooled:
    //   F1 = 2·(1 + 0) / ((1 + 3) + (1 + 1)) = 2/6 = 1/3
    //   kappa over both tables: both yes 4, alice only 4, bob only 2, both no 2; n = 12
    //      po = 6/12 = 0.5, pA = 8/12 = 2/3, pB = 6/12 = 0.5
    //      pe = 2/3·1/2 + 1/3·1/2 = 0.5, kappa = (0.5 − 0.5) / 0.5 = 0
    const [one] = articleAgreement(ARTICLE_1);
    const [two] = articleAgreement(ARTICLE_2);
    expect(one?.byLabel.claim).toEqual({ exactF1: 1, overlapF1: 1, kappa: null, countA: 1, countB: 1 });
    // Within article 2 alone bob's layer comes first, so bob is A.
    expect(two?.reviewerA).toBe('bob');
    expect(two?.byLabel.claim.exactF1).toBe(0);
    expect(two?.byLabel.claim.kappa).toBeCloseTo(-0.5, 10);

    const [pair] = libraryAgreement([ARTICLE_1, ARTICLE_2]);
    expect(pair?.reviewerA).toBe('alice');
    const claim = pair?.byLabel.claim;
    expect(claim?.countA).toBe(4);
    expect(claim?.countB).toBe(2);
    expect(claim?.exactF1).toBeCloseTo(1 / 3, 10);
    expect(claim?.overlapF1).toBeCloseTo(1 / 3, 10);
    expect(claim?.kappa).toBeCloseTo(0, 10);
    expect(claim?.exactF1).not.toBeCloseTo(((one?.byLabel.claim.exactF1 ?? 0) + (two?.byLabel.claim.exactF1 ?? 0)) / 2, 5);
  });

  it('compares a pair only on articles where both have a layer, reviewers in order of first appearance', () => {
    // alice–bob: articles 1 and 2 as above. alice–carol: article 3 only,
    // 1 span against 0 → F1 0. bob and carol never share an article.
    const pairs = libraryAgreement([ARTICLE_1, ARTICLE_2, ARTICLE_3]);
    expect(pairs.map((p) => [p.reviewerA, p.reviewerB])).toEqual([
      ['alice', 'bob'],
      ['alice', 'carol'],
    ]);
    expect(pairs[0]?.byLabel.claim.countA).toBe(4);
    expect(pairs[1]?.byLabel.claim).toEqual({ exactF1: 0, overlapF1: 0, kappa: 0, countA: 1, countB: 0 });
  });

  it('pools matched figures across articles', () => {
    // Article 1: one shared figure span, same value and category.
    // Article 2: one shared figure span, same value, other category.
    // Pooled: 2 matched, value 2/2 = 1, category 1/2 = 0.5.
    const figureArticle = (articleId: number, categoryB: string): ArticleLayers => ({
      articleId,
      text: 'Five died.',
      layers: [
        { reviewer: 'alice', spans: [span('figure', 0, 4, { min: 5, max: 5, category: 'killed' })] },
        { reviewer: 'bob', spans: [span('figure', 0, 4, { min: 5, max: 5, category: categoryB })] },
      ],
    });
    const [pair] = libraryAgreement([figureArticle(1, 'killed'), figureArticle(2, 'other')]);
    expect(pair?.figures).toEqual({ matched: 2, valueAgreement: 1, categoryAgreement: 0.5 });
  });

  it('is empty for no articles', () => {
    expect(libraryAgreement([])).toEqual([]);
  });
});
