import { AppError } from '../errors';
import type { FigureQualifier } from '../vocabulary';
import { categoryKey } from './category';
import type { FigureReading } from './types';

/*
 * How a figure's stored fields come about: first from the reader's proposal, then from a
 * reviewer's corrections (a patch), and, when the article gets a new version, from the old
 * fields with the number read again. db/ reads and writes the row; the rules live here.
 */

/** A figure's fields as stored (figure_details without its key). */
export interface FigureFields {
  valueMin: number | null;
  valueMax: number | null;
  qualifier: FigureQualifier;
  vague: boolean;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  sourceActorId: number | null;
  sourceText: string | null;
  /** The source was resolved from "it said" by the reader, not confirmed by a reviewer. */
  sourceInferred: boolean;
}

/** A reviewer's corrections: a missing field is left as it is, null clears it. */
export interface FigurePatch {
  min?: number | null;
  max?: number | null;
  qualifier?: FigureQualifier;
  vague?: boolean;
  category?: string;
  counted?: string | null;
  place?: string | null;
  time?: string | null;
  sourceActorId?: number | null;
  sourceText?: string | null;
}

/** The fields the reader proposes for a new figure; `sourceActorId` is the actor its source names, if one is known. */
export function fieldsFromReading(reading: FigureReading, sourceActorId: number | null): FigureFields {
  return {
    valueMin: reading.min,
    valueMax: reading.max,
    qualifier: reading.qualifier,
    vague: reading.vague,
    category: reading.category,
    counted: reading.counted,
    place: reading.place?.text ?? null,
    time: reading.time?.text ?? null,
    sourceActorId,
    sourceText: reading.source?.text ?? null,
    sourceInferred: reading.source !== null && reading.sourceInferred,
  };
}

/**
 * The stored fields after a patch, checked as a whole (lowest ≤ highest). Free text is
 * trimmed and blank means none; the category becomes its key, so the caller checks that
 * key against the category list.
 */
export function mergeFigurePatch(current: FigureFields, patch: FigurePatch): FigureFields {
  const next: FigureFields = {
    valueMin: patch.min !== undefined ? patch.min : current.valueMin,
    valueMax: patch.max !== undefined ? patch.max : current.valueMax,
    qualifier: patch.qualifier ?? current.qualifier,
    vague: patch.vague ?? current.vague,
    category: patch.category !== undefined ? categoryKey(patch.category) : current.category,
    counted: patch.counted !== undefined ? blankToNull(patch.counted) : current.counted,
    place: patch.place !== undefined ? blankToNull(patch.place) : current.place,
    time: patch.time !== undefined ? blankToNull(patch.time) : current.time,
    sourceActorId: patch.sourceActorId !== undefined ? patch.sourceActorId : current.sourceActorId,
    sourceText: patch.sourceText !== undefined ? blankToNull(patch.sourceText) : current.sourceText,
    sourceInferred: current.sourceInferred,
  };
  // A source the reviewer set is theirs, not the reader's guess. The form sends every field on
  // each save, so only a changed source clears the mark.
  if (next.sourceText !== current.sourceText || next.sourceActorId !== current.sourceActorId) next.sourceInferred = false;
  if (next.valueMin !== null && next.valueMax !== null && next.valueMin > next.valueMax) {
    throw new AppError('figure_range_invalid', `The lowest value (${next.valueMin}) is greater than the highest (${next.valueMax}).`);
  }
  return next;
}

/**
 * A figure carried to a new version of its article whose words changed: the number comes from
 * the new reading when it found one ("five" became "six" shows as a change); everything else
 * the reviewer set (category, source, …) stays.
 */
export function carriedFigureFields<T extends FigureFields>(stored: T, reading: FigureReading | null): T {
  if (reading === null || (reading.min === null && reading.max === null)) return stored;
  return { ...stored, valueMin: reading.min, valueMax: reading.max, qualifier: reading.qualifier, vague: reading.vague };
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
