import { describe, it, expect } from 'vitest';
import { relatedGroups } from './groups';
import type { ComparableFigure } from './types';

function figure(overrides: Partial<ComparableFigure> & Pick<ComparableFigure, 'annotationId'>): ComparableFigure {
  return {
    articleId: 1,
    min: 5,
    max: null,
    qualifier: 'exact',
    category: 'killed',
    counted: null,
    place: null,
    time: null,
    source: null,
    quote: '',
    ...overrides,
  };
}

const ids = (groups: ComparableFigure[][]): number[][] => groups.map((g) => g.map((f) => f.annotationId));

// The sample article: A, B and C count fighters; D counts strikes in B's town.
const A = figure({ annotationId: 1, qualifier: 'at_least', counted: 'Shiite militiamen', place: 'Iraq' });
const B = figure({ annotationId: 2, counted: 'its fighters', place: 'Jurf Al Sakhar' });
const C = figure({ annotationId: 3, category: 'wounded', counted: 'fighters' });
const D = figure({
  annotationId: 4,
  min: 2,
  category: 'strikes',
  counted: 'Kataib Hezbollah operations centres',
  place: 'Jurf Al Sakhar',
});

describe('relatedGroups', () => {
  it('groups the sample fighters and keeps the strikes out despite the shared place', () => {
    expect(ids(relatedGroups([D, C, B, A]))).toEqual([[1, 2, 3]]);
  });

  it('relates through a shared place when the category matches and one figure does not say who', () => {
    const E = figure({ annotationId: 5, min: 7, place: 'the Jurf al Sakhar' });
    expect(ids(relatedGroups([A, B, C, D, E]))).toEqual([[1, 2, 3, 5]]);
  });

  it('does not relate a shared place across categories even without who is counted', () => {
    const strikes = figure({ annotationId: 5, category: 'strikes', place: 'Jurf Al Sakhar' });
    expect(ids(relatedGroups([B, strikes]))).toEqual([]);
  });

  it('does not relate a shared place when both say who they count and it differs', () => {
    const soldiers = figure({ annotationId: 1, min: 3, counted: 'soldiers', place: 'Gaza' });
    const civilians = figure({ annotationId: 2, min: 20, counted: 'civilians', place: 'Gaza' });
    expect(ids(relatedGroups([soldiers, civilians]))).toEqual([]);
    // An unspecified count in the same place bridges them, as it may cover both.
    const everyone = figure({ annotationId: 3, min: 23, place: 'Gaza' });
    expect(ids(relatedGroups([soldiers, civilians, everyone]))).toEqual([[1, 2, 3]]);
  });

  it('relates figures from different articles that count the same people in the same place', () => {
    const other = figure({ annotationId: 9, articleId: 2, counted: 'militants', place: 'Jurf al Sakhar' });
    expect(ids(relatedGroups([B, other]))).toEqual([[2, 9]]);
  });

  it('does not relate figures from different articles by who is counted alone', () => {
    const elsewhere = figure({ annotationId: 9, articleId: 2, counted: 'militants', place: 'Mosul' });
    const nowhere = figure({ annotationId: 10, articleId: 3, counted: 'fighters' });
    expect(ids(relatedGroups([B, elsewhere, nowhere]))).toEqual([]);
  });

  it('does not relate figures with neither who nor where', () => {
    expect(ids(relatedGroups([figure({ annotationId: 1 }), figure({ annotationId: 2 })]))).toEqual([]);
  });

  it('does not relate an annotation to itself', () => {
    expect(ids(relatedGroups([B, { ...B }]))).toEqual([]);
  });

  it('returns nothing for no figures or one', () => {
    expect(relatedGroups([])).toEqual([]);
    expect(relatedGroups([A])).toEqual([]);
  });
});

describe('relatedGroups never joins two incidents', () => {
  // The sample article as the figure reader reads it: A is dated early on Wednesday, and the
  // militant killed late on Monday at an airbase west of Baghdad is another incident.
  const wednesday = { ...A, time: 'early on Wednesday' };
  const militant = figure({ annotationId: 5, min: 1, counted: 'Iran-backed militant', time: 'Late on Monday' });
  const militantAtAirbase = { ...militant, place: 'an airbase west of Baghdad' };

  it('keeps the militant killed on Monday out of the Wednesday casualties', () => {
    expect(ids(relatedGroups([wednesday, B, C, D, militant]))).toEqual([[1, 2, 3]]);
    expect(ids(relatedGroups([militant, C, D, B, wednesday]))).toEqual([[1, 2, 3]]);
  });

  it('keeps a figure at an airbase west of Baghdad apart from Jurf Al Sakhar', () => {
    expect(ids(relatedGroups([wednesday, B, C, D, militantAtAirbase]))).toEqual([[1, 2, 3]]);
    // Without a time it still differs from Jurf Al Sakhar, though it lies within Iraq.
    expect(ids(relatedGroups([B, { ...militantAtAirbase, time: null }]))).toEqual([]);
  });

  it('groups a place with a place it lies within', () => {
    // Jurf Al Sakhar lies within Iraq: A and B join directly.
    expect(ids(relatedGroups([A, B]))).toEqual([[1, 2]]);
    const wednesdayAtJurf = { ...B, time: 'Wednesday' };
    expect(ids(relatedGroups([wednesday, wednesdayAtJurf]))).toEqual([[1, 2]]);
  });

  it('does not bridge two places through a figure that states none', () => {
    const anbar = figure({ annotationId: 6, counted: 'fighters', place: 'Anbar province' });
    expect(ids(relatedGroups([B, C, anbar]))).toEqual([[2, 3]]);
  });

  it('does not bridge two days through a figure that states none', () => {
    const monday = figure({ annotationId: 7, counted: 'fighters', time: 'Monday' });
    const tuesday = figure({ annotationId: 8, counted: 'fighters', time: 'Tuesday' });
    expect(ids(relatedGroups([monday, C, tuesday]))).toEqual([[3, 7]]);
  });
});

describe('relatedGroups with figures that state neither where nor when', () => {
  it('joins them to the largest incident they fit, not to the one tagged first', () => {
    const militant = figure({ annotationId: 1, min: 1, counted: 'militant', time: 'Late on Monday', place: 'Rutba' });
    const akashat = figure({ annotationId: 2, min: 4, counted: 'fighters', place: 'Akashat' });
    const wounded = figure({ annotationId: 3, min: 4, category: 'wounded', counted: 'fighters' });
    const atLeast = figure({ annotationId: 4, min: 6, qualifier: 'at_least', counted: 'fighters' });
    const moreAtAkashat = figure({ annotationId: 5, min: 5, counted: 'fighters', place: 'Akashat' });
    expect(ids(relatedGroups([militant, akashat, wounded, atLeast, moreAtAkashat]))).toEqual([[2, 3, 4, 5]]);
  });

  it('joins them to the earliest incident on a tie', () => {
    const akashat = figure({ annotationId: 2, min: 4, counted: 'fighters', place: 'Akashat' });
    const wounded = figure({ annotationId: 3, min: 4, category: 'wounded', counted: 'fighters' });
    const militant = figure({ annotationId: 4, min: 1, counted: 'militant', time: 'Late on Monday', place: 'Rutba' });
    expect(ids(relatedGroups([militant, wounded, akashat]))).toEqual([[2, 3]]);
  });
});
