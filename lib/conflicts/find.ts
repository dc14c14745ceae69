import { describeConflict } from '../comparisons/reason';
import { normaliseCounted, normalisePlace, textKey } from '../comparisons/normalise';
import { suggestionKey } from '../comparisons/suggest';
import { proposeTitle } from '../comparisons/title';
import type { ComparableFigure } from '../comparisons/types';
import { UnionFind } from '../comparisons/union-find';
import { figureNumbers, valueKey } from '../comparisons/value';
import { parsePlace, placeRelation, type ParsedPlace } from '../comparisons/where-when';
import { figureInterval } from '../incidents/ranges';

/*
 * The library's conflict finder (issue 13, point 3): figures from different articles that seem
 * to report the same incident and disagree. Two figures of different articles are about the
 * same incident when
 *
 * - their articles were published within `windowDays` of each other (reports of one strike come
 *   out over a few days; a figure of an article without a date takes no part), and
 * - they count the same people (normalised who-is-counted, see lib/comparisons/normalise.ts) or
 *   are set in the same place, and neither contradicts the other: two stated places that differ
 *   (see where-when.ts) or two different groups of people are two incidents, and
 * - they count the same outcome (category), or, when the outcomes differ, the same people with
 *   the same number: "five fighters killed" against "five fighters wounded" is the headline
 *   conflict, while "5 fighters killed" and "40 fighters wounded" are simply two facts.
 *
 * Time of day is not compared: "early on Wednesday" means different days in articles published
 * on different days, so the publication window stands in for it.
 *
 * A group is proposed only when its figures disagree (see `disagreement`). Groups only link
 * figures of different articles: figures of one article are the reader's suggestions already.
 */

export interface ConflictFigure extends ComparableFigure {
  /** The article's publication date, YYYY-MM-DD; null when it has none. */
  publishedOn: string | null;
  /** "dozens", "many": a figure with no firm number, which bounds nothing. */
  vague: boolean;
}

export interface ConflictGroup {
  /** The order-independent key of the set (see suggestionKey): dismissals are stored under it. */
  key: string;
  annotationIds: number[];
  reason: string;
  title: string;
  /** The group's newest figure by (publication date, id): pages are ordered by it. */
  newest: { publishedOn: string; annotationId: number };
  /** Each figure's article date, by annotation id. */
  dates: [number, string][];
}

export interface FindOptions {
  windowDays?: number;
}

export const DEFAULT_WINDOW_DAYS = 3;

// A figure is compared with at most this many earlier figures of its key's window: a key such as
// "fighters" can hold thousands of figures in a busy week, and the nearest ones are what matter.
const MAX_NEIGHBOURS = 64;

interface Keyed {
  figure: ConflictFigure;
  day: number;
  counted: string | null;
  place: string | null;
  parsedPlace: ParsedPlace | null;
  category: string | null;
  exactValue: string | null;
}

const DAY_MS = 86_400_000;

/** Days since the epoch of a YYYY-MM-DD date, or null when it is not one. */
export function dayNumber(date: string | null): number | null {
  if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : null;
}

/** The date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// Figures repeat the same few words ("fighters", a town): each distinct text is read once per call.
function memo<T>(read: (text: string | null) => T): (text: string | null) => T {
  const cache = new Map<string | null, T>();
  return (text) => {
    if (!cache.has(text)) cache.set(text, read(text));
    return cache.get(text) as T;
  };
}

function keyer(): (figure: ConflictFigure) => Keyed | null {
  const counted = memo(normaliseCounted);
  const place = memo((text) => {
    const key = normalisePlace(text);
    return key === null ? null : { key, parsed: parsePlace(key) };
  });
  const category = memo(textKey);
  return (figure) => {
    const day = dayNumber(figure.publishedOn);
    if (day === null) return null;
    const where = place(figure.place);
    const numbers = figure.vague ? null : figureNumbers(figure);
    return {
      figure,
      day,
      counted: counted(figure.counted),
      place: where?.key ?? null,
      parsedPlace: where?.parsed ?? null,
      category: category(figure.category),
      exactValue: numbers === null ? null : valueKey(numbers),
    };
  };
}

/** Whether two figures of different articles look like reports of one incident (see above). */
function related(a: Keyed, b: Keyed, windowDays: number): boolean {
  if (a.figure.articleId === b.figure.articleId) return false;
  if (Math.abs(a.day - b.day) > windowDays) return false;
  if (a.counted !== null && b.counted !== null && a.counted !== b.counted) return false;
  if (a.parsedPlace !== null && b.parsedPlace !== null && placeRelation(a.parsedPlace, b.parsedPlace) === 'differs') return false;
  const sameWho = a.counted !== null && a.counted === b.counted;
  const samePlace = a.parsedPlace !== null && b.parsedPlace !== null;
  if (!sameWho && !samePlace) return false;
  if (a.category === b.category) return true;
  return sameWho && a.exactValue !== null && a.exactValue === b.exactValue;
}

/**
 * Which of value and category disagree in a group: values when two figures of one category
 * cannot both be true by their qualifiers ("at least 5" and 7 can; 5 and 7 cannot; a vague
 * amount contradicts nothing), categories when the same people are counted with different outcomes.
 */
export function disagreement(figures: readonly ConflictFigure[]): { value: boolean; category: boolean } {
  const byCategory = new Map<string | null, { low: number; high: number }>();
  let value = false;
  for (const figure of figures) {
    if (figure.vague) continue;
    const interval = figureInterval(figure);
    if (interval.low === null && interval.high === null) continue;
    const key = textKey(figure.category);
    const seen = byCategory.get(key) ?? { low: -Infinity, high: Infinity };
    // Intervals on a line all overlap exactly when the highest low is at most the lowest high.
    const next = { low: Math.max(seen.low, interval.low ?? -Infinity), high: Math.min(seen.high, interval.high ?? Infinity) };
    if (next.low > next.high) value = true;
    byCategory.set(key, next);
  }
  const categoriesByWho = new Map<string, Set<string | null>>();
  let category = false;
  for (const figure of figures) {
    const who = normaliseCounted(figure.counted);
    if (who === null) continue;
    const set = categoriesByWho.get(who) ?? new Set();
    set.add(textKey(figure.category));
    if (set.size > 1) category = true;
    categoriesByWho.set(who, set);
  }
  return { value, category };
}

/**
 * Groups of figures that seem to report one incident and disagree, spanning two or more
 * articles; in no particular order. Near-linear: figures are bucketed by who and by place, and
 * each is compared with the nearest earlier ones of its buckets only.
 */
export function findConflicts(figures: readonly ConflictFigure[], options: FindOptions = {}): ConflictGroup[] {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const keyed = keyer();
  const unique = new Map<number, Keyed>();
  for (const figure of figures) {
    if (unique.has(figure.annotationId)) continue;
    const k = keyed(figure);
    if (k !== null) unique.set(figure.annotationId, k);
  }
  const all = [...unique.values()].sort((a, b) => a.day - b.day || a.figure.annotationId - b.figure.annotationId);
  const sets = new PlaceSets(all);

  const buckets = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [i]);
    else bucket.push(i);
  };
  all.forEach((k, i) => {
    if (k.counted !== null) add(JSON.stringify(['who', k.counted]), i);
    if (k.place !== null) add(JSON.stringify(['place', k.place]), i);
    // Places nest ("Jurf Al Sakhar" lies within "Iraq"): every known place a figure's place lies
    // within is a bucket too, and `related` decides.
    for (const wider of k.parsedPlace?.within ?? []) if (wider !== k.place) add(JSON.stringify(['place', wider]), i);
  });
  for (const bucket of buckets.values()) {
    bucket.forEach((i, position) => {
      const k = all[i] as Keyed;
      for (let j = position - 1, seen = 0; j >= 0 && seen < MAX_NEIGHBOURS; j--, seen++) {
        const other = all[bucket[j] as number] as Keyed;
        if (k.day - other.day > windowDays) break;
        if (related(k, other, windowDays)) sets.join(i, bucket[j] as number);
      }
    });
  }

  const groups = new Map<number, Keyed[]>();
  all.forEach((k, i) => {
    const root = sets.find(i);
    groups.set(root, [...(groups.get(root) ?? []), k]);
  });
  const found: ConflictGroup[] = [];
  for (const members of groups.values()) {
    if (new Set(members.map((k) => k.figure.articleId)).size < 2) continue;
    const group = members.map((k) => k.figure).sort((a, b) => a.annotationId - b.annotationId);
    const differs = disagreement(group);
    if (!differs.value && !differs.category) continue;
    const newest = members.reduce((a, b) => (b.day > a.day || (b.day === a.day && b.figure.annotationId > a.figure.annotationId) ? b : a));
    const annotationIds = group.map((f) => f.annotationId);
    found.push({
      key: suggestionKey(annotationIds),
      annotationIds,
      reason: describeConflict(group, differs),
      title: proposeTitle(group),
      newest: { publishedOn: newest.figure.publishedOn as string, annotationId: newest.figure.annotationId },
      dates: group.map((f) => [f.annotationId, f.publishedOn as string]),
    });
  }
  return found;
}

/** Union-find that refuses to join two sets whose stated places differ: a group is one incident. */
class PlaceSets {
  private readonly sets: UnionFind;
  private readonly places = new Map<number, ParsedPlace[]>();

  constructor(figures: readonly Keyed[]) {
    this.sets = new UnionFind(figures.length);
    figures.forEach((k, i) => {
      if (k.parsedPlace !== null) this.places.set(i, [k.parsedPlace]);
    });
  }

  find(i: number): number {
    return this.sets.find(i);
  }

  join(i: number, j: number): void {
    const a = this.sets.find(i);
    const b = this.sets.find(j);
    if (a === b) return;
    const placesA = this.places.get(a) ?? [];
    const placesB = this.places.get(b) ?? [];
    if (placesA.some((p) => placesB.some((q) => placeRelation(p, q) === 'differs'))) return;
    this.sets.union(a, b);
    // A set keeps a few distinct places: enough to refuse a join, without growing with the set.
    this.places.set(this.sets.find(a), [...new Set([...placesA, ...placesB])].slice(0, 8));
  }
}
