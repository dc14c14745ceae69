import { describe, it, expect } from 'vitest';
import { FIGURE_QUALIFIERS, type FigureQualifier } from '../vocabulary';
import type { Qualifier } from './types';

// Both directions must compile, or the two lists have drifted apart.
const fromVocabulary: Qualifier = 'exact' as FigureQualifier;
const toVocabulary: FigureQualifier = 'exact' as Qualifier;

describe('Qualifier', () => {
  it('lists exactly the qualifiers of the shared vocabulary', () => {
    const all: Record<Qualifier, true> = {
      exact: true,
      at_least: true,
      at_most: true,
      about: true,
      range: true,
      vague: true,
    };
    expect(Object.keys(all).sort()).toEqual([...FIGURE_QUALIFIERS].sort());
    expect([fromVocabulary, toVocabulary]).toEqual(['exact', 'exact']);
  });
});
