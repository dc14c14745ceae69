import { describe, it, expect } from 'vitest';
import { describeConflict } from './reason';
import type { ComparableFigure } from './types';

function figure(overrides: Partial<ComparableFigure> & Pick<ComparableFigure, 'annotationId'>): ComparableFigure {
  return {
    articleId: 1,
    min: 5,
    max: null,
    qualifier: 'exact',
    category: 'killed',
    counted: 'fighters',
    place: null,
    time: null,
    source: null,
    quote: '',
    ...overrides,
  };
}

const killed = figure({ annotationId: 1, counted: 'its fighters' });
const wounded = figure({ annotationId: 2, category: 'wounded' });

describe('describeConflict for two figures', () => {
  it('names what both count and the categories that differ', () => {
    expect(describeConflict([killed, wounded], { value: false, category: true })).toBe(
      'Both count fighters, but one says killed and the other wounded',
    );
  });

  it('names the values that differ', () => {
    const more = figure({ annotationId: 2, min: 7, qualifier: 'at_least' });
    expect(describeConflict([killed, more], { value: true, category: false })).toBe(
      'Both count fighters, but one says 5 and the other at least 7',
    );
  });

  it('names both when both differ', () => {
    const more = figure({ annotationId: 2, min: 7, category: 'wounded' });
    expect(describeConflict([killed, more], { value: true, category: true })).toBe(
      'Both count fighters, but one says 5 killed and the other 7 wounded',
    );
  });

  it('falls back to the shared place, as first written', () => {
    const a = figure({ annotationId: 1, counted: null, place: ' Jurf Al  Sakhar' });
    const b = figure({ annotationId: 2, counted: 'civilians', min: 7, place: 'jurf al sakhar' });
    expect(describeConflict([a, b], { value: true, category: false })).toBe(
      'Both are about Jurf Al Sakhar, but one says 5 and the other 7',
    );
  });
});

describe('describeConflict for more figures', () => {
  it('lists the distinct values, lowest first', () => {
    const atLeast = figure({ annotationId: 3, qualifier: 'at_least' });
    const seven = figure({ annotationId: 4, min: 7 });
    expect(describeConflict([seven, killed, atLeast], { value: true, category: false })).toBe(
      '3 figures count fighters with different values: 5, at least 5, 7',
    );
  });

  it('lists the distinct categories in order of appearance', () => {
    const atLeast = figure({ annotationId: 3, qualifier: 'at_least', counted: 'militiamen' });
    expect(describeConflict([atLeast, killed, wounded], { value: false, category: true })).toBe(
      '3 figures count fighters with different categories: killed, wounded',
    );
  });

  it('lists values and categories when both differ, with nothing shared', () => {
    const a = figure({ annotationId: 1, counted: 'soldiers', place: 'Gaza' });
    const b = figure({ annotationId: 2, counted: 'civilians', place: 'Gaza', min: 20 });
    const c = figure({ annotationId: 3, counted: null, place: 'Rafah', min: 2, category: 'wounded' });
    expect(describeConflict([a, b, c], { value: true, category: true })).toBe(
      '3 related figures give different values (2, 5, 20) and categories (killed, wounded)',
    );
  });

  it('cuts a long list short', () => {
    const many = [1, 2, 3, 4, 5, 6].map((n) => figure({ annotationId: n, min: n }));
    expect(describeConflict(many, { value: true, category: false })).toBe(
      '6 figures count fighters with different values: 1, 2, 3, 4 and 2 more',
    );
  });
});
