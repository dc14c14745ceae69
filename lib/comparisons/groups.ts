import { categoryCompareKey, normaliseCounted, normalisePlace, textKey } from './normalise';
import type { ComparableFigure } from './types';
import { UnionFind } from './union-find';
import { parsePlace, parseTime, placeRelation, timeRelation, type ParsedPlace, type ParsedTime } from './where-when';

/*
 * Which figures are about the same thing, so that a disagreement among
 * them is worth a reviewer's look. Two figures are related when:
 *
 * - they count the same people (same normalised who-is-counted) in the
 *   same article, whatever they say happened to them: "five fighters killed"
 *   and "five fighters wounded" is exactly the conflict to catch; or
 * - they count the same people in the same place, in any articles: the same
 *   event reported by two outlets. Across articles who-is-counted alone is
 *   not enough: "fighters" in every report of a long war would form one
 *   group too large to review; or
 * - they are set in the same place, count the same category, and at least
 *   one of them does not say who is counted ("7 killed in Jurf Al Sakhar"
 *   next to "5 fighters killed in Jurf Al Sakhar").
 *
 * Place alone is not enough. An article reporting strikes on two operations
 * centres and five fighters killed in the same town gives figures about one
 * place that no reviewer would set side by side, and since groups are
 * transitive one such link would drag unrelated figures into a group.
 * Likewise two figures that both say who they count and name different
 * people ("3 soldiers", "20 civilians") are not related by their place.
 *
 * Groups span articles through place: the same event reported by two
 * outlets is the main case for a comparison.
 *
 * A group never joins two incidents: figures whose stated places differ
 * (neither lies within the other, see where-when.ts) or whose stated times
 * differ are never in one group, even through a figure that states neither.
 * "One militant killed late on Monday" and "five fighters killed early on
 * Wednesday" count the same kind of people in one article, yet are two events.
 */

// Past this many incompatible sub-groups under one key, a figure is left out of that key's
// grouping: it keeps grouping near-linear even when thousands of figures share a key.
const MAX_HUBS_PER_KEY = 16;

/** Figures in groups of two or more related figures, each group in ascending annotation id. */
export function relatedGroups(figures: readonly ComparableFigure[]): ComparableFigure[][] {
  // One figure per annotation: a figure is never related to itself.
  const byId = new Map<number, ComparableFigure>();
  for (const figure of figures) if (!byId.has(figure.annotationId)) byId.set(figure.annotationId, figure);
  // Figures that say where or when go first: they anchor the incidents. A figure that says
  // neither could belong to any of them, and joins the largest it fits (the earliest on a
  // tie; annotation ids follow tagging order, usually reading order). Sorting makes the
  // result independent of the order the figures came in.
  const unique = [...byId.values()].sort((a, b) => Number(anchored(b)) - Number(anchored(a)) || a.annotationId - b.annotationId);
  const sets = new IncidentSets(unique);

  // Bucketing by key relates every pair sharing it at the cost of a few unions per figure.
  const hubsByKey = new Map<string, number[]>();
  const joinOnKey = (key: string, i: number) => {
    const hubs = hubsByKey.get(key);
    if (hubs === undefined) hubsByKey.set(key, [i]);
    else if (!sets.joinLargest(hubs, i) && hubs.length < MAX_HUBS_PER_KEY) hubs.push(i);
  };
  const byPlace = new Map<string, { uncounted: number[]; counted: number[] }>();
  unique.forEach((figure, i) => {
    const counted = normaliseCounted(figure.counted);
    const place = normalisePlace(figure.place);
    // JSON keeps each key unambiguous whatever characters the texts hold.
    if (counted !== null) joinOnKey(JSON.stringify(['article', figure.articleId, counted]), i);
    if (counted !== null && place !== null) joinOnKey(JSON.stringify(['place', place, counted]), i);
    if (place === null) return;
    const key = JSON.stringify([place, categoryCompareKey(figure.category)]);
    let bucket = byPlace.get(key);
    if (bucket === undefined) byPlace.set(key, (bucket = { uncounted: [], counted: [] }));
    (counted === null ? bucket.uncounted : bucket.counted).push(i);
  });

  // Within a bucket every figure is related to each uncounted one; the uncounted figures
  // are the hubs the others join.
  for (const { uncounted, counted } of byPlace.values()) {
    const hubs: number[] = [];
    for (const i of uncounted) {
      if (!sets.joinLargest(hubs, i) && hubs.length < MAX_HUBS_PER_KEY) hubs.push(i);
    }
    for (const i of counted) sets.joinLargest(hubs, i);
  }

  const groups = new Map<number, ComparableFigure[]>();
  unique.forEach((figure, i) => {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [figure]);
    else group.push(figure);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort((a, b) => a.annotationId - b.annotationId))
    .sort((a, b) => (a[0]?.annotationId ?? 0) - (b[0]?.annotationId ?? 0));
}

function anchored(figure: ComparableFigure): boolean {
  return textKey(figure.place) !== null || textKey(figure.time) !== null;
}

/**
 * Disjoint sets of figures that refuse a union joining two incidents: each set keeps the
 * distinct places and times its figures state, and two sets join only when every place
 * of one agrees with every place of the other (equal, or one within the other), and the
 * same for times.
 */
class IncidentSets {
  private readonly sets: UnionFind;
  private readonly places = new Map<number, ParsedPlace[]>();
  private readonly times = new Map<number, ParsedTime[]>();

  constructor(figures: readonly ComparableFigure[]) {
    this.sets = new UnionFind(figures.length);
    const placeCache = new Map<string, ParsedPlace>();
    const timeCache = new Map<string, ParsedTime>();
    figures.forEach((figure, i) => {
      const place = normalisePlace(figure.place);
      if (place !== null) {
        if (!placeCache.has(place)) placeCache.set(place, parsePlace(place));
        this.places.set(i, [placeCache.get(place) as ParsedPlace]);
      }
      const time = textKey(figure.time);
      if (time !== null) {
        if (!timeCache.has(time)) timeCache.set(time, parseTime(time));
        this.times.set(i, [timeCache.get(time) as ParsedTime]);
      }
    });
  }

  find(i: number): number {
    return this.sets.find(i);
  }

  /**
   * Joins i to the largest set among the hubs' that it fits without joining two incidents
   * (the earliest hub's on a tie); whether i now shares a set with one of them.
   */
  joinLargest(hubs: readonly number[], i: number): boolean {
    const root = this.sets.find(i);
    let best: number | null = null;
    for (const hub of hubs) {
      const hubRoot = this.sets.find(hub);
      if (hubRoot === root) return true;
      if (!this.fits(hubRoot, root)) continue;
      if (best === null || this.sets.sizeOf(hubRoot) > this.sets.sizeOf(best)) best = hubRoot;
    }
    if (best === null) return false;
    this.join(best, root);
    return true;
  }

  // Whether two sets can be one incident: every stated place, and every stated time, agrees.
  private fits(rootA: number, rootB: number): boolean {
    const placesB = this.places.get(rootB) ?? [];
    const timesB = this.times.get(rootB) ?? [];
    if ((this.places.get(rootA) ?? []).some((p) => placesB.some((q) => placeRelation(p, q) === 'differs'))) return false;
    return !(this.times.get(rootA) ?? []).some((p) => timesB.some((q) => timeRelation(p, q) === 'differs'));
  }

  private join(rootA: number, rootB: number): void {
    const places = distinct([...(this.places.get(rootA) ?? []), ...(this.places.get(rootB) ?? [])]);
    const times = distinct([...(this.times.get(rootA) ?? []), ...(this.times.get(rootB) ?? [])]);
    this.sets.union(rootA, rootB);
    const root = this.sets.find(rootA);
    this.places.set(root, places);
    this.times.set(root, times);
  }
}

// The parsed values are shared per text (see the caches), so identity is sameness.
function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
