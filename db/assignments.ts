import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { ProgressStatus } from '../lib/vocabulary';
import { requireAccessibleArticle, requireAdmin, type Viewer } from './access';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { annotations, assignments, reviewers } from './schema';

export interface ArticleProgress {
  reviewerId: number;
  username: string;
  displayName: string;
  status: ProgressStatus;
  /** Live annotations in their layer on the article. */
  annotationCount: number;
}

/**
 * Each article's reviewers and how far they are, for the library and the article page. The
 * caller passes only articles the viewer may open (and shows this to admins).
 */
export async function progressByArticle(db: Database, articleIds: readonly number[]): Promise<Map<number, ArticleProgress[]>> {
  const byArticle = new Map<number, ArticleProgress[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db.read((conn) =>
    conn
      .select({
        articleId: assignments.articleId,
        reviewerId: assignments.reviewerId,
        username: reviewers.username,
        displayName: reviewers.displayName,
        status: assignments.status,
        annotationCount: sql<number>`(select count(*) from ${annotations} where ${annotations.articleId} = ${assignments.articleId} and ${annotations.reviewerId} = ${assignments.reviewerId} and ${annotations.deletedAt} is null)`.mapWith(Number),
      })
      .from(assignments)
      .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
      .where(inArray(assignments.articleId, [...articleIds]))
      .orderBy(asc(reviewers.username)),
  );
  for (const { articleId, ...progress } of rows) {
    const list = byArticle.get(articleId) ?? [];
    list.push(progress);
    byArticle.set(articleId, list);
  }
  return byArticle;
}

export interface FinishedReviewer {
  articleId: number;
  reviewerId: number;
  username: string;
  displayName: string;
}

/**
 * People who marked their work done, on one article or all. Their layers count for agreement
 * and curation even when empty: "done with no spans" says the text holds nothing to tag.
 */
export async function finishedReviewers(conn: Conn, articleId?: number): Promise<FinishedReviewer[]> {
  return conn
    .select({ articleId: assignments.articleId, reviewerId: assignments.reviewerId, username: reviewers.username, displayName: reviewers.displayName })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .where(and(eq(assignments.status, 'done'), eq(reviewers.kind, 'person'), articleId === undefined ? undefined : eq(assignments.articleId, articleId)));
}

/** The viewer's own status on an article; an admin working unassigned has "not started" until the first annotation. */
export async function ownProgress(db: Database, viewer: Viewer, articleId: number): Promise<ProgressStatus> {
  const [row] = await db.read((conn) =>
    conn
      .select({ status: assignments.status })
      .from(assignments)
      .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, viewer.id)))
      .limit(1),
  );
  return row?.status ?? 'not_started';
}

/** The first annotation in one's own layer starts the work (and enrols an admin who was not assigned). */
export async function markStarted(tx: Tx, articleId: number, reviewerId: number, at: string): Promise<void> {
  const [row] = await tx
    .select({ status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)))
    .limit(1);
  if (!row) {
    await tx.insert(assignments).values({ articleId, reviewerId, status: 'in_progress', createdAt: at, updatedAt: at });
  } else if (row.status === 'not_started') {
    await tx
      .update(assignments)
      .set({ status: 'in_progress', updatedAt: at })
      .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)));
  }
}

/** A reviewer marks their own work done (which lifts blind mode for them) or reopens it. */
export async function setOwnProgress(
  db: Database,
  viewer: Viewer,
  articleId: number,
  status: Exclude<ProgressStatus, 'not_started'>,
): Promise<ProgressStatus> {
  return db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    const at = nowIso();
    const where = and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, viewer.id));
    const [existing] = await tx.select({ status: assignments.status }).from(assignments).where(where).limit(1);
    if (existing) {
      await tx.update(assignments).set({ status, updatedAt: at }).where(where);
    } else {
      await tx.insert(assignments).values({ articleId, reviewerId: viewer.id, status, createdAt: at, updatedAt: at });
    }
    return status;
  });
}

async function requirePerson(conn: Conn, reviewerId: number) {
  const [row] = await conn
    .select()
    .from(reviewers)
    .where(and(eq(reviewers.id, reviewerId), eq(reviewers.kind, 'person')))
    .limit(1);
  if (!row) throw new AppError('reviewer_not_found', `There is no reviewer ${reviewerId}.`);
  return row;
}

export async function assignReviewer(db: Database, viewer: Viewer, articleId: number, reviewerId: number): Promise<void> {
  requireAdmin(viewer);
  await db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    await requirePerson(tx, reviewerId);
    const at = nowIso();
    await tx.insert(assignments).values({ articleId, reviewerId, assignedBy: viewer.id, createdAt: at, updatedAt: at }).onConflictDoNothing();
  });
}

/** Unassigning hides the article from the reviewer; their annotations stay (and count for agreement). */
export async function unassignReviewer(db: Database, viewer: Viewer, articleId: number, reviewerId: number): Promise<void> {
  requireAdmin(viewer);
  await db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    const removed = await tx
      .delete(assignments)
      .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)))
      .returning({ reviewerId: assignments.reviewerId });
    if (removed.length === 0) throw new AppError('assignment_not_found', `Reviewer ${reviewerId} is not assigned to article ${articleId}.`);
  });
}
