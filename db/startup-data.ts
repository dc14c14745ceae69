import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import type { Database, Tx } from './database';
import * as schema from './schema';

export const ADMIN_USERNAME = 'admin';
export const GOLD_USERNAME = 'gold';
export const SAMPLE_ARTICLE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'samples', 'us-strikes-iraq-2023-11-22.txt');

/**
 * Rows every library needs before anything else runs: the first admin's layer (its
 * password is attached at server start, see db/accounts.ts), the gold layer that
 * adjudication writes to. (The secret that signs session cookies is kept outside the
 * database: see db/auth-secret.ts.) Runs inside the transaction the engine opens at start-up.
 */
export async function ensureStartupData(tx: Tx): Promise<void> {
  await firstAdmin(tx);
  await goldLayer(tx);
}

async function firstAdmin(tx: Tx): Promise<schema.Reviewer> {
  const [existing] = await tx.select().from(schema.reviewers).where(eq(schema.reviewers.role, 'admin')).orderBy(schema.reviewers.id).limit(1);
  if (existing) return existing;
  const [created] = await tx
    .insert(schema.reviewers)
    .values({ username: ADMIN_USERNAME, displayName: 'Administrator', role: 'admin', createdAt: nowIso() })
    .returning();
  return created!;
}

async function goldLayer(tx: Tx): Promise<schema.Reviewer> {
  const [existing] = await tx.select().from(schema.reviewers).where(eq(schema.reviewers.kind, 'gold')).limit(1);
  if (existing) return existing;
  const [created] = await tx
    .insert(schema.reviewers)
    .values({ username: GOLD_USERNAME, displayName: 'Gold (adjudicated)', kind: 'gold', createdAt: nowIso() })
    .returning();
  return created!;
}

/** The admin the command-line tools act as: the first admin account. */
export async function firstAdminReviewer(db: Database): Promise<schema.Reviewer> {
  return db.read((conn) => firstAdmin(conn));
}

export async function goldReviewer(db: Database): Promise<schema.Reviewer> {
  return db.read((conn) => goldLayer(conn));
}

/**
 * The app's first start loads the sample article so there is something to read. Only the
 * server does this (not the import and export commands), and only into a library that
 * never held an article: deleting the sample does not bring it back.
 */
export async function seedSampleArticle(db: Database): Promise<void> {
  await db.write(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(schema.articles);
    if ((existing?.n ?? 0) > 0 || !fs.existsSync(SAMPLE_ARTICLE_FILE)) return;
    await insertArticle(tx, { text: fs.readFileSync(SAMPLE_ARTICLE_FILE, 'utf8'), source: 'The National' }, (await firstAdmin(tx)).id);
  });
}
