import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { carriedFigureFields, fieldsFromReading, mergeFigurePatch, type FigureFields } from './patch';
import type { FigureReading } from './types';

const stored: FigureFields = {
  valueMin: 5,
  valueMax: 5,
  qualifier: 'exact',
  vague: false,
  category: 'killed',
  counted: 'militiamen',
  place: 'Jurf al-Sakhar',
  time: 'Wednesday',
  sourceActorId: 7,
  sourceText: 'it',
  sourceInferred: true,
};

function reading(overrides: Partial<FigureReading> = {}): FigureReading {
  return {
    min: 6,
    max: 6,
    qualifier: 'at_least',
    vague: false,
    numberText: 'at least six',
    category: 'wounded',
    counted: 'fighters',
    place: { text: 'Baghdad', start: 40, end: 47 },
    time: null,
    source: { text: 'Kataib Hezbollah', start: 0, end: 16 },
    sourceInferred: true,
    ...overrides,
  };
}

describe('fieldsFromReading', () => {
  it('stores the reading, texts of places and sources, and marks an inferred source', () => {
    expect(fieldsFromReading(reading(), 3)).toEqual({
      valueMin: 6,
      valueMax: 6,
      qualifier: 'at_least',
      vague: false,
      category: 'wounded',
      counted: 'fighters',
      place: 'Baghdad',
      time: null,
      sourceActorId: 3,
      sourceText: 'Kataib Hezbollah',
      sourceInferred: true,
    });
    expect(fieldsFromReading(reading({ source: null }), null).sourceInferred).toBe(false);
  });
});

describe('mergeFigurePatch', () => {
  it('keeps what the patch leaves out and clears what it sets to null', () => {
    expect(mergeFigurePatch(stored, {})).toEqual(stored);
    const next = mergeFigurePatch(stored, { max: 9, qualifier: 'range', place: null });
    expect(next).toEqual({ ...stored, valueMax: 9, qualifier: 'range', place: null });
  });

  it('trims free text, makes blanks none, and keys the category as categories are stored', () => {
    const next = mergeFigurePatch(stored, { counted: '  fighters ', time: '   ', category: ' Killed  In Action ' });
    expect(next.counted).toBe('fighters');
    expect(next.time).toBeNull();
    expect(next.category).toBe('killed in action');
  });

  it('drops the inferred mark only when the source changes', () => {
    expect(mergeFigurePatch(stored, { sourceText: 'it', sourceActorId: 7, min: 4 }).sourceInferred).toBe(true);
    expect(mergeFigurePatch(stored, { sourceText: 'the ministry' }).sourceInferred).toBe(false);
    expect(mergeFigurePatch(stored, { sourceActorId: null }).sourceInferred).toBe(false);
  });

  it('refuses a lowest value above the highest, whichever side the patch moved', () => {
    for (const patch of [{ min: 6 }, { max: 4 }, { min: 9, max: 8 }]) {
      let code: string | null = null;
      try {
        mergeFigurePatch(stored, patch);
      } catch (error) {
        code = isAppError(error) ? error.code : 'other';
      }
      expect(code).toBe('figure_range_invalid');
    }
    expect(mergeFigurePatch(stored, { min: null, max: 2 }).valueMax).toBe(2);
  });
});

describe('carriedFigureFields', () => {
  it('takes the number from the new reading and keeps everything the reviewer set', () => {
    const row = { ...stored, annotationId: 1 };
    expect(carriedFigureFields(row, reading())).toEqual({ ...row, valueMin: 6, valueMax: 6, qualifier: 'at_least', vague: false });
  });

  it('keeps the stored number when there is no new reading or it found none', () => {
    expect(carriedFigureFields(stored, null)).toBe(stored);
    expect(carriedFigureFields(stored, reading({ min: null, max: null, vague: true }))).toBe(stored);
  });
});
