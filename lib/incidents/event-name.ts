import { nameKey } from '../actors/names';

/*
 * An event (the incident a comparison belongs to) is named once and reused: names that differ
 * only in case, spacing, a leading "the" or edge punctuation are the same event, by the same
 * key as actor names. Comparisons that name an event and incident renames both go through here.
 */

/** The name as stored: single-spaced and trimmed, case kept. Empty when nothing is left. */
export function cleanEventName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** The key events.name_key holds: two names with one key are one event. */
export function eventNameKey(name: string): string {
  return nameKey(cleanEventName(name));
}
