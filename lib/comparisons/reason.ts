import { categoryCompareKey, normaliseCounted, normalisePlace } from './normalise';
import type { ComparableFigure } from './types';
import { figureNumbers, valueText } from './value';

/*
 * The sentence under a suggested comparison telling the reviewer why it
 * was suggested: what the figures have in common and where they part.
 */

// Past this many, a list is cut short: the reason is a one-line hint, and
// a group can hold hundreds of figures.
const LISTED = 4;

function list(items: readonly string[]): string {
  if (items.length <= LISTED) return items.join(', ');
  return `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
}

export function pluralise(noun: string): string {
  if (/man$/.test(noun)) return `${noun.slice(0, -3)}men`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function shared(keys: ReadonlyArray<string | null>): string | null {
  const first = keys[0] ?? null;
  return first !== null && keys.every((key) => key === first) ? first : null;
}

type Subject = { kind: 'counted'; noun: string } | { kind: 'place'; place: string } | { kind: 'none' };

// What the figures have in common, in the order a reviewer would name it.
function subject(figures: readonly ComparableFigure[]): Subject {
  const counted = shared(figures.map((f) => normaliseCounted(f.counted)));
  if (counted !== null) return { kind: 'counted', noun: pluralise(counted) };
  const placeKey = shared(figures.map((f) => normalisePlace(f.place)));
  // The place as the first figure wrote it: keys are lower-cased, names are not.
  const place = placeKey === null ? undefined : figures[0]?.place?.trim().replace(/\s+/g, ' ');
  if (place !== undefined) return { kind: 'place', place };
  return { kind: 'none' };
}

// Distinct values, lowest first, as they read in a sentence.
function values(figures: readonly ComparableFigure[]): string[] {
  const numbered = figures.flatMap((f) => {
    const numbers = figureNumbers(f);
    return numbers === null ? [] : [{ numbers, text: valueText(f) }];
  });
  numbered.sort((a, b) => a.numbers.low - b.numbers.low || a.numbers.high - b.numbers.high);
  return [...new Set(numbered.map((n) => n.text))];
}

// Distinct categories in order of first appearance, as first written.
function categories(figures: readonly ComparableFigure[]): string[] {
  const byKey = new Map<string | null, string>();
  for (const f of figures) {
    const key = categoryCompareKey(f.category);
    if (!byKey.has(key)) byKey.set(key, key === null ? 'uncategorised' : f.category.trim());
  }
  return [...byKey.values()];
}

function describePair(
  a: ComparableFigure,
  b: ComparableFigure,
  about: Subject,
  differ: { value: boolean; category: boolean },
): string {
  const says = (f: ComparableFigure): string => {
    const [category] = categories([f]) as [string];
    if (differ.value && differ.category) return `${valueText(f)} ${category}`;
    return differ.value ? valueText(f) : category;
  };
  const lead =
    about.kind === 'counted'
      ? `Both count ${about.noun}`
      : about.kind === 'place'
        ? `Both are about ${about.place}`
        : 'Both are related';
  return `${lead}, but one says ${says(a)} and the other ${says(b)}`;
}

/** Why a group of related figures is worth comparing, given which of value and category differ. */
export function describeConflict(
  figures: readonly ComparableFigure[],
  differ: { value: boolean; category: boolean },
): string {
  const about = subject(figures);
  const [a, b] = figures;
  if (figures.length === 2 && a !== undefined && b !== undefined) return describePair(a, b, about, differ);

  const n = figures.length;
  const lead =
    about.kind === 'counted'
      ? `${n} figures count ${about.noun} with`
      : about.kind === 'place'
        ? `${n} figures about ${about.place} give`
        : `${n} related figures give`;
  if (differ.value && differ.category) {
    return `${lead} different values (${list(values(figures))}) and categories (${list(categories(figures))})`;
  }
  if (differ.value) return `${lead} different values: ${list(values(figures))}`;
  return `${lead} different categories: ${list(categories(figures))}`;
}
