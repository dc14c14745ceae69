import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Tx } from './database';
import { writePrivateFileOnce } from './file-safety';
import { appSettings } from './schema';

/*
 * The secret that signs session cookies must not sit in the database beside the session
 * tokens it signs: together they make a working admin cookie, so any copy of the file (a
 * backup, a support bundle) would be an admin key. It lives in a 0600 file beside the
 * database instead, which `npm run backup` does not copy.
 */

/** Where the generated signing secret is kept: beside the database, never inside it. */
export function authSecretFile(databaseFile: string): string {
  return `${databaseFile}.auth-secret`;
}

// Where versions before this one kept the secret; moved out on first start.
const LEGACY_SETTING_KEY = 'auth_secret';

/** BETTER_AUTH_SECRET when set; else the key file, created (or moved out of an older database) on first use. */
export async function readAuthSecret(tx: Tx, databaseFile: string): Promise<string> {
  const [legacy] = await tx.select().from(appSettings).where(eq(appSettings.key, LEGACY_SETTING_KEY)).limit(1);
  const fromEnvironment = process.env.BETTER_AUTH_SECRET;
  const file = authSecretFile(databaseFile);
  let secret = fromEnvironment;
  if (!secret) {
    // An older database's secret is kept, so everyone stays signed in across the upgrade.
    writePrivateFileOnce(file, legacy?.value ?? crypto.randomBytes(32).toString('base64url'));
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  if (legacy) await tx.delete(appSettings).where(eq(appSettings.key, LEGACY_SETTING_KEY));
  return secret;
}
