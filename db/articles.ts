import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { nowIso } from './clock';
import { insertArticle, pickMetadata, type ArticleDraft, type ArticleMetadata } from './article-insert';
import type { Database } from './database';
import { logChange } from './history-log';
import type { ArticleSharing } from '../lib/vocabulary';
import { accessibleArticle, isAdmin, requireAdmin, type Viewer } from './access';
import { goldLayerId } from './reviewers';
import { articles, type Article } from './schema';

export type { ArticleDraft, ArticleMetadata };

export interface ArticleMetadataPatch {
  title?: string;
  source?: string;
  url?: string | null;
  publishedOn?: string | null;
  publishedTime?: string | null;
}

/**
 * The layer the library counts for a viewer: gold (the team's result) for admins, their own
 * for reviewers. Summing every layer would count one span once per reviewer who tagged it.
 * Incidents and the conflict finder read the same layer by default.
 */
export async function countedLayerId(db: Database, viewer: Viewer): Promise<number> {
  return isAdmin(viewer) ? goldLayerId(db) : viewer.id;
}

/** One live article with its text; 404 when it does not exist, was deleted or is not the viewer's to open. */
export async function getArticle(db: Database, viewer: Viewer, id: number): Promise<Article> {
  return db.read((conn) => accessibleArticle(conn, viewer, id));
}

export async function createArticle(db: Database, viewer: Viewer, draft: ArticleDraft): Promise<Article> {
  requireAdmin(viewer);
  return db.write((tx) => insertArticle(tx, draft, viewer.id));
}

/** Blind (the default) or shared: whether reviewers see each other's layers before they are done. */
export async function setArticleSharing(db: Database, viewer: Viewer, id: number, sharing: ArticleSharing): Promise<Article> {
  requireAdmin(viewer);
  return db.write(async (tx) => {
    await accessibleArticle(tx, viewer, id);
    const [before] = await tx.select().from(articles).where(eq(articles.id, id)).limit(1);
    if (!before) throw articleNotFound(id);
    if (before.sharing === sharing) return before;
    const at = nowIso();
    const [after] = await tx.update(articles).set({ sharing, updatedAt: at }).where(eq(articles.id, id)).returning();
    await logChange(tx, { entityType: 'article', entityId: id, articleId: id, reviewerId: viewer.id, action: 'update', before: pickMetadata(before), after: pickMetadata(after!), at });
    return after!;
  });
}

/** Edits metadata only: the text is immutable because every offset points into it. */
export async function updateArticleMetadata(db: Database, viewer: Viewer, id: number, patch: ArticleMetadataPatch): Promise<Article> {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  return db.write(async (tx) => {
    const [before] = await tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .limit(1);
    if (!before) throw articleNotFound(id);
    const changes: ArticleMetadataPatch = {};
    if (patch.title !== undefined) {
      const title = patch.title.trim();
      if (!title) throw new AppError('title_blank', 'The title cannot be blank.');
      changes.title = title;
    }
    if (patch.source !== undefined) changes.source = patch.source.trim();
    if (patch.url !== undefined) changes.url = patch.url?.trim() || null;
    if (patch.publishedOn !== undefined) changes.publishedOn = patch.publishedOn || null;
    if (patch.publishedTime !== undefined) changes.publishedTime = patch.publishedTime || null;
    // A time belongs to a day: without a date there is nothing for it to be the time of.
    if ((changes.publishedOn === undefined ? before.publishedOn : changes.publishedOn) === null && (changes.publishedTime ?? before.publishedTime)) {
      throw new AppError('time_without_date', 'Give the publication date as well as its time.');
    }
    const changed = (Object.keys(changes) as (keyof ArticleMetadataPatch)[]).some((key) => changes[key] !== before[key]);
    if (!changed) return before;
    const at = nowIso();
    const [after] = await tx.update(articles).set({ ...changes, updatedAt: at }).where(eq(articles.id, id)).returning();
    await logChange(tx, {
      entityType: 'article',
      entityId: id,
      articleId: id,
      reviewerId,
      action: 'update',
      before: pickMetadata(before),
      after: pickMetadata(after!),
      at,
    });
    return after!;
  });
}

/** Soft delete: the article and its annotations stay in the database and in history. */
export async function deleteArticle(db: Database, viewer: Viewer, id: number): Promise<void> {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const [before] = await tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .limit(1);
    if (!before) throw articleNotFound(id);
    const at = nowIso();
    await tx.update(articles).set({ deletedAt: at, updatedAt: at }).where(eq(articles.id, id));
    await logChange(tx, {
      entityType: 'article',
      entityId: id,
      articleId: id,
      reviewerId,
      action: 'delete',
      before: pickMetadata(before),
      after: null,
      at,
    });
  });
}

export function articleNotFound(id: number): AppError {
  return new AppError('article_not_found', `There is no article ${id}.`);
}
