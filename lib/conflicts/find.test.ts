import { describe, expect, it } from 'vitest';
import { figure as comparable } from '../comparisons/fixtures.test-helper';
import { disagreement, findConflicts, shiftDate, type ConflictFigure } from './find';

// A figure for these tests: an exact number of fighters killed, dated 2023-11-22, in article 1.
function figure(overrides: Partial<ConflictFigure> & Pick<ConflictFigure, 'annotationId'>): ConflictFigure {
  return { ...comparable({ annotationId: overrides.annotationId, min: 5, max: 5, counted: 'fighters' }), publishedOn: '2023-11-22', vague: false, ...overrides };
}

describe('findConflicts', () => {
  it('proposes five killed against five wounded of the same fighters across two outlets', () => {
    const groups = findConflicts([
      figure({ annotationId: 1, articleId: 1, category: 'wounded', counted: 'fighters', place: 'Jurf Al Sakhar' }),
      figure({ annotationId: 2, articleId: 2, publishedOn: '2023-11-23', category: 'killed', counted: 'its fighters' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: '1-2', annotationIds: [1, 2], newest: { publishedOn: '2023-11-23', annotationId: 2 } });
    expect(groups[0]?.reason).toBe('Both count fighters, but one says wounded and the other killed');
    expect(groups[0]?.title).toBe('Fighters killed or wounded, Jurf Al Sakhar');
  });

  it('proposes different numbers of one outcome, by who or by place', () => {
    const byWho = findConflicts([figure({ annotationId: 1, articleId: 1 }), figure({ annotationId: 2, articleId: 2, min: 7, max: 7 })]);
    expect(byWho.map((g) => g.annotationIds)).toEqual([[1, 2]]);
    const byPlace = findConflicts([
      figure({ annotationId: 1, articleId: 1, counted: null, place: 'Jurf Al Sakhar' }),
      figure({ annotationId: 2, articleId: 2, counted: 'militants', place: 'the Jurf al Sakhar', min: 7, max: 7 }),
    ]);
    expect(byPlace.map((g) => g.annotationIds)).toEqual([[1, 2]]);
  });

  it('leaves out articles published further apart than the window, which is a parameter', () => {
    const figures = [figure({ annotationId: 1, articleId: 1 }), figure({ annotationId: 2, articleId: 2, publishedOn: '2023-11-26', min: 7, max: 7 })];
    expect(findConflicts(figures)).toEqual([]);
    expect(findConflicts(figures, { windowDays: 4 })).toHaveLength(1);
    expect(findConflicts([figures[0] as ConflictFigure, { ...(figures[1] as ConflictFigure), publishedOn: null }], { windowDays: 100 })).toEqual([]);
  });

  it('keeps apart figures in different places or counting different people', () => {
    expect(
      findConflicts([
        figure({ annotationId: 1, articleId: 1, place: 'Jurf Al Sakhar' }),
        figure({ annotationId: 2, articleId: 2, place: 'Anbar province', min: 7, max: 7 }),
      ]),
    ).toEqual([]);
    expect(
      findConflicts([
        figure({ annotationId: 1, articleId: 1, counted: 'soldiers', place: 'Baghdad' }),
        figure({ annotationId: 2, articleId: 2, counted: 'civilians', place: 'Baghdad', min: 20, max: 20 }),
      ]),
    ).toEqual([]);
  });

  it('does not relate different outcomes with different numbers: five killed and forty wounded are two facts', () => {
    expect(findConflicts([figure({ annotationId: 1, articleId: 1 }), figure({ annotationId: 2, articleId: 2, category: 'wounded', min: 40, max: 40 })])).toEqual([]);
  });

  it('reads qualifiers: "at least 5" and 7 agree, "at most 5" and 7 do not', () => {
    expect(findConflicts([figure({ annotationId: 1, articleId: 1, qualifier: 'at_least' }), figure({ annotationId: 2, articleId: 2, min: 7, max: 7 })])).toEqual([]);
    expect(
      findConflicts([figure({ annotationId: 1, articleId: 1, qualifier: 'at_most', min: null }), figure({ annotationId: 2, articleId: 2, min: 7, max: 7 })]),
    ).toHaveLength(1);
  });

  it('lets a vague amount contradict nothing', () => {
    expect(
      findConflicts([figure({ annotationId: 1, articleId: 1, vague: true, qualifier: 'vague', min: 24, max: null }), figure({ annotationId: 2, articleId: 2, min: 7, max: 7 })]),
    ).toEqual([]);
  });

  it('leaves within-article disagreements to the reader, and needs two articles in a group', () => {
    expect(findConflicts([figure({ annotationId: 1, articleId: 1 }), figure({ annotationId: 2, articleId: 1, category: 'wounded' })])).toEqual([]);
  });

  it('groups several outlets into one group, and keeps agreeing outlets out of the proposals', () => {
    const groups = findConflicts([
      figure({ annotationId: 1, articleId: 1 }),
      figure({ annotationId: 2, articleId: 2, publishedOn: '2023-11-23' }),
      figure({ annotationId: 3, articleId: 3, publishedOn: '2023-11-24', min: 9, max: 9 }),
      figure({ annotationId: 4, articleId: 4, counted: 'civilians' }),
      figure({ annotationId: 5, articleId: 5, counted: 'civilians', publishedOn: '2023-11-23' }),
    ]);
    expect(groups.map((g) => g.annotationIds)).toEqual([[1, 2, 3]]);
    expect(groups[0]?.newest).toEqual({ publishedOn: '2023-11-24', annotationId: 3 });
  });

  it('does not chain two places into one group through a figure that names none', () => {
    const groups = findConflicts([
      figure({ annotationId: 1, articleId: 1, place: 'Jurf Al Sakhar' }),
      figure({ annotationId: 2, articleId: 2, min: 6, max: 6 }),
      figure({ annotationId: 3, articleId: 3, place: 'Anbar province', min: 9, max: 9 }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.annotationIds).toHaveLength(2);
  });
});

describe('disagreement', () => {
  it('marks values only within one category, and categories only for the same people', () => {
    expect(disagreement([figure({ annotationId: 1 }), figure({ annotationId: 2, category: 'wounded', min: 9, max: 9 })])).toEqual({ value: false, category: true });
    expect(disagreement([figure({ annotationId: 1, counted: null }), figure({ annotationId: 2, counted: null, category: 'wounded' })])).toEqual({ value: false, category: false });
    expect(disagreement([figure({ annotationId: 1, qualifier: 'range', min: 3, max: 6 }), figure({ annotationId: 2, min: 7, max: 7 })])).toEqual({ value: true, category: false });
  });
});

describe('shiftDate', () => {
  it('moves a date by days across months', () => {
    expect(shiftDate('2023-11-29', 3)).toBe('2023-12-02');
    expect(shiftDate('2023-12-02', -3)).toBe('2023-11-29');
  });
});
