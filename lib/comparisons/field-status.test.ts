import { describe, it, expect } from 'vitest';
import { fieldStatuses } from './field-status';
import { figure } from './fixtures.test-helper';

// The sample article (us-strikes-iraq-2023-11-22), as in disagreement.test.ts.
const A = figure({ annotationId: 1, min: 5, qualifier: 'at_least', counted: 'Shiite militiamen', place: 'Iraq', time: 'early on Wednesday', source: 'a Iran-backed militia group' });
const B = figure({ annotationId: 2, min: 5, max: 5, counted: 'its fighters', place: 'Jurf Al Sakhar', source: 'Kataib Hezbollah' });
const C = figure({ annotationId: 3, min: 5, max: 5, category: 'wounded', counted: 'fighters', source: 'Other militia groups' });

describe('fieldStatuses on the sample article', () => {
  it('says Jurf Al Sakhar is more specific than Iraq, not a conflict', () => {
    expect(fieldStatuses([A, B]).place).toBe('more_specific');
  });

  it('says 5 is more specific than at least 5, and killed vs wounded differs', () => {
    expect(fieldStatuses([B, C, A])).toEqual({
      value: 'more_specific',
      qualifier: 'more_specific',
      category: 'differs',
      counted: 'same',
      place: 'more_specific',
      time: 'same',
      source: 'differs',
    });
  });
});

describe('fieldStatuses', () => {
  it('says same for identical figures and for one figure', () => {
    expect(Object.values(fieldStatuses([B, { ...B, annotationId: 9 }]))).toEqual(Array(7).fill('same'));
    expect(Object.values(fieldStatuses([A]))).toEqual(Array(7).fill('same'));
  });

  it('says differs for different numbers, whatever the qualifiers', () => {
    expect(fieldStatuses([B, { ...B, annotationId: 4, min: 7, max: 7 }]).value).toBe('differs');
    expect(fieldStatuses([A, { ...B, annotationId: 4, min: 7, max: 7 }])).toMatchObject({ value: 'differs', qualifier: 'differs' });
  });

  it('says differs for places neither of which lies within the other', () => {
    expect(fieldStatuses([B, { ...C, place: 'an airbase west of Baghdad' }]).place).toBe('differs');
    expect(fieldStatuses([A, B, { ...C, place: 'Anbar province' }]).place).toBe('differs');
  });

  it('compares times like places', () => {
    expect(fieldStatuses([A, { ...B, time: 'Wednesday' }]).time).toBe('more_specific');
    expect(fieldStatuses([A, { ...B, time: 'Late on Monday' }]).time).toBe('differs');
  });

  it('leaves a missing place, time or who-is-counted out, but not a missing source', () => {
    expect(fieldStatuses([B, { ...B, annotationId: 4, place: null, counted: null }])).toMatchObject({ place: 'same', counted: 'same' });
    expect(fieldStatuses([B, { ...B, annotationId: 4, source: null }]).source).toBe('differs');
  });
});
