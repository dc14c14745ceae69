import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { ProgressStatus } from '../lib/vocabulary';
import { accessibleArticle, requireAdmin, type Viewer } from './access';
import { getDb, writeTransaction, type Tx } from './client';
import { nowIso } from './clock';
import { annotations, assignments, reviewers } from './schema';

export interface ArticleProgress {
  reviewerId: number;
  username: string;
  displayName: string;
  status: ProgressStatus;
  /** Live annotations in their layer on the article. */
  annotationCount: number;
}

/** Each article's reviewers and how far they are, for the library and the article page. */
export function progressByArticle(articleIds: readonly number[]): Map<number, ArticleProgress[]> {
  const byArticle = new Map<number, ArticleProgress[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = getDb()
    .select({
      articleId: assignments.articleId,
      reviewerId: assignments.reviewerId,
      username: reviewers.username,
      displayName: reviewers.displayName,
      status: assignments.status,
      annotationCount: sql<number>`(select count(*) from ${annotations} where ${annotations.articleId} = ${assignments.articleId} and ${annotations.reviewerId} = ${assignments.reviewerId} and ${annotations.deletedAt} is null)`,
    })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .where(inArray(assignments.articleId, [...articleIds]))
    .orderBy(asc(reviewers.username))
    .all();
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
export function finishedReviewers(db: Pick<Tx, 'select'>, articleId?: number): FinishedReviewer[] {
  return db
    .select({ articleId: assignments.articleId, reviewerId: assignments.reviewerId, username: reviewers.username, displayName: reviewers.displayName })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .where(and(eq(assignments.status, 'done'), eq(reviewers.kind, 'person'), articleId === undefined ? undefined : eq(assignments.articleId, articleId)))
    .all();
}

/** The viewer's own status on an article; an admin working unassigned has "not started" until the first annotation. */
export function ownProgress(viewer: Viewer, articleId: number): ProgressStatus {
  const row = getDb()
    .select({ status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, viewer.id)))
    .get();
  return row?.status ?? 'not_started';
}

/** The first annotation in one's own layer starts the work (and enrols an admin who was not assigned). */
export function markStarted(tx: Tx, articleId: number, reviewerId: number, at: string): void {
  const row = tx
    .select({ status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)))
    .get();
  if (!row) {
    tx.insert(assignments).values({ articleId, reviewerId, status: 'in_progress', createdAt: at, updatedAt: at }).run();
  } else if (row.status === 'not_started') {
    tx.update(assignments)
      .set({ status: 'in_progress', updatedAt: at })
      .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)))
      .run();
  }
}

/** A reviewer marks their own work done (which lifts blind mode for them) or reopens it. */
export function setOwnProgress(viewer: Viewer, articleId: number, status: Exclude<ProgressStatus, 'not_started'>): ProgressStatus {
  accessibleArticle(viewer, articleId);
  const at = nowIso();
  writeTransaction((tx) => {
    const where = and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, viewer.id));
    if (tx.select({ status: assignments.status }).from(assignments).where(where).get()) {
      tx.update(assignments).set({ status, updatedAt: at }).where(where).run();
    } else {
      tx.insert(assignments).values({ articleId, reviewerId: viewer.id, status, createdAt: at, updatedAt: at }).run();
    }
  });
  return status;
}

function requirePerson(tx: Pick<Tx, 'select'>, reviewerId: number) {
  const row = tx.select().from(reviewers).where(and(eq(reviewers.id, reviewerId), eq(reviewers.kind, 'person'))).get();
  if (!row) throw new AppError('reviewer_not_found', `There is no reviewer ${reviewerId}.`);
  return row;
}

export function assignReviewer(viewer: Viewer, articleId: number, reviewerId: number): void {
  requireAdmin(viewer);
  accessibleArticle(viewer, articleId);
  const at = nowIso();
  writeTransaction((tx) => {
    requirePerson(tx, reviewerId);
    tx.insert(assignments)
      .values({ articleId, reviewerId, assignedBy: viewer.id, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .run();
  });
}

/** Unassigning hides the article from the reviewer; their annotations stay (and count for agreement). */
export function unassignReviewer(viewer: Viewer, articleId: number, reviewerId: number): void {
  requireAdmin(viewer);
  accessibleArticle(viewer, articleId);
  const result = writeTransaction((tx) =>
    tx
      .delete(assignments)
      .where(and(eq(assignments.articleId, articleId), eq(assignments.reviewerId, reviewerId)))
      .run(),
  );
  if (result.changes === 0) throw new AppError('assignment_not_found', `Reviewer ${reviewerId} is not assigned to article ${articleId}.`);
}
