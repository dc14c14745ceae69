import type { Label } from '../labels';

/*
 * Lines up the reviewers' layers of one article for adjudication. Linked spans (see
 * `linked`), directly or through a chain, are one decision for the curator and form one
 * cluster: a reviewer who tagged "five fighters were killed" as a figure and another who
 * tagged "five of its fighters were killed" as a claim disagree about the same words, and
 * are looked at side by side; the actor "Kataib Hezbollah" inside a claim is its own decision.
 *
 * Offsets are UTF-16 units, half-open [start, end), as stored in the database.
 */

/** One reviewer's span; callers may pass richer objects (details, quote) and get them back in `candidates`, as with gold spans. */
export interface CandidateSpan {
  id: number;
  /** The reviewer's username: what clusters compare and sort candidates by. */
  reviewer: string;
  label: Label;
  start: number;
  end: number;
}

export interface GoldSpan {
  start: number;
  end: number;
  label: Label;
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * open: still to decide; accepted: the gold layer has a span here; rejected: the curator
 * decided none of the candidates belongs in gold.
 */
export type ClusterState = 'open' | 'accepted' | 'rejected';

export interface Cluster<Span extends CandidateSpan = CandidateSpan, Gold extends GoldSpan = GoldSpan> {
  /** "start-end" of the stretch the cluster covers; also how a rejection is stored. */
  key: string;
  start: number;
  end: number;
  /** Sorted by reviewer, then by position. */
  candidates: Span[];
  /** Every counted reviewer tagged this stretch exactly once, with the same offsets and label. */
  agreed: boolean;
  state: ClusterState;
  /** The gold spans overlapping the cluster, in text order: what "accepted" was decided on. */
  gold: Gold[];
}

export interface AlignmentInput<Span extends CandidateSpan, Gold extends GoldSpan> {
  spans: readonly Span[];
  /** Usernames whose layers count; spans of anyone else are left out. */
  reviewers: readonly string[];
  gold: readonly Gold[];
  rejected: readonly TextRange[];
}

export function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function clusterKey(range: TextRange): string {
  return `${range.start}-${range.end}`;
}

function byPosition(a: TextRange, b: TextRange): number {
  return a.start - b.start || a.end - b.end;
}

function byReviewerThenPosition(a: CandidateSpan, b: CandidateSpan): number {
  // Plain code-unit order rather than localeCompare: usernames are identifiers, and the
  // order must not change with the server's locale.
  if (a.reviewer !== b.reviewer) return a.reviewer < b.reviewer ? -1 : 1;
  return byPosition(a, b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.id - b.id;
}

/**
 * Whether two spans are one decision for the curator: they overlap and either carry the
 * same label, or cover mostly the same words (the shared stretch is at least half of the
 * longer span), which is a disagreement about the label. An actor or a figure inside a
 * claim's sentence is not linked to the claim: those are separate decisions.
 */
export function linked(a: TextRange & { label: Label }, b: TextRange & { label: Label }): boolean {
  if (!overlaps(a, b)) return false;
  if (a.label === b.label) return true;
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared * 2 >= Math.max(a.end - a.start, b.end - b.start);
}

interface Group<Span> {
  start: number;
  end: number;
  spans: Span[];
}

/**
 * Connected components of linked spans, in text order. A sweep keeps the spans still open
 * at each start, so each span is compared only with the spans it overlaps; a union-find
 * joins the components.
 */
function groupLinked<Span extends CandidateSpan>(spans: readonly Span[]): Group<Span>[] {
  const sorted = [...spans].sort(byPosition);
  const parent = sorted.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  let open: number[] = [];
  sorted.forEach((span, index) => {
    open = open.filter((other) => sorted[other]!.end > span.start);
    for (const other of open) if (linked(sorted[other]!, span)) parent[root(index)] = root(other);
    open.push(index);
  });
  const byRoot = new Map<number, Group<Span>>();
  sorted.forEach((span, index) => {
    const key = root(index);
    const group = byRoot.get(key);
    if (group) {
      group.spans.push(span);
      group.end = Math.max(group.end, span.end);
    } else {
      byRoot.set(key, { start: span.start, end: span.end, spans: [span] });
    }
  });
  return [...byRoot.values()].sort(byPosition);
}

function isAgreed(candidates: readonly CandidateSpan[], reviewers: readonly string[]): boolean {
  if (reviewers.length === 0) return false;
  const perReviewer = new Map<string, number>();
  for (const candidate of candidates) perReviewer.set(candidate.reviewer, (perReviewer.get(candidate.reviewer) ?? 0) + 1);
  if (!reviewers.every((reviewer) => perReviewer.get(reviewer) === 1)) return false;
  const [first] = candidates;
  return candidates.every((candidate) => candidate.start === first?.start && candidate.end === first.end && candidate.label === first.label);
}

/** The article's spans as clusters for a curator to accept into gold or reject. */
export function alignLayers<Span extends CandidateSpan, Gold extends GoldSpan>(input: AlignmentInput<Span, Gold>): Cluster<Span, Gold>[] {
  const counted = [...new Set(input.reviewers)];
  const countedSet = new Set(counted);
  const groups = groupLinked(input.spans.filter((span) => countedSet.has(span.reviewer)));
  const gold = [...input.gold].sort(byPosition);
  // A gold span settles a cluster when it is linked to one of the cluster's candidates.
  const goldByGroup = groups.map((group) =>
    gold.filter((span) => overlaps(span, group) && group.spans.some((candidate) => linked(candidate, span))),
  );
  const rejectedKeys = new Set(input.rejected.map(clusterKey));

  return groups.map((group, index) => {
    const range = { start: group.start, end: group.end };
    const candidates = group.spans.sort(byReviewerThenPosition);
    const gold = goldByGroup[index] ?? [];
    const key = clusterKey(range);
    const state: ClusterState = gold.length > 0 ? 'accepted' : rejectedKeys.has(key) ? 'rejected' : 'open';
    return { key, ...range, candidates, agreed: isAgreed(candidates, counted), state, gold };
  });
}
