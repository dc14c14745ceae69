import { conflicts, markDisagreements } from './disagreement';
import { relatedGroups } from './groups';
import { describeConflict } from './reason';
import { proposeTitle } from './title';
import type { ComparableFigure } from './types';

/*
 * Comparisons the workbench proposes to reviewers: groups of related
 * figures (see groups.ts) in which at least two figures give different
 * numbers or count different outcomes. Runs over every figure in the store,
 * so all of it is linear or near it in the number of figures.
 */

export interface ComparisonSuggestion {
  key: string;
  annotationIds: number[];
  // Why it is suggested, one line for the reviewer to judge it.
  reason: string;
  // The title a comparison made from it is offered (see title.ts).
  title: string;
}

export interface SuggestOptions {
  // Keys of suggestions a reviewer dismissed.
  dismissed: ReadonlySet<string>;
  // Each existing comparison's member annotation ids.
  existing: ReadonlyArray<readonly number[]>;
}

/**
 * Identifies a set of figures whatever order the ids come in, e.g. "3-7-12".
 * A dismissal is stored under it, so it is for exactly that set: once a new
 * figure joins the group the key changes and the group is suggested again,
 * since the new figure is something the reviewer has not seen.
 */
export function suggestionKey(annotationIds: readonly number[]): string {
  return [...new Set(annotationIds)].sort((a, b) => a - b).join('-');
}

// Whether some single existing comparison already holds every id.
function coveredBy(existing: ReadonlyArray<readonly number[]>): (ids: readonly number[]) => boolean {
  const comparisonsOf = new Map<number, Set<number>[]>();
  for (const members of existing) {
    const set = new Set(members);
    for (const id of set) {
      const list = comparisonsOf.get(id);
      if (list === undefined) comparisonsOf.set(id, [set]);
      else list.push(set);
    }
  }
  return (ids) => {
    const [first] = ids;
    if (first === undefined) return false;
    return (comparisonsOf.get(first) ?? []).some((set) => ids.every((id) => set.has(id)));
  };
}

export function suggestComparisons(
  figures: readonly ComparableFigure[],
  options: SuggestOptions,
): ComparisonSuggestion[] {
  const covered = coveredBy(options.existing);
  const suggestions: ComparisonSuggestion[] = [];
  for (const group of relatedGroups(figures)) {
    const marks = markDisagreements(group);
    if (!conflicts(marks)) continue;
    const annotationIds = group.map((f) => f.annotationId);
    const key = suggestionKey(annotationIds);
    if (options.dismissed.has(key) || covered(annotationIds)) continue;
    suggestions.push({ key, annotationIds, reason: describeConflict(group, marks), title: proposeTitle(group) });
  }
  // Biggest disagreements first; the smallest id breaks ties so the order is stable.
  return suggestions.sort(
    (a, b) => b.annotationIds.length - a.annotationIds.length || (a.annotationIds[0] ?? 0) - (b.annotationIds[0] ?? 0),
  );
}
