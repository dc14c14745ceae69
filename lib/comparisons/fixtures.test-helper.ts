import type { ComparableFigure } from './types';

/** A figure for tests: everything empty or neutral unless the test says otherwise. */
export function figure(overrides: Partial<ComparableFigure> & Pick<ComparableFigure, 'annotationId'>): ComparableFigure {
  return {
    articleId: 1,
    min: null,
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
