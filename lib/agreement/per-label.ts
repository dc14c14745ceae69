import { LABELS, type Label } from '../labels';

/** A record with one entry per label, so a new label in LABELS is scored without touching this module. */
export function perLabel<T>(make: (label: Label) => T): Record<Label, T> {
  // fromEntries loses the key type; LABELS supplies every key, so the cast holds.
  return Object.fromEntries(LABELS.map((label) => [label, make(label)])) as Record<Label, T>;
}
