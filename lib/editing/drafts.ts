/**
 * A form that edits a stored record, as text fields the reviewer types into. The rule these
 * helpers keep: nothing a reviewer typed is replaced by a stored value unless the reviewer
 * saved it (the stored value is then the server's normalised form of it) or never touched it.
 */
export type Fields<K extends string = string> = Record<K, string>;

export function sameFields<K extends string>(a: Fields<K>, b: Fields<K>): boolean {
  return (Object.keys(a) as K[]).every((key) => a[key] === b[key]);
}

/** The fields whose text differs from what is stored: the reviewer's unsaved edits. */
export function changedFields<K extends string>(draft: Fields<K>, stored: Fields<K>): K[] {
  return (Object.keys(draft) as K[]).filter((key) => draft[key] !== stored[key]);
}

/**
 * The fields to show once the stored record changed underneath the form (a save came back,
 * an undo, another tab). `base` is the stored record the form was last in step with, `sent`
 * the draft most recently sent to be saved. A field takes the new stored value when the
 * reviewer left it as it was (`base`) or when it holds exactly what was sent (the server may
 * have trimmed it); every other field keeps the reviewer's text.
 */
export function rebaseDraft<K extends string>(draft: Fields<K>, base: Fields<K>, stored: Fields<K>, sent: Fields<K> | null): Fields<K> {
  const next = { ...draft };
  for (const key of Object.keys(draft) as K[]) {
    if (draft[key] === base[key] || (sent !== null && draft[key] === sent[key])) next[key] = stored[key];
  }
  return next;
}
