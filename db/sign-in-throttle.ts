import 'server-only';
import { eq } from 'drizzle-orm';
import { usernameKey } from '../lib/accounts/username';
import { nowIso } from './clock';
import type { Database } from './database';
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
export async function secondsUntilNextAttempt(db: Database, username: string, now = Date.now()): Promise<number> {
  const [row] = await db.read((conn) => conn.select().from(signInFailures).where(eq(signInFailures.username, key(username))).limit(1));
  if (!row) return 0;
  const readyAt = Date.parse(row.lastFailedAt) + waitAfterFailures(row.failures) * 1000;
  return Math.max(0, Math.ceil((readyAt - now) / 1000));
}

export async function recordFailedSignIn(db: Database, username: string): Promise<void> {
  const at = nowIso();
  await db.write(async (tx) => {
    const [row] = await tx.select().from(signInFailures).where(eq(signInFailures.username, key(username))).limit(1);
    if (row) await tx.update(signInFailures).set({ failures: row.failures + 1, lastFailedAt: at }).where(eq(signInFailures.username, row.username));
    else await tx.insert(signInFailures).values({ username: key(username), failures: 1, lastFailedAt: at });
  });
}

export async function clearFailedSignIns(db: Database, username: string): Promise<void> {
  await db.write((tx) => tx.delete(signInFailures).where(eq(signInFailures.username, key(username))));
}
