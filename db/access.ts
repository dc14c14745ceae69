import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Role } from '../lib/vocabulary';
import type { Conn } from './database';
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

/**
 * Articles a viewer may open: all for admins, the assigned ones for reviewers. Written as SQL
 * rather than a drizzle subquery so a condition needs no connection and reads the same on both engines.
 */
export function articleAccessCondition(viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return undefined;
  return sql`exists (select 1 from ${assignments} where ${assignments.articleId} = ${articles.id} and ${assignments.reviewerId} = ${viewer.id})`;
}

/**
 * Annotations a viewer may see. Admins see every layer. A reviewer sees, on articles
 * assigned to them, their own layer, and the other reviewers' layers once the article is
 * shared or they marked their own work done (blind annotation). Gold stays with admins.
 */
export function annotationVisibilityCondition(viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return undefined;
  // Correlated on the annotation's own layer and article (aliases: the outer query may join these
  // tables too), so each check is one primary-key lookup; an IN over every shared article scanned
  // the whole library on each call (bench/scale.ts).
  const othersVisible = sql`(
    exists (select 1 from ${reviewers} layer where layer.id = ${annotations.reviewerId} and layer.kind = 'person')
    and (${assignments.status} = 'done'
      or exists (select 1 from ${articles} shared where shared.id = ${annotations.articleId} and shared.sharing = 'shared'))
  )`;
  return sql`exists (select 1 from ${assignments}
    where ${assignments.articleId} = ${annotations.articleId} and ${assignments.reviewerId} = ${viewer.id}
      and (${annotations.reviewerId} = ${viewer.id} or ${othersVisible}))`;
}

/** The article if the viewer may open it; a 404 otherwise, so ids of others' articles reveal nothing. */
export async function accessibleArticle(conn: Conn, viewer: Viewer, articleId: number): Promise<Article> {
  const [row] = await conn
    .select()
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt), articleAccessCondition(viewer)))
    .limit(1);
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
  return row;
}

/** The same check as accessibleArticle without reading the row (an article's text can be megabytes). */
export async function requireAccessibleArticle(conn: Conn, viewer: Viewer, articleId: number): Promise<void> {
  const [row] = await conn
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt), articleAccessCondition(viewer)))
    .limit(1);
  if (!row) throw new AppError('article_not_found', `There is no article ${articleId}.`);
}

/** A live annotation the viewer may see, or a 404 that says no more than "there is none". */
export async function visibleAnnotation(
  conn: Conn,
  viewer: Viewer,
  annotationId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<Annotation> {
  const [row] = await conn
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
    .limit(1);
  if (!row) throw new AppError('annotation_not_found', `There is no annotation ${annotationId}.`);
  return row.annotation;
}

/** Whether the viewer may change annotations in this layer: their own, or gold for an admin. */
export async function canWriteLayer(conn: Conn, viewer: Viewer, layerReviewerId: number): Promise<boolean> {
  if (layerReviewerId === viewer.id) return true;
  if (!isAdmin(viewer)) return false;
  const [layer] = await conn.select({ kind: reviewers.kind }).from(reviewers).where(eq(reviewers.id, layerReviewerId));
  return layer?.kind === 'gold';
}

/** An annotation the viewer may change: unseen ones are a 404, seen but someone else's a 403. */
export async function writableAnnotation(
  conn: Conn,
  viewer: Viewer,
  annotationId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<Annotation> {
  const annotation = await visibleAnnotation(conn, viewer, annotationId, options);
  if (!(await canWriteLayer(conn, viewer, annotation.reviewerId))) {
    throw new AppError('annotation_read_only', "This annotation is in another reviewer's layer: you can read it but not change it.");
  }
  return annotation;
}
