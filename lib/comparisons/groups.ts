import { normaliseCounted, normalisePlace, textKey } from './normalise';
import type { ComparableFigure } from './types';
import { UnionFind } from './union-find';

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
 */

/** Figures in groups of two or more related figures, each group in ascending annotation id. */
export function relatedGroups(figures: readonly ComparableFigure[]): ComparableFigure[][] {
  // One figure per annotation: a figure is never related to itself.
  const byId = new Map<number, ComparableFigure>();
  for (const figure of figures) if (!byId.has(figure.annotationId)) byId.set(figure.annotationId, figure);
  const unique = [...byId.values()];
  const sets = new UnionFind(unique.length);

  // Bucketing by key relates every pair sharing it at the cost of one union per figure.
  const firstByKey = new Map<string, number>();
  const joinOnKey = (key: string, i: number) => {
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else sets.union(first, i);
  };
  const byPlace = new Map<string, { uncounted: number[]; counted: number[] }>();
  unique.forEach((figure, i) => {
    const counted = normaliseCounted(figure.counted);
    const place = normalisePlace(figure.place);
    // JSON keeps each key unambiguous whatever characters the texts hold.
    if (counted !== null) joinOnKey(JSON.stringify(['article', figure.articleId, counted]), i);
    if (counted !== null && place !== null) joinOnKey(JSON.stringify(['place', place, counted]), i);
    if (place === null) return;
    const key = JSON.stringify([place, textKey(figure.category)]);
    let bucket = byPlace.get(key);
    if (bucket === undefined) byPlace.set(key, (bucket = { uncounted: [], counted: [] }));
    (counted === null ? bucket.uncounted : bucket.counted).push(i);
  });

  // Within a bucket every figure is related to each uncounted one, so
  // joining all of them to the first uncounted figure gives the same groups.
  for (const { uncounted, counted } of byPlace.values()) {
    const hub = uncounted[0];
    if (hub === undefined) continue;
    for (const i of uncounted) sets.union(hub, i);
    for (const i of counted) sets.union(hub, i);
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
    .map((group) => group.sort((a, b) => a.annotationId - b.annotationId));
}
