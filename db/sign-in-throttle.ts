import { eq } from 'drizzle-orm';
import { usernameKey } from '../lib/accounts/username';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
import { signInFailures } from './schema';

const FREE_ATTEMPTS = 3;
const MAX_WAIT_SECONDS = 15 * 60;

/** Seconds to wait after `failures` failed sign-ins: none for the first few, then doubling from 2 s, capped at 15 minutes. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

// Keyed like the account, so "Amira" and "amira " wait together.
const key = usernameKey;

/** How many seconds this username must still wait before the next attempt (0: go ahead). Unknown usernames are treated alike. */
export function secondsUntilNextAttempt(username: string, now = Date.now()): number {
  const row = getDb().select().from(signInFailures).where(eq(signInFailures.username, key(username))).get();
  if (!row) return 0;
  const readyAt = Date.parse(row.lastFailedAt) + waitAfterFailures(row.failures) * 1000;
  return Math.max(0, Math.ceil((readyAt - now) / 1000));
}

export function recordFailedSignIn(username: string): void {
  const at = nowIso();
  writeTransaction((tx) => {
    const row = tx.select().from(signInFailures).where(eq(signInFailures.username, key(username))).get();
    if (row) tx.update(signInFailures).set({ failures: row.failures + 1, lastFailedAt: at }).where(eq(signInFailures.username, row.username)).run();
    else tx.insert(signInFailures).values({ username: key(username), failures: 1, lastFailedAt: at }).run();
  });
}

export function clearFailedSignIns(username: string): void {
  writeTransaction((tx) => tx.delete(signInFailures).where(eq(signInFailures.username, key(username))).run());
}
