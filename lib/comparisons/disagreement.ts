import { categoryCompareKey, normaliseCounted, normalisePlace, textKey } from './normalise';
import type { ComparableFigure, ComparedField } from './types';
import { figureNumbers, valueKey } from './value';

/*
 * Which columns of the side-by-side table to mark as disagreeing. A field
 * disagrees when the figures do not all say the same thing about it:
 *
 * - value: the numbers differ. A single number is compared as itself
 *   whatever its qualifier ("at least 5" vs "5" agree; the qualifier column
 *   shows the difference), a range by both ends. Figures with no number
 *   take no part: they contradict nothing.
 * - qualifier: compared as is.
 * - category, source: compared after normalisation, and a missing value
 *   counts as a value of its own. A figure nobody attributes, or one left
 *   uncategorised, is exactly what a reviewer must notice next to one that is.
 * - counted, place, time: compared after normalisation among the figures
 *   that give them. A figure that does not say where is not in conflict
 *   with one that does; it is missing information.
 */

type Key = string | null;

// Whether the keys are not all the same; `ignoreMissing` leaves out the
// figures that have no key for the field.
function differ(keys: readonly Key[], ignoreMissing: boolean): boolean {
  const seen = new Set<Key>();
  for (const key of keys) {
    if (key === null && ignoreMissing) continue;
    seen.add(key);
    if (seen.size > 1) return true;
  }
  return false;
}

function numbersKey(figure: ComparableFigure): Key {
  const numbers = figureNumbers(figure);
  return numbers === null ? null : valueKey(numbers);
}

export function markDisagreements(figures: readonly ComparableFigure[]): Record<ComparedField, boolean> {
  const keys = (key: (figure: ComparableFigure) => Key): Key[] => figures.map(key);
  return {
    value: differ(keys(numbersKey), true),
    qualifier: differ(keys((f) => f.qualifier), false),
    category: differ(keys((f) => categoryCompareKey(f.category)), false),
    source: differ(keys((f) => textKey(f.source)), false),
    counted: differ(keys((f) => normaliseCounted(f.counted)), true),
    place: differ(keys((f) => normalisePlace(f.place)), true),
    time: differ(keys((f) => textKey(f.time)), true),
  };
}

/** Whether figures are worth comparing at all: they give different numbers or count different outcomes. */
export function conflicts(marks: Pick<Record<ComparedField, boolean>, 'value' | 'category'>): boolean {
  return marks.value || marks.category;
}
