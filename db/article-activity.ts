import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from './database';
import { articles } from './schema';

/**
 * Moves an article's "last activity" (the library's column and sort) forward to `at`. Called
 * inside the transaction that writes the history row for the change, so the column always equals
 * the latest history row about the article; never moves it back (an import may log older times).
 */
export async function touchArticleActivity(tx: Pick<Tx, 'update'>, articleId: number, at: string): Promise<void> {
  await tx
    .update(articles)
    .set({ lastActivityAt: at })
    .where(and(eq(articles.id, articleId), or(isNull(articles.lastActivityAt), lt(articles.lastActivityAt, at))));
}
