import { categoryCompareKey, normaliseCounted, textKey } from './normalise';
import type { ComparableFigure, ComparedField } from './types';
import { figureNumbers, valueKey, valueText } from './value';
import { parsePlace, parseTime, placeRelation, timeRelation, type Relation } from './where-when';

/*
 * What each row of the side-by-side table says about its field, in the
 * words a fact-checker uses:
 *
 * - same: every figure that gives the field says the same thing;
 * - more specific: they agree, but some say it more precisely (Jurf Al
 *   Sakhar lies within Iraq; "5" is "at least 5" made precise);
 * - differs: at least two of them cannot both be right.
 *
 * The value and the category are the primary fields: a different number,
 * or killed against wounded, is the conflict a comparison exists to show.
 * The others (source, place, qualifier…) explain it or are secondary.
 *
 * Missing information follows markDisagreements (disagreement.ts): a figure
 * with no number, place, time or who-is-counted takes no part in that row;
 * a missing category or source is a value of its own.
 */

export type FieldStatus = 'same' | 'more_specific' | 'differs';

export const PRIMARY_FIELDS: ReadonlySet<ComparedField> = new Set<ComparedField>(['value', 'category']);

/** A field's status as the table shows it. */
export const FIELD_STATUS_TEXT: Readonly<Record<FieldStatus, string>> = {
  same: 'same',
  more_specific: 'more specific',
  differs: 'differs',
};

type Key = string | null;

function distinct(keys: readonly Key[], ignoreMissing: boolean): Key[] {
  return [...new Set(ignoreMissing ? keys.filter((key) => key !== null) : keys)];
}

function sameOrDiffers(keys: readonly Key[], ignoreMissing: boolean): FieldStatus {
  return distinct(keys, ignoreMissing).length > 1 ? 'differs' : 'same';
}

// The status of texts that may lie within one another: any pair that differs decides.
function nested<T>(texts: readonly Key[], parse: (text: string) => T, relation: (a: T, b: T) => Relation): FieldStatus {
  const parsed = (distinct(texts, true) as string[]).map(parse);
  let status: FieldStatus = 'same';
  parsed.forEach((a, i) => {
    for (const b of parsed.slice(i + 1)) {
      const between = relation(a, b);
      if (between === 'differs') status = 'differs';
      else if (between !== 'same' && status === 'same') status = 'more_specific';
    }
  });
  return status;
}

// Numbers that differ differ; the same number said with different qualifiers ("5", "at
// least 5") is the same count stated more or less precisely.
function valueStatus(figures: readonly ComparableFigure[]): FieldStatus {
  const numbered = figures.filter((figure) => figureNumbers(figure) !== null);
  if (sameOrDiffers(numbered.map((figure) => valueKey(figureNumbers(figure) as NonNullable<ReturnType<typeof figureNumbers>>)), false) === 'differs') {
    return 'differs';
  }
  return sameOrDiffers(numbered.map((figure) => valueText(figure)), false) === 'differs' ? 'more_specific' : 'same';
}

export function fieldStatuses(figures: readonly ComparableFigure[]): Record<ComparedField, FieldStatus> {
  const value = valueStatus(figures);
  const qualifier = sameOrDiffers(figures.map((f) => f.qualifier), false);
  return {
    value,
    // The qualifier is what made an agreeing value more specific, not a conflict of its own.
    qualifier: qualifier === 'differs' && value === 'more_specific' ? 'more_specific' : qualifier,
    category: sameOrDiffers(figures.map((f) => categoryCompareKey(f.category)), false),
    counted: sameOrDiffers(figures.map((f) => normaliseCounted(f.counted)), true),
    place: nested(figures.map((f) => textKey(f.place)), parsePlace, placeRelation),
    time: nested(figures.map((f) => textKey(f.time)), parseTime, timeRelation),
    source: sameOrDiffers(figures.map((f) => textKey(f.source)), false),
  };
}
