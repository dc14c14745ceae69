import { describe, it, expect } from 'vitest';
import { valueList, valueSpread } from './spread';
import type { ComparableFigure } from './types';

function figure(min: number | null, max: number | null, qualifier: ComparableFigure['qualifier'] = 'exact'): ComparableFigure {
  return {
    annotationId: 1,
    articleId: 1,
    min,
    max,
    qualifier,
    category: 'killed',
    counted: null,
    place: null,
    time: null,
    source: null,
    quote: '',
  };
}

describe('valueSpread', () => {
  it('is a dash when no figure has a number', () => {
    expect(valueSpread([])).toEqual({ low: null, high: null, text: '—' });
    expect(valueSpread([figure(null, null, 'vague')])).toEqual({ low: null, high: null, text: '—' });
  });

  it('writes one number once', () => {
    expect(valueSpread([figure(5, null), figure(5, 5)])).toEqual({ low: 5, high: 5, text: '5' });
    expect(valueSpread([figure(5, 5, 'range')]).text).toBe('5');
  });

  it('spans the lowest and highest number, min and max alike, with an en dash', () => {
    expect(valueSpread([figure(5, null), figure(1, 3, 'range')])).toEqual({ low: 1, high: 5, text: '1–5' });
    expect(valueSpread([figure(null, 12, 'at_most'), figure(4, 9, 'range')])).toEqual({ low: 4, high: 12, text: '4–12' });
    expect(valueSpread([figure(1000, null), figure(1500, null)]).text).toBe('1,000–1,500');
  });

  it('marks an open highest number with a plus', () => {
    expect(valueSpread([figure(5, null, 'at_least')]).text).toBe('5+');
    expect(valueSpread([figure(5, null, 'at_least'), figure(8, null, 'at_least')]).text).toBe('5 – 8+');
    expect(valueSpread([figure(5, null, 'at_least'), figure(null, null, 'vague')]).text).toBe('5+');
  });

  it('does not hide the open end of "at least 5" next to plain fives', () => {
    expect(valueSpread([figure(5, 5), figure(5, null, 'at_least'), figure(5, 5)]).text).toBe('5 – 5+');
  });

  it('does not mark it open when a higher number caps it', () => {
    expect(valueSpread([figure(5, null, 'at_least'), figure(7, null, 'about')]).text).toBe('5–7');
    expect(valueSpread([figure(5, null, 'at_least'), figure(7, 7)]).text).toBe('5–7');
  });

  it('says "up to" when every figure only caps the count', () => {
    expect(valueSpread([figure(null, 5, 'at_most')]).text).toBe('up to 5');
    expect(valueSpread([figure(null, 5, 'at_most'), figure(3, 3)]).text).toBe('3–5');
  });
});

describe('valueList', () => {
  it('lists every value with its qualifier, in order', () => {
    expect(valueList([figure(5, 5), figure(5, null, 'at_least'), figure(5, 5)])).toBe('5, at least 5, 5');
    expect(valueList([])).toBe('—');
  });
});
