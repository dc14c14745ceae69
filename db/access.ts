import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Role } from '../lib/vocabulary';
import { getDb } from './client';
import { annotations, articles, assignments, reviewers, type Annotation, type Article } from './schema';

/**
 * Who is asking. Every query that reads or writes on someone's behalf takes one, so the
 * rules below are checked where the data is, whichever page, action or route calls.
 */
export interface Viewer {
  /** The viewer's reviewer row, which is also the id of their own annotation layer. */
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === 'admin';
}

export function requireAdmin(viewer: Viewer): void {
  if (!isAdmin(viewer)) throw new AppError('admin_only', 'Only an admin can do this.');
}

/** Articles a viewer may open: all for admins, the assigned ones for reviewers. */
export function articleAccessCondition(viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return undefined;
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(assignments)
      .where(and(eq(assignments.articleId, articles.id), eq(assignments.reviewerId, viewer.id))),
  );
}

/**
 * Annotations a viewer may see. Admins see every layer. A reviewer sees, on articles
 * assigned to them, their own layer, and the other reviewers' layers once the article is
 * shared or they marked their own work done (blind annotation). Gold stays with admins.
 */
export function annotationVisibilityCondition(viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return undefined;
  const db = getDb();
  const ownAssignment = and(eq(assignments.articleId, annotations.articleId), eq(assignments.reviewerId, viewer.id));
  const personLayers = db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.kind, 'person'));
  const sharedArticles = db.select({ id: articles.id }).from(articles).where(eq(articles.sharing, 'shared'));
  const othersVisible = and(
    inArray(annotations.reviewerId, personLayers),
    or(eq(assignments.status, 'done'), inArray(annotations.articleId, sharedArticles)),
  );
  return exists(
    db
      .select({ one: sql`1` })
      .from(assignments)
      .where(and(ownAssignment, or(eq(annotations.reviewerId, viewer.id), othersVisible))),
  );
}

/** The article if the viewer may open it; a 404 otherwise, so ids of others' articles reveal nothing. */
export function accessibleArticle(viewer: Viewer, articleId: number): Article {
  const row = getDb()
    .select()
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt), articleAccessCondition(viewer)))
    .get();
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
  return row;
}

/** The same check as accessibleArticle without reading the row (an article's text can be megabytes). */
export function requireAccessibleArticle(viewer: Viewer, articleId: number): void {
  const row = getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt), articleAccessCondition(viewer)))
    .get();
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
}

/** A live annotation the viewer may see, or a 404 that says no more than "there is none". */
export function visibleAnnotation(viewer: Viewer, annotationId: number, options: { includeDeleted?: boolean } = {}): Annotation {
  const row = getDb()
    .select({ annotation: annotations })
    .from(annotations)
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .where(
      and(
        eq(annotations.id, annotationId),
        options.includeDeleted ? undefined : isNull(annotations.deletedAt),
        isNull(articles.deletedAt),
        annotationVisibilityCondition(viewer),
      ),
    )
    .get();
  if (!row) throw new AppError('annotation_not_found', `There is no annotation ${annotationId}.`);
  return row.annotation;
}

/** Whether the viewer may change annotations in this layer: their own, or gold for an admin. */
export function canWriteLayer(viewer: Viewer, layerReviewerId: number): boolean {
  if (layerReviewerId === viewer.id) return true;
  if (!isAdmin(viewer)) return false;
  const layer = getDb().select({ kind: reviewers.kind }).from(reviewers).where(eq(reviewers.id, layerReviewerId)).get();
  return layer?.kind === 'gold';
}

/** An annotation the viewer may change: unseen ones are a 404, seen but someone else's a 403. */
export function writableAnnotation(viewer: Viewer, annotationId: number, options: { includeDeleted?: boolean } = {}): Annotation {
  const annotation = visibleAnnotation(viewer, annotationId, options);
  if (!canWriteLayer(viewer, annotation.reviewerId)) {
    throw new AppError('annotation_read_only', "This annotation is in another reviewer's layer: you can read it but not change it.");
  }
  return annotation;
}
