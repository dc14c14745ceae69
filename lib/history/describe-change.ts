/*
 * Turns a history row's before/after states into short sentences a reviewer reads in the
 * panel ("label: claim → actor", "figure category: strikes → other"). Only fields a
 * reviewer can change are described; bookkeeping (version, timestamps) is left out.
 */

type State = Record<string, unknown> | null;

const DESCRIBED: Record<string, string> = {
  label: 'label',
  note: 'note',
  actorId: 'actor',
};

const DETAIL_FIELDS: Record<string, Record<string, string>> = {
  figure: {
    valueMin: 'lowest value',
    valueMax: 'highest value',
    qualifier: 'qualifier',
    vague: 'vague',
    category: 'category',
    counted: 'who is counted',
    place: 'place',
    time: 'time',
    sourceActorId: 'source actor',
    sourceText: 'attribution',
  },
  claim: { status: 'status', claimantActorId: 'claimant' },
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 60 ? `“${value.slice(0, 59)}…”` : `“${value}”`;
  return String(value);
}

function plain(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

function compare(before: State, after: State, fields: Record<string, string>, prefix: string): string[] {
  const changes: string[] = [];
  for (const [field, name] of Object.entries(fields)) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const fromText = field === 'label' || field === 'qualifier' || field === 'category' || field === 'status' ? plain(from) : show(from);
    const toText = field === 'label' || field === 'qualifier' || field === 'category' || field === 'status' ? plain(to) : show(to);
    changes.push(`${prefix}${name}: ${fromText} → ${toText}`);
  }
  return changes;
}

/** What changed between two recorded states of an annotation. */
export function describeAnnotationChange(before: State, after: State): string[] {
  const changes = compare(before, after, DESCRIBED, '');
  for (const [detail, fields] of Object.entries(DETAIL_FIELDS)) {
    const from = (before?.[detail] as State | undefined) ?? null;
    const to = (after?.[detail] as State | undefined) ?? null;
    // A detail row appearing with a new label is part of the label change, not a separate edit.
    if (from === null || to === null) continue;
    changes.push(...compare(from, to, fields, `${detail} `));
  }
  return changes;
}
