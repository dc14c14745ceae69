/*
 * The time of day an article was published, beside its date. Outlets update casualty
 * stories through the day, so the order of reports within one day matters to a desk
 * reading how counts rose. A time is stored as the reviewer (or the page) gave it, with
 * its UTC offset: "14:05Z" for UTC, "17:05+03:00" for a Baghdad outlet's own clock. The
 * date stays the publisher's own day, as before; the offset is what lets reports from
 * outlets in different zones be put in one order.
 */

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?\s*(Z|UTC|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

/**
 * "14:05", "14:05Z", "14:05 UTC", "17:05+03:00", "17:05+0300" → the stored form ("14:05Z",
 * "17:05+03:00"); seconds are dropped; no offset means UTC. Anything else → undefined.
 */
export function clockTime(value: string): string | undefined {
  const match = CLOCK_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, hours, minutes, zone] = match;
  const offset = !zone || /^(z|utc)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${hours}:${minutes}${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`;
}

/**
 * The moment a report was published, in milliseconds, for ordering reports: the date at the
 * given time, or the start of the date (UTC) when no time is known. Null when undated.
 */
export function publicationInstant(date: string | null, time: string | null): number | null {
  if (!date) return null;
  const instant = Date.parse(time ? `${date}T${time.replace(/Z$/, ':00Z').replace(/([+-]\d\d:\d\d)$/, ':00$1')}` : `${date}T00:00:00Z`);
  return Number.isNaN(instant) ? null : instant;
}

/** "14:05 UTC", "17:05 UTC+03:00": how a stored time is shown. */
export function formatClockTime(time: string): string {
  return time.endsWith('Z') ? `${time.slice(0, -1)} UTC` : `${time.slice(0, 5)} UTC${time.slice(5)}`;
}

/** A report's date with its time when known, e.g. "2023-11-22 14:05 UTC". */
export function formatPublication(date: string | null, time: string | null): string {
  if (!date) return 'undated';
  return time ? `${date} ${formatClockTime(time)}` : date;
}
