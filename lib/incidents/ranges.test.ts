import { describe, expect, it } from 'vitest';
import type { Qualifier } from '../figures/types';
import { boundText, categoryRanges, figureInterval, type IncidentFigure } from './ranges';

let nextId = 1;
function figure(category: string, qualifier: Qualifier, min: number | null, max: number | null = min): IncidentFigure {
  return { annotationId: nextId++, category, qualifier, min, max };
}

describe('figureInterval', () => {
  it('reads each qualifier as the numbers it commits to', () => {
    expect(figureInterval({ qualifier: 'exact', min: 5, max: 5 })).toEqual({ low: 5, high: 5 });
    expect(figureInterval({ qualifier: 'at_least', min: 5, max: null })).toEqual({ low: 5, high: null });
    expect(figureInterval({ qualifier: 'at_most', min: null, max: 5 })).toEqual({ low: null, high: 5 });
    expect(figureInterval({ qualifier: 'range', min: 7, max: 3 })).toEqual({ low: 3, high: 7 });
    expect(figureInterval({ qualifier: 'vague', min: null, max: null })).toEqual({ low: null, high: null });
  });
});

describe('categoryRanges', () => {
  it('gives the lowest and highest report per category with the figures behind each bound', () => {
    const killedFive = figure('killed', 'exact', 5);
    const killedAtLeastFive = figure('killed', 'at_least', 5, null);
    const killedSeven = figure('killed', 'exact', 7);
    const woundedFive = figure('wounded', 'exact', 5);
    const [killed, wounded] = categoryRanges([killedFive, woundedFive, killedAtLeastFive, killedSeven]);
    expect(killed).toMatchObject({
      category: 'killed',
      low: { value: 5, open: false, annotationIds: [killedFive.annotationId, killedAtLeastFive.annotationId] },
      high: { value: 7, open: false, annotationIds: [killedSeven.annotationId] },
    });
    expect(wounded).toMatchObject({ low: { value: 5 }, high: { value: 5 }, annotationIds: [woundedFive.annotationId] });
  });

  it('lets "at least" set the high bound only as an open one', () => {
    const five = figure('killed', 'exact', 5);
    const atLeastNine = figure('killed', 'at_least', 9, null);
    const [killed] = categoryRanges([five, atLeastNine]);
    expect(killed?.low).toMatchObject({ value: 5, open: false });
    expect(killed?.high).toMatchObject({ value: 9, open: true, annotationIds: [atLeastNine.annotationId] });
    expect(boundText(killed?.high ?? null, 'high')).toBe('9 or more');
  });

  it('closes a bound when an exact report of the same number sits beside an open one', () => {
    const [killed] = categoryRanges([figure('killed', 'at_least', 9, null), figure('killed', 'exact', 9)]);
    expect(killed?.high).toMatchObject({ value: 9, open: false });
  });

  it('lets "up to" set the low bound only as an open one', () => {
    const [wounded] = categoryRanges([figure('wounded', 'at_most', null, 3), figure('wounded', 'exact', 6)]);
    expect(wounded?.low).toMatchObject({ value: 3, open: true });
    expect(boundText(wounded?.low ?? null, 'low')).toBe('up to 3');
    expect(wounded?.high).toMatchObject({ value: 6, open: false });
  });

  it('spreads a range report over both bounds and marks "about" as approximate', () => {
    const range = figure('killed', 'range', 3, 12);
    const about = figure('killed', 'about', 20);
    const [killed] = categoryRanges([range, about]);
    expect(killed?.low).toMatchObject({ value: 3, annotationIds: [range.annotationId], approximate: false });
    expect(killed?.high).toMatchObject({ value: 20, annotationIds: [about.annotationId], approximate: true });
    expect(boundText(killed?.high ?? null, 'high')).toBe('about 20');
  });

  it('keeps vague amounts in the record without letting them bound anything', () => {
    const dozens = figure('wounded', 'vague', null, null);
    const [onlyVague] = categoryRanges([dozens]);
    expect(onlyVague).toMatchObject({ low: null, high: null, unboundedIds: [dozens.annotationId] });
    expect(boundText(onlyVague?.low ?? null, 'low')).toBe('—');
    const ten = figure('wounded', 'exact', 10);
    const [mixed] = categoryRanges([dozens, ten]);
    expect(mixed).toMatchObject({ low: { value: 10 }, high: { value: 10 }, unboundedIds: [dozens.annotationId] });
  });
});
