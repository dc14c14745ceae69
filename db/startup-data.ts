import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import * as schema from './schema';

export const LOCAL_REVIEWER_USERNAME = 'local';
export const SAMPLE_ARTICLE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'samples', 'us-strikes-iraq-2023-11-22.txt');

/**
 * Until reviewer accounts exist every action is made by one local reviewer, and a new
 * library starts with the sample article so there is something to read. "Empty" means
 * no article was ever added: deleting the sample does not bring it back.
 */
export function ensureStartupData(db: BetterSQLite3Database<typeof schema>): void {
  db.transaction(
    (tx) => {
      let reviewer = tx
        .select()
        .from(schema.reviewers)
        .where(eq(schema.reviewers.username, LOCAL_REVIEWER_USERNAME))
        .get();
      if (!reviewer) {
        reviewer = tx
          .insert(schema.reviewers)
          .values({ username: LOCAL_REVIEWER_USERNAME, displayName: 'Local reviewer', createdAt: nowIso() })
          .returning()
          .get();
      }
      const existing = tx.select({ n: count() }).from(schema.articles).get();
      if ((existing?.n ?? 0) === 0 && fs.existsSync(SAMPLE_ARTICLE_FILE)) {
        insertArticle(tx, { text: fs.readFileSync(SAMPLE_ARTICLE_FILE, 'utf8'), source: 'The National' }, reviewer.id);
      }
    },
    { behavior: 'immediate' },
  );
}
