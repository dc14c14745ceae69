import 'server-only';
import { and, isNotNull, isNull, like } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { canonicalUrl } from '../lib/import/duplicates';
import type { IfUrlExists } from '../lib/vocabulary';
import { articleAccessCondition, requireAdmin, type Viewer } from './access';
import { createArticle, type ArticleDraft } from './articles';
import type { Conn, Database } from './database';
import { articles, type Article } from './schema';
import { createArticleVersion, type CarryReport } from './versions';

export type AddedArticle = { article: Article; version: null } | { article: Article; version: Omit<CarryReport, 'article'> };

/**
 * Adds an article the way a desk expects of one address: an outlet's update of a story the
 * library holds is a new version of it (annotations carried over), not a second copy to be
 * tagged again. By default a known address is refused with a 409 naming the article, so the
 * caller can choose: `new-version` of it, or `add` a separate article anyway.
 */
export async function addArticle(db: Database, viewer: Viewer, draft: ArticleDraft, ifUrlExists: IfUrlExists = 'refuse'): Promise<AddedArticle> {
  requireAdmin(viewer);
  // One transaction: the address is looked up and the article or version written with nothing in between.
  return db.write(async (tx) => {
    const existing = ifUrlExists === 'add' ? null : await latestWithSameUrl(tx, viewer, draft.url);
    if (existing === null) return { article: await createArticle(db, viewer, draft), version: null };
    if (ifUrlExists === 'refuse') {
      throw new AppError(
        'article_url_taken',
        `The library already has “${existing.title}” from this address: add the text as its next version, or as a separate article.`,
        { articleId: existing.id, title: existing.title, versionNumber: existing.versionNumber },
      );
    }
    const { article, ...carried } = await createArticleVersion(db, viewer, existing.id, {
      text: draft.text,
      title: draft.title,
      publishedOn: draft.publishedOn,
      publishedTime: draft.publishedTime,
    });
    return { article, version: carried };
  });
}

/** The latest live version of an article whose address is the same page (lib/import/duplicates.ts), if any. */
async function latestWithSameUrl(conn: Conn, viewer: Viewer, url: string | null | undefined): Promise<Pick<Article, 'id' | 'title' | 'versionNumber'> | null> {
  const key = canonicalUrl(url);
  if (key === null) return null;
  // The host narrows the rows read; the canonical form decides (scheme, "www.", tracking parameters).
  const host = key.split(/[/:?]/)[0] ?? '';
  const candidates = await conn
    .select({ id: articles.id, title: articles.title, versionNumber: articles.versionNumber, url: articles.url })
    .from(articles)
    .where(and(isNull(articles.deletedAt), isNull(articles.nextVersionId), isNotNull(articles.url), like(articles.url, `%${host}%`), articleAccessCondition(viewer)));
  const match = candidates.find((candidate) => canonicalUrl(candidate.url) === key);
  return match ? { id: match.id, title: match.title, versionNumber: match.versionNumber } : null;
}
