import 'server-only';
import { AppError } from '../lib/errors';
import { prepareArticleText } from '../lib/text/normalise';
import { countWords, deriveTitle } from '../lib/text/words';
import { sql } from 'drizzle-orm';
import { nowIso } from './clock';
import type { Tx } from './database';
import { logChange } from './history-log';
import { preparedPerConnection } from './prepared';
import { articles, history, type Article } from './schema';

export type ArticleMetadata = Omit<Article, 'text' | 'deletedAt' | 'lastActivityAt'>;

/**
 * History keeps metadata only: the text never changes, so logging it would only repeat it, and
 * the last activity is derived from history itself.
 */
export function pickMetadata(article: Article): ArticleMetadata {
  const { text: _text, deletedAt: _deletedAt, lastActivityAt: _lastActivityAt, ...metadata } = article;
  return metadata;
}

export interface ArticleDraft {
  text: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  publishedTime?: string | null;
}

/** The row insertArticle stores for a draft: the text normalised, date and title filled in. */
function articleRow(draft: ArticleDraft, reviewerId: number, at: string): typeof articles.$inferInsert {
  const { text, dateFromText } = prepareArticleText(draft.text);
  if (text.length === 0) {
    throw new AppError('article_empty', 'The article has no text: paste or upload some text first.');
  }
  return {
    title: draft.title?.trim() || deriveTitle(text),
    source: draft.source?.trim() ?? '',
    url: draft.url?.trim() || null,
    publishedOn: draft.publishedOn || dateFromText,
    // A time is kept only with the date it was given with, never beside a date read from the text.
    publishedTime: (draft.publishedOn && draft.publishedTime) || null,
    text,
    wordCount: countWords(text),
    createdBy: reviewerId,
    createdAt: at,
    updatedAt: at,
    lastActivityAt: at,
  };
}

function creationEntry(row: Article, reviewerId: number, at: string) {
  return { entityType: 'article' as const, entityId: row.id, articleId: row.id, reviewerId, action: 'create' as const, before: null, after: pickMetadata(row), at };
}

/**
 * Normalises the text once (the stored text is the only source of truth for offsets),
 * fills in the date from a leading `date YYYY-MM-DD` line and a title from the first
 * sentence when the reviewer gave none, and records the creation in history.
 */
export async function insertArticle(tx: Tx, draft: ArticleDraft, reviewerId: number): Promise<Article> {
  const at = nowIso();
  const [row] = await tx.insert(articles).values(articleRow(draft, reviewerId, at)).returning();
  await logChange(tx, creationEntry(row!, reviewerId, at));
  return row!;
}

const p = sql.placeholder;
const articleStatement = preparedPerConnection((conn) =>
  conn
    .insert(articles)
    .values({ title: p('title'), source: p('source'), url: p('url'), publishedOn: p('publishedOn'), publishedTime: p('publishedTime'), text: p('text'), wordCount: p('wordCount'), createdBy: p('createdBy'), createdAt: p('createdAt'), updatedAt: p('updatedAt'), lastActivityAt: p('lastActivityAt') })
    .returning()
    .prepare(),
);
const historyStatement = preparedPerConnection((conn) =>
  conn
    .insert(history)
    .values({ entityType: p('entityType'), entityId: p('entityId'), articleId: p('articleId'), reviewerId: p('reviewerId'), action: p('action'), before: p('before'), after: p('after'), at: p('at') })
    .prepare(),
);

/**
 * insertArticle with statements prepared once per connection, for bulk imports: building
 * and preparing the query again for every row cost more than SQLite's own work. Call it
 * inside a write transaction (`tx` is that transaction's handle).
 */
export async function insertArticlePrepared(tx: Tx, draft: ArticleDraft, reviewerId: number): Promise<Article> {
  const at = nowIso();
  const [row] = await articleStatement(tx).execute(articleRow(draft, reviewerId, at));
  const entry = creationEntry(row!, reviewerId, at);
  await historyStatement(tx).execute({ ...entry, before: null, after: JSON.stringify(entry.after) });
  return row!;
}
