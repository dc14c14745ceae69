import { describe, it, expect } from 'vitest';
import { conflicts, markDisagreements } from './disagreement';
import { figure } from './fixtures.test-helper';

// The sample article (us-strikes-iraq-2023-11-22).
const A = figure({
  annotationId: 1,
  min: 5,
  qualifier: 'at_least',
  category: 'killed',
  counted: 'Shiite militiamen',
  place: 'Iraq',
  source: 'a Iran-backed militia group',
  quote: 'At least five Shiite militiamen',
});
const B = figure({
  annotationId: 2,
  min: 5,
  max: 5,
  category: 'killed',
  counted: 'its fighters',
  place: 'Jurf Al Sakhar',
  source: 'Kataib Hezbollah',
  quote: 'five of its fighters were killed',
});
const C = figure({
  annotationId: 3,
  min: 5,
  category: 'wounded',
  counted: 'fighters',
  source: 'Other militia groups',
  quote: 'five fighters were wounded',
});

const NONE = { value: false, qualifier: false, category: false, counted: false, place: false, time: false, source: false };

describe('markDisagreements on the sample article', () => {
  it('marks B and C apart on category and source only', () => {
    expect(markDisagreements([B, C])).toEqual({ ...NONE, category: true, source: true });
  });

  it('marks A and B apart on qualifier, place and source, not on value or who is counted', () => {
    expect(markDisagreements([A, B])).toEqual({ ...NONE, qualifier: true, place: true, source: true });
  });
});

describe('markDisagreements', () => {
  it('marks nothing for no figures, one figure, or identical figures', () => {
    expect(markDisagreements([])).toEqual(NONE);
    expect(markDisagreements([A])).toEqual(NONE);
    expect(markDisagreements([B, { ...B, annotationId: 9 }])).toEqual(NONE);
  });

  it('compares single numbers whatever the qualifier and whichever end holds them', () => {
    const atMost = figure({ annotationId: 4, max: 5, qualifier: 'at_most' });
    expect(markDisagreements([A, atMost]).value).toBe(false);
    expect(markDisagreements([A, { ...B, min: 6, max: 6 }]).value).toBe(true);
  });

  it('compares ranges by both ends', () => {
    const range = figure({ annotationId: 4, min: 3, max: 7, qualifier: 'range' });
    expect(markDisagreements([range, { ...range, annotationId: 5, min: 7, max: 3 }]).value).toBe(false);
    expect(markDisagreements([range, { ...range, annotationId: 5, max: 8 }]).value).toBe(true);
    expect(markDisagreements([range, { ...B, min: 3, max: 3 }]).value).toBe(true);
  });

  it('leaves figures without a number out of the value comparison', () => {
    const vague = figure({ annotationId: 4, qualifier: 'vague' });
    expect(markDisagreements([B, vague]).value).toBe(false);
    expect(markDisagreements([vague, { ...vague, annotationId: 5 }]).value).toBe(false);
  });

  it('counts a missing source or category as a difference', () => {
    expect(markDisagreements([B, { ...B, annotationId: 4, source: null }]).source).toBe(true);
    expect(markDisagreements([B, { ...B, annotationId: 4, category: ' ' }]).category).toBe(true);
    expect(markDisagreements([{ ...B, source: null }, { ...C, source: '  ' }]).source).toBe(false);
  });

  it('does not count a missing place, time or who-is-counted as a difference', () => {
    const bare = figure({ annotationId: 4, min: 5 });
    const withTime = { ...B, time: 'Wednesday' };
    expect(markDisagreements([withTime, bare])).toMatchObject({ place: false, time: false, counted: false });
  });

  it('compares text fields after normalisation', () => {
    const b2 = { ...B, annotationId: 4, place: 'the jurf al  Sakhar', source: ' kataib hezbollah', category: 'Killed' };
    expect(markDisagreements([B, b2])).toEqual(NONE);
    expect(markDisagreements([{ ...B, time: 'Wednesday' }, { ...B, time: 'Tuesday' }]).time).toBe(true);
    expect(markDisagreements([B, { ...B, counted: 'US troops' }]).counted).toBe(true);
  });

  it('marks a field when any one figure of many differs', () => {
    expect(markDisagreements([A, B, { ...B, annotationId: 9 }, C]).category).toBe(true);
  });
});

describe('conflicts', () => {
  it('is a different value or a different category, nothing else', () => {
    expect(conflicts(markDisagreements([B, C]))).toBe(true);
    expect(conflicts(markDisagreements([A, B]))).toBe(false);
    expect(conflicts(markDisagreements([B, { ...B, min: 7, max: 7 }]))).toBe(true);
  });
});
