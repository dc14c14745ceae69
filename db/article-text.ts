import { eq } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { getDb, type Db } from './client';
import { articles } from './schema';

/*
 * Article texts never change once stored (a new text is a new version, a new row), so the
 * write path keeps the texts it read: a 1.2 MB article is not read from SQLite again for every
 * span tagged on it. Bounded by total length; the oldest used text goes first.
 */

const MAX_CACHED_CHARS = 32 * 1024 * 1024;

interface Cache {
  db: Db;
  texts: Map<number, string>;
  chars: number;
}

// On globalThis: Next may load this module once per route bundle, and they share one cache.
const registry = globalThis as typeof globalThis & { crosscheckArticleTexts?: Cache };

/** The text of an article (deleted or not: callers check access and liveness themselves). */
export function articleText(articleId: number): string {
  const db = getDb();
  let cache = registry.crosscheckArticleTexts;
  if (cache?.db !== db) cache = registry.crosscheckArticleTexts = { db, texts: new Map(), chars: 0 };
  const cached = cache.texts.get(articleId);
  if (cached !== undefined) {
    // Map order is insertion order: re-inserting marks the text as the most recently used.
    cache.texts.delete(articleId);
    cache.texts.set(articleId, cached);
    return cached;
  }
  const row = db.select({ text: articles.text }).from(articles).where(eq(articles.id, articleId)).get();
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
  cache.texts.set(articleId, row.text);
  cache.chars += row.text.length;
  for (const [id, text] of cache.texts) {
    if (cache.chars <= MAX_CACHED_CHARS || id === articleId) break;
    cache.texts.delete(id);
    cache.chars -= text.length;
  }
  return row.text;
}
