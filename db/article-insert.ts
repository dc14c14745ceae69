import { AppError } from '../lib/errors';
import { prepareArticleText } from '../lib/text/normalise';
import { countWords, deriveTitle } from '../lib/text/words';
import type { Tx } from './client';
import { nowIso } from './clock';
import { logChange } from './history-log';
import { articles, type Article } from './schema';

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

/**
 * Normalises the text once (the stored text is the only source of truth for offsets),
 * fills in the date from a leading `date YYYY-MM-DD` line and a title from the first
 * sentence when the reviewer gave none, and records the creation in history.
 */
export function insertArticle(tx: Pick<Tx, 'insert' | 'update'>, draft: ArticleDraft, reviewerId: number): Article {
  const { text, dateFromText } = prepareArticleText(draft.text);
  if (text.length === 0) {
    throw new AppError('article_empty', 'The article has no text: paste or upload some text first.');
  }
  const at = nowIso();
  const row = tx
    .insert(articles)
    .values({
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
    })
    .returning()
    .get();
  logChange(tx, {
    entityType: 'article',
    entityId: row.id,
    articleId: row.id,
    reviewerId,
    action: 'create',
    before: null,
    after: pickMetadata(row),
    at,
  });
  return row;
}
