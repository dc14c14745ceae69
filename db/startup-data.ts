import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import * as schema from './schema';

export const ADMIN_USERNAME = 'admin';
export const GOLD_USERNAME = 'gold';
export const SAMPLE_ARTICLE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'samples', 'us-strikes-iraq-2023-11-22.txt');

type Database = BetterSQLite3Database<typeof schema>;
type Reader = Pick<Database, 'select' | 'insert'>;

/**
 * Rows every library needs before anything else runs: the first admin's layer (its
 * password is attached at server start, see db/admin-account.ts), the gold layer that
 * adjudication writes to. (The secret that signs session cookies is kept outside the
 * database: see db/auth-secret.ts.)
 */
export function ensureStartupData(db: Database): void {
  db.transaction(
    (tx) => {
      firstAdmin(tx);
      goldLayer(tx);
    },
    { behavior: 'immediate' },
  );
}

function firstAdmin(tx: Reader): schema.Reviewer {
  return (
    tx.select().from(schema.reviewers).where(eq(schema.reviewers.role, 'admin')).orderBy(schema.reviewers.id).get() ??
    tx
      .insert(schema.reviewers)
      .values({ username: ADMIN_USERNAME, displayName: 'Administrator', role: 'admin', createdAt: nowIso() })
      .returning()
      .get()
  );
}

function goldLayer(tx: Reader): schema.Reviewer {
  return (
    tx.select().from(schema.reviewers).where(eq(schema.reviewers.kind, 'gold')).get() ??
    tx
      .insert(schema.reviewers)
      .values({ username: GOLD_USERNAME, displayName: 'Gold (adjudicated)', kind: 'gold', createdAt: nowIso() })
      .returning()
      .get()
  );
}

/** The admin the command-line tools act as: the first admin account. */
export function firstAdminReviewer(db: Database): schema.Reviewer {
  return db.transaction((tx) => firstAdmin(tx), { behavior: 'immediate' });
}

export function goldReviewer(db: Database): schema.Reviewer {
  return db.transaction((tx) => goldLayer(tx), { behavior: 'immediate' });
}

/**
 * The app's first start loads the sample article so there is something to read. Only the
 * server does this (not the import and export commands), and only into a library that
 * never held an article: deleting the sample does not bring it back.
 */
export function seedSampleArticle(db: Database): void {
  db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(schema.articles).get();
      if ((existing?.n ?? 0) > 0 || !fs.existsSync(SAMPLE_ARTICLE_FILE)) return;
      insertArticle(tx, { text: fs.readFileSync(SAMPLE_ARTICLE_FILE, 'utf8'), source: 'The National' }, firstAdmin(tx).id);
    },
    { behavior: 'immediate' },
  );
}
