import { touchArticleActivity } from './article-activity';
import type { Tx } from './client';
import { history, type NewHistoryEntry } from './schema';

type Loggable = NewHistoryEntry['entityType'];

/** Appends one history row; called inside the transaction that makes the change. */
export function logChange(
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
): void {
  tx.insert(history)
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .run();
  // Every change to an article or its annotations passes here: the library's last activity follows it.
  if (entry.articleId !== null) touchArticleActivity(tx, entry.articleId, entry.at);
}
