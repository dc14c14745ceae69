import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Label } from '../lib/labels';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
import { insertArticle, pickMetadata, type ArticleDraft, type ArticleMetadata } from './article-insert';
import { logChange } from './history-log';
import { annotations, articles, history, type Article } from './schema';

export type { ArticleDraft, ArticleMetadata };

export interface ArticleSummary extends ArticleMetadata {
  annotationCounts: Record<Label, number>;
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
  wordCount: articles.wordCount,
  createdBy: articles.createdBy,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
};

const liveCount = (label: Label) =>
  sql<number>`coalesce(sum(case when ${annotations.label} = ${label} and ${annotations.deletedAt} is null then 1 else 0 end), 0)`;

/** The library: every live article, newest first, with its annotation counts per label. */
export function listArticles(): ArticleSummary[] {
  const db = getDb();
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
    .leftJoin(annotations, eq(annotations.articleId, articles.id))
    .leftJoin(lastActivity, eq(lastActivity.articleId, articles.id))
    .where(isNull(articles.deletedAt))
    .groupBy(articles.id)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .all();
  return rows.map(({ claims, actors, figures, lastActivityAt, ...metadata }) => ({
    ...metadata,
    annotationCounts: { claim: claims, actor: actors, figure: figures },
    lastActivityAt: lastActivityAt ?? metadata.updatedAt,
  }));
}

/** One live article with its text; 404 when it does not exist or was deleted. */
export function getArticle(id: number): Article {
  const article = getDb()
    .select()
    .from(articles)
    .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
    .get();
  if (!article) throw articleNotFound(id);
  return article;
}

export function createArticle(draft: ArticleDraft, reviewerId: number): Article {
  return writeTransaction((tx) => insertArticle(tx, draft, reviewerId));
}

/** Edits metadata only: the text is immutable because every offset points into it. */
export function updateArticleMetadata(id: number, patch: ArticleMetadataPatch, reviewerId: number): Article {
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
export function deleteArticle(id: number, reviewerId: number): void {
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
