import { describe, expect, it } from 'vitest';
import { figureValueText } from './value-text';

describe('figureValueText', () => {
  it('groups thousands for reading and writes plain numbers on request', () => {
    const thousands = { min: 2000, max: null, qualifier: 'vague' as const, vague: true };
    expect(figureValueText(thousands)).toBe('≥ 2,000 (vague)');
    expect(figureValueText(thousands, { grouping: false })).toBe('≥ 2000 (vague)');
    expect(figureValueText({ min: 1200, max: 1500, qualifier: 'range', vague: false })).toBe('1,200–1,500');
  });

  it('reads each qualifier as a reviewer would say it', () => {
    expect(figureValueText({ min: 5, max: null, qualifier: 'at_least', vague: false })).toBe('at least 5');
    expect(figureValueText({ min: null, max: 5, qualifier: 'at_most', vague: false })).toBe('up to 5');
    expect(figureValueText({ min: 5, max: 5, qualifier: 'about', vague: false })).toBe('about 5');
    expect(figureValueText({ min: null, max: 300, qualifier: 'vague', vague: true })).toBe('≤ 300 (vague)');
  });

  it('is empty for no number, and "vague" for an amount given without one', () => {
    expect(figureValueText({ min: null, max: null, qualifier: 'exact', vague: false })).toBe('');
    expect(figureValueText({ min: null, max: null, qualifier: 'exact', vague: true })).toBe('vague');
  });
});
