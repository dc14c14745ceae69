import 'server-only';
/** One place for "now", so every row written in one action carries the same instant. */
export function nowIso(): string {
  return new Date().toISOString();
}
