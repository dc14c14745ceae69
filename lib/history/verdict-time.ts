/*
 * When a claim's verdict was given: the time its status was last set, read from the
 * annotation's history rows (oldest first). ClaimReview publishes this as its
 * `datePublished`; the export date or the annotation's last edit (a note typo fixed a
 * month later) would misdate the verdict.
 *
 * A row records whole states (db/annotation-details.ts `annotationState`): `claim` is the
 * claim detail row, or null while the annotation is not a claim. A state without a `claim`
 * key (an import's create row that recorded only the span) says nothing about the status.
 * An import of Crosscheck JSONL records the claim with the `ratedAt` it was exported with,
 * so a verdict given elsewhere keeps its original time.
 */

export interface HistoryStateRow {
  at: string;
  /** Parsed JSON of the state before the change (null for create and restore). */
  before: unknown;
  /** Parsed JSON of the state after the change (null for delete). */
  after: unknown;
}

interface ClaimState {
  status: string | null;
  ratedAt: string | null;
}

/** The claim part of a recorded state: undefined when the state does not record it. */
function claimIn(state: unknown): ClaimState | undefined {
  if (typeof state !== 'object' || state === null || !('claim' in state)) return undefined;
  const claim = (state as { claim: unknown }).claim;
  if (typeof claim !== 'object' || claim === null) return { status: null, ratedAt: null };
  const { status, ratedAt } = claim as { status?: unknown; ratedAt?: unknown };
  return { status: typeof status === 'string' ? status : null, ratedAt: typeof ratedAt === 'string' ? ratedAt : null };
}

/**
 * The time the current claim status was set, or null when the history never records it.
 * Deleting and restoring an annotation, or editing its note, does not give the verdict again.
 */
export function verdictGivenAt(rows: readonly HistoryStateRow[]): string | null {
  let known: string | null | undefined;
  let givenAt: string | null = null;
  for (const row of rows) {
    const after = claimIn(row.after);
    if (after === undefined) continue;
    // The row's own "before" is the best witness; a create or restore row has none, so the last state seen stands in.
    const recordedBefore = claimIn(row.before);
    const before = recordedBefore === undefined ? known : recordedBefore.status;
    if (after.status !== before) givenAt = after.status === null ? null : (after.ratedAt ?? row.at);
    known = after.status;
  }
  return givenAt;
}
