import { describe, it, expect } from 'vitest';
import { suggestComparisons, suggestionKey } from './suggest';
import { figure } from './fixtures.test-helper';

// The sample article (us-strikes-iraq-2023-11-22).
const A = figure({
  annotationId: 11,
  min: 5,
  qualifier: 'at_least',
  category: 'killed',
  counted: 'Shiite militiamen',
  place: 'Iraq',
  source: 'a Iran-backed militia group',
  quote: 'At least five Shiite militiamen',
});
const B = figure({
  annotationId: 12,
  min: 5,
  max: 5,
  category: 'killed',
  counted: 'its fighters',
  place: 'Jurf Al Sakhar',
  source: 'Kataib Hezbollah',
  quote: 'five of its fighters were killed',
});
const C = figure({
  annotationId: 13,
  min: 5,
  category: 'wounded',
  counted: 'fighters',
  source: 'Other militia groups',
  quote: 'five fighters were wounded',
});
const D = figure({
  annotationId: 14,
  min: 2,
  category: 'strikes',
  counted: 'Kataib Hezbollah operations centres',
  place: 'Jurf Al Sakhar',
  source: 'two Iraqi security officials',
  quote: 'two Kataib Hezbollah operations centres',
});
const SAMPLE = [A, B, C, D];

const NO_HISTORY = { dismissed: new Set<string>(), existing: [] };

describe('suggestionKey', () => {
  it('joins the ids in ascending numeric order', () => {
    expect(suggestionKey([12, 3, 7])).toBe('3-7-12');
  });

  it('does not depend on the order or repetition of ids', () => {
    expect(suggestionKey([7, 12, 3])).toBe(suggestionKey([3, 7, 12]));
    expect(suggestionKey([3, 7, 7, 12])).toBe('3-7-12');
  });
});

describe('suggestComparisons on the sample article', () => {
  it('suggests the fighters killed and wounded, without the strikes', () => {
    expect(suggestComparisons(SAMPLE, NO_HISTORY)).toEqual([
      {
        key: '11-12-13',
        annotationIds: [11, 12, 13],
        reason: '3 figures count fighters with different categories: killed, wounded',
        title: 'Fighters killed or wounded, Jurf Al Sakhar',
      },
    ]);
  });

  it('gives the same suggestion whatever order the figures come in', () => {
    expect(suggestComparisons([D, C, A, B], NO_HISTORY)).toEqual(suggestComparisons(SAMPLE, NO_HISTORY));
  });

  it('leaves out a dismissed suggestion', () => {
    expect(suggestComparisons(SAMPLE, { dismissed: new Set(['11-12-13']), existing: [] })).toEqual([]);
  });

  it('suggests again once a new figure joins a dismissed group', () => {
    const more = figure({ annotationId: 20, min: 6, counted: 'militants' });
    const suggestions = suggestComparisons([...SAMPLE, more], { dismissed: new Set(['11-12-13']), existing: [] });
    expect(suggestions.map((s) => s.key)).toEqual(['11-12-13-20']);
  });

  it('leaves out a group already held by one existing comparison', () => {
    expect(suggestComparisons(SAMPLE, { dismissed: new Set(), existing: [[13, 11, 12]] })).toEqual([]);
    expect(suggestComparisons(SAMPLE, { dismissed: new Set(), existing: [[14], [13, 12, 11, 99]] })).toEqual([]);
  });

  it('still suggests a group split over several comparisons or only partly compared', () => {
    const split = suggestComparisons(SAMPLE, { dismissed: new Set(), existing: [[11, 12], [12, 13]] });
    expect(split.map((s) => s.key)).toEqual(['11-12-13']);
  });
});

describe('suggestComparisons', () => {
  it('gives nothing for no figures or one', () => {
    expect(suggestComparisons([], NO_HISTORY)).toEqual([]);
    expect(suggestComparisons([A], NO_HISTORY)).toEqual([]);
  });

  it('suggests a pair across articles that counts the same people with different values', () => {
    const here = figure({ annotationId: 1, articleId: 1, min: 3, counted: 'civilians', place: 'Mosul' });
    const there = figure({ annotationId: 2, articleId: 2, min: 9, counted: 'residents', place: 'Mosul' });
    expect(suggestComparisons([here, there], NO_HISTORY)).toEqual([
      { key: '1-2', annotationIds: [1, 2], reason: 'Both count civilians, but one says 3 and the other 9', title: 'Civilians killed, Mosul' },
    ]);
  });

  it('does not suggest related figures that agree on value and category', () => {
    const other = { ...B, annotationId: 30, source: 'Reuters', place: 'Baghdad' };
    expect(suggestComparisons([B, other], NO_HISTORY)).toEqual([]);
  });

  it('orders by group size, then by smallest id', () => {
    const pair = (first: number, counted: string) => [
      figure({ annotationId: first, min: 1, counted }),
      figure({ annotationId: first + 1, min: 2, counted }),
    ];
    const suggestions = suggestComparisons([...pair(50, 'soldiers'), ...pair(1, 'hostages'), ...SAMPLE], NO_HISTORY);
    expect(suggestions.map((s) => s.key)).toEqual(['11-12-13', '1-2', '50-51']);
  });

  it('handles ten thousand figures without comparing every pair', () => {
    const heads = ['fighters', 'civilians', 'soldiers', 'hostages', 'journalists'];
    const figures = Array.from({ length: 10_000 }, (_, i) =>
      figure({
        annotationId: i + 1,
        articleId: (i % 400) + 1,
        min: i % 7,
        // Every fifth figure names nobody, so only its town relates it.
        counted: i % 5 === 0 ? null : (heads[i % 5] ?? null),
        place: `Town ${i % 50}`,
        category: i % 2 === 0 ? 'killed' : 'wounded',
      }),
    );
    // Its speed is measured in bench/; here, that bucketing still finds the right groups.
    const suggestions = suggestComparisons(figures, NO_HISTORY);
    // Who is counted only relates figures across articles in the same town, so each of the fifty towns is one group.
    expect(suggestions.map((s) => s.annotationIds.length)).toEqual(Array(50).fill(200));
  });
});
