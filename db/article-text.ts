import 'server-only';
import { eq } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Database } from './database';
import { articles } from './schema';

/*
 * Article texts never change once stored (a new text is a new version, a new row), so the
 * write path keeps the texts it read: a 1.2 MB article is not read from the database again for
 * every span tagged on it. Bounded by total length; the oldest used text goes first.
 */

const MAX_CACHED_CHARS = 32 * 1024 * 1024;

interface Cache {
  db: Database;
  texts: Map<number, string>;
  chars: number;
}

// On globalThis: Next may load this module once per route bundle, and they share one cache.
const registry = globalThis as typeof globalThis & { crosscheckArticleTexts?: Cache };

/**
 * The text of an article (deleted or not: callers check access and liveness themselves).
 * Inside a read or write of `db` it reads in that transaction.
 */
export async function articleText(db: Database, articleId: number): Promise<string> {
  let cache = registry.crosscheckArticleTexts;
  if (cache?.db !== db) cache = registry.crosscheckArticleTexts = { db, texts: new Map(), chars: 0 };
  const cached = cache.texts.get(articleId);
  if (cached !== undefined) {
    // Map order is insertion order: re-inserting marks the text as the most recently used.
    cache.texts.delete(articleId);
    cache.texts.set(articleId, cached);
    return cached;
  }
  const [row] = await db.read((conn) => conn.select({ text: articles.text }).from(articles).where(eq(articles.id, articleId)).limit(1));
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
  // Another database may have taken the cache while this one read.
  if (registry.crosscheckArticleTexts !== cache) return row.text;
  if (!cache.texts.has(articleId)) {
    cache.texts.set(articleId, row.text);
    cache.chars += row.text.length;
  }
  for (const [id, text] of cache.texts) {
    if (cache.chars <= MAX_CACHED_CHARS || id === articleId) break;
    cache.texts.delete(id);
    cache.chars -= text.length;
  }
  return row.text;
}
