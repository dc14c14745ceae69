import 'server-only';
import { touchArticleActivity } from './article-activity';
import type { Tx } from './database';
import { history, type NewHistoryEntry } from './schema';

type Loggable = NewHistoryEntry['entityType'];

/** Appends one history row; called inside the transaction that makes the change. */
export async function logChange(
  tx: Pick<Tx, 'insert' | 'update'>,
  entry: {
    entityType: Loggable;
    entityId: number;
    articleId: number | null;
    reviewerId: number;
    action: NewHistoryEntry['action'];
    before: unknown;
    after: unknown;
    at: string;
  },
): Promise<void> {
  await tx
    .insert(history)
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    });
  // Every change to an article or its annotations passes here: the library's last activity follows it.
  if (entry.articleId !== null) await touchArticleActivity(tx, entry.articleId, entry.at);
}
