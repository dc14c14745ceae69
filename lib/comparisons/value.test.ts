import { describe, it, expect } from 'vitest';
import { figureNumbers, formatInterval, valueKey, valueText } from './value';

describe('figureNumbers', () => {
  it('reads a single number as a point, from min or max', () => {
    expect(figureNumbers({ min: 5, max: null })).toEqual({ low: 5, high: 5 });
    expect(figureNumbers({ min: null, max: 5 })).toEqual({ low: 5, high: 5 });
    expect(figureNumbers({ min: 5, max: 5 })).toEqual({ low: 5, high: 5 });
  });

  it('keeps both ends of a range, in order', () => {
    expect(figureNumbers({ min: 3, max: 7 })).toEqual({ low: 3, high: 7 });
    expect(figureNumbers({ min: 7, max: 3 })).toEqual({ low: 3, high: 7 });
  });

  it('is null without a finite number', () => {
    expect(figureNumbers({ min: null, max: null })).toBeNull();
    expect(figureNumbers({ min: Number.NaN, max: null })).toBeNull();
  });
});

describe('valueKey', () => {
  it('is equal for the same numbers however they were entered', () => {
    expect(valueKey({ low: 5, high: 5 })).toBe(valueKey(figureNumbers({ min: null, max: 5 })!));
    expect(valueKey({ low: 5, high: 5 })).not.toBe(valueKey({ low: 5, high: 7 }));
  });
});

describe('valueText and formatInterval', () => {
  it('reads as a reviewer would say it', () => {
    expect(valueText({ min: 5, max: null, qualifier: 'exact' })).toBe('5');
    expect(valueText({ min: 5, max: null, qualifier: 'at_least' })).toBe('at least 5');
    expect(valueText({ min: null, max: 10, qualifier: 'at_most' })).toBe('up to 10');
    expect(valueText({ min: 3, max: 7, qualifier: 'range' })).toBe('3–7');
    expect(valueText({ min: 1200, max: null, qualifier: 'about' })).toBe('about 1,200');
    expect(valueText({ min: null, max: null, qualifier: 'vague' })).toBe('vague');
  });

  it('writes one number once and a range with an en dash', () => {
    expect(formatInterval({ low: 5, high: 5 })).toBe('5');
    expect(formatInterval({ low: 1, high: 5 })).toBe('1–5');
  });
});
