import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import * as schema from './schema';

export const LOCAL_REVIEWER_USERNAME = 'local';
export const SAMPLE_ARTICLE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'samples', 'us-strikes-iraq-2023-11-22.txt');

type Database = BetterSQLite3Database<typeof schema>;

/** Until reviewer accounts exist every action is made by one local reviewer. */
export function ensureStartupData(db: Database): void {
  db.transaction((tx) => localReviewer(tx), { behavior: 'immediate' });
}

function localReviewer(tx: Pick<Database, 'select' | 'insert'>): schema.Reviewer {
  return (
    tx.select().from(schema.reviewers).where(eq(schema.reviewers.username, LOCAL_REVIEWER_USERNAME)).get() ??
    tx
      .insert(schema.reviewers)
      .values({ username: LOCAL_REVIEWER_USERNAME, displayName: 'Local reviewer', createdAt: nowIso() })
      .returning()
      .get()
  );
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
      insertArticle(tx, { text: fs.readFileSync(SAMPLE_ARTICLE_FILE, 'utf8'), source: 'The National' }, localReviewer(tx).id);
    },
    { behavior: 'immediate' },
  );
}
