import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Label } from '../lib/labels';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
import { insertArticle, pickMetadata, type ArticleDraft, type ArticleMetadata } from './article-insert';
import { logChange } from './history-log';
import type { ArticleSharing } from '../lib/vocabulary';
import { accessibleArticle, articleAccessCondition, isAdmin, requireAdmin, type Viewer } from './access';
import { progressByArticle, type ArticleProgress } from './assignments';
import { annotations, articles, history, reviewers, type Article } from './schema';

export type { ArticleDraft, ArticleMetadata };

export interface ArticleSummary extends ArticleMetadata {
  /** Counts in one layer: gold for admins, their own for reviewers (see countedLayerId). */
  annotationCounts: Record<Label, number>;
  progress: ArticleProgress[];
  /** The latest change to the article or any of its annotations. */
  lastActivityAt: string;
}

export interface ArticleMetadataPatch {
  title?: string;
  source?: string;
  url?: string | null;
  publishedOn?: string | null;
}

const metadataColumns = {
  id: articles.id,
  title: articles.title,
  source: articles.source,
  url: articles.url,
  publishedOn: articles.publishedOn,
  publishedTime: articles.publishedTime,
  wordCount: articles.wordCount,
  createdBy: articles.createdBy,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
  sharing: articles.sharing,
  versionNumber: articles.versionNumber,
  previousVersionId: articles.previousVersionId,
  nextVersionId: articles.nextVersionId,
};

const liveCount = (label: Label) =>
  sql<number>`coalesce(sum(case when ${annotations.label} = ${label} and ${annotations.deletedAt} is null then 1 else 0 end), 0)`;

/**
 * The layer the library counts for a viewer: gold (the team's result) for admins, their own
 * for reviewers. Summing every layer would count one span once per reviewer who tagged it.
 */
export function countedLayerId(viewer: Viewer): number {
  if (!isAdmin(viewer)) return viewer.id;
  return getDb().select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.kind, 'gold')).get()?.id ?? viewer.id;
}

/**
 * The library: every live article the viewer may open (its latest version), newest first, with the counted
 * layer's annotations (see countedLayerId) and each reviewer's progress.
 */
export function listArticles(viewer: Viewer): ArticleSummary[] {
  const db = getDb();
  const layerId = countedLayerId(viewer);
  const lastActivity = db
    .select({ articleId: history.articleId, at: sql<string>`max(${history.at})`.as('last_at') })
    .from(history)
    .groupBy(history.articleId)
    .as('last_activity');
  const rows = db
    .select({
      ...metadataColumns,
      claims: liveCount('claim'),
      actors: liveCount('actor'),
      figures: liveCount('figure'),
      lastActivityAt: sql<string | null>`${lastActivity.at}`,
    })
    .from(articles)
    .leftJoin(annotations, and(eq(annotations.articleId, articles.id), eq(annotations.reviewerId, layerId)))
    .leftJoin(lastActivity, eq(lastActivity.articleId, articles.id))
    .where(and(isNull(articles.deletedAt), isNull(articles.nextVersionId), articleAccessCondition(viewer)))
    .groupBy(articles.id)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .all();
  const progress = progressByArticle(rows.map((row) => row.id));
  return rows.map(({ claims, actors, figures, lastActivityAt, ...metadata }) => ({
    ...metadata,
    annotationCounts: { claim: claims, actor: actors, figure: figures },
    progress: progress.get(metadata.id) ?? [],
    lastActivityAt: lastActivityAt ?? metadata.updatedAt,
  }));
}

/** One live article with its text; 404 when it does not exist, was deleted or is not the viewer's to open. */
export function getArticle(viewer: Viewer, id: number): Article {
  return accessibleArticle(viewer, id);
}

export function createArticle(viewer: Viewer, draft: ArticleDraft): Article {
  requireAdmin(viewer);
  return writeTransaction((tx) => insertArticle(tx, draft, viewer.id));
}

/** Blind (the default) or shared: whether reviewers see each other's layers before they are done. */
export function setArticleSharing(viewer: Viewer, id: number, sharing: ArticleSharing): Article {
  requireAdmin(viewer);
  accessibleArticle(viewer, id);
  return writeTransaction((tx) => {
    const before = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!before) throw articleNotFound(id);
    if (before.sharing === sharing) return before;
    const at = nowIso();
    const after = tx.update(articles).set({ sharing, updatedAt: at }).where(eq(articles.id, id)).returning().get();
    logChange(tx, { entityType: 'article', entityId: id, articleId: id, reviewerId: viewer.id, action: 'update', before: pickMetadata(before), after: pickMetadata(after), at });
    return after;
  });
}

/** Edits metadata only: the text is immutable because every offset points into it. */
export function updateArticleMetadata(viewer: Viewer, id: number, patch: ArticleMetadataPatch): Article {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  return writeTransaction((tx) => {
    const before = tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .get();
    if (!before) throw articleNotFound(id);
    const changes: ArticleMetadataPatch = {};
    if (patch.title !== undefined) {
      const title = patch.title.trim();
      if (!title) throw new AppError('title_blank', 422, 'The title cannot be blank.');
      changes.title = title;
    }
    if (patch.source !== undefined) changes.source = patch.source.trim();
    if (patch.url !== undefined) changes.url = patch.url?.trim() || null;
    if (patch.publishedOn !== undefined) changes.publishedOn = patch.publishedOn || null;
    const changed = (Object.keys(changes) as (keyof ArticleMetadataPatch)[]).some((key) => changes[key] !== before[key]);
    if (!changed) return before;
    const at = nowIso();
    const after = tx.update(articles).set({ ...changes, updatedAt: at }).where(eq(articles.id, id)).returning().get();
    logChange(tx, {
      entityType: 'article',
      entityId: id,
      articleId: id,
      reviewerId,
      action: 'update',
      before: pickMetadata(before),
      after: pickMetadata(after),
      at,
    });
    return after;
  });
}

/** Soft delete: the article and its annotations stay in the database and in history. */
export function deleteArticle(viewer: Viewer, id: number): void {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .get();
    if (!before) throw articleNotFound(id);
    const at = nowIso();
    tx.update(articles).set({ deletedAt: at, updatedAt: at }).where(eq(articles.id, id)).run();
    logChange(tx, {
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
  return new AppError('article_not_found', 404, `There is no article ${id}.`);
}
