import { describe, it, expect } from 'vitest';
import { figure } from './fixtures.test-helper';
import { proposeTitle } from './title';

// The sample article's fighters, as the figure reader reads them.
const A = figure({ annotationId: 1, min: 5, qualifier: 'at_least', counted: 'Shiite militiamen', place: 'Iraq', time: 'early on Wednesday' });
const B = figure({ annotationId: 2, min: 5, max: 5, counted: 'fighters', place: 'Jurf Al Sakhar' });
const C = figure({ annotationId: 3, min: 5, max: 5, category: 'wounded', counted: 'fighters' });
const D = figure({ annotationId: 4, min: 2, max: 2, category: 'strikes', counted: 'Kataib Hezbollah operations centres', place: 'Jurf Al Sakhar' });

describe('proposeTitle', () => {
  it('names who, what happened to them and the most specific place', () => {
    expect(proposeTitle([A, B, C])).toBe('Fighters killed or wounded, Jurf Al Sakhar');
    expect(proposeTitle([C, B, A])).toBe('Fighters killed or wounded, Jurf Al Sakhar');
  });

  it('leaves out the place when the figures are set in places that differ', () => {
    expect(proposeTitle([B, { ...C, place: 'Anbar province' }])).toBe('Fighters killed or wounded');
  });

  it('leaves out who when the figures count different people', () => {
    expect(proposeTitle([B, D])).toBe('Killed; strikes, Jurf Al Sakhar');
    expect(proposeTitle([{ ...B, counted: 'civilians' }, { ...C, counted: 'soldiers', place: 'Iraq' }])).toBe('Killed or wounded, Jurf Al Sakhar');
  });

  it('names strikes by what was struck, and puts another category after a colon', () => {
    expect(proposeTitle([D, { ...D, annotationId: 5, min: 3, max: 3 }])).toBe('Strikes on centres, Jurf Al Sakhar');
    expect(proposeTitle([B, { ...B, annotationId: 5, category: 'funerals' }])).toBe('Fighters killed: funerals, Jurf Al Sakhar');
  });

  it('never falls back to a sentence about the data', () => {
    const bare = figure({ annotationId: 6, category: 'other' });
    expect(proposeTitle([bare, { ...bare, annotationId: 7 }])).toBe('Figures side by side');
    expect(proposeTitle([{ ...bare, place: 'the Jurf Al Sakhar' }, bare])).toBe('Jurf Al Sakhar');
  });
});
