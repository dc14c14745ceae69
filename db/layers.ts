import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { accessibleArticle, annotationVisibilityCondition, canWriteLayer, isAdmin, type Viewer } from './access';
import { getDb } from './client';
import { annotations, assignments, reviewers } from './schema';

export interface LayerSummary {
  reviewerId: number;
  username: string;
  displayName: string;
  kind: 'person' | 'gold';
  annotationCount: number;
  /** The viewer may add and change annotations here. */
  writable: boolean;
  own: boolean;
}

/**
 * The layers of an article the viewer may open: always their own (even when empty), every
 * layer for admins (gold included, even when empty), and other reviewers' layers for a
 * reviewer once blind mode no longer applies to them.
 */
export function articleLayers(viewer: Viewer, articleId: number): LayerSummary[] {
  accessibleArticle(viewer, articleId);
  const db = getDb();
  const counted = db
    .select({ reviewerId: annotations.reviewerId, n: count() })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)))
    .groupBy(annotations.reviewerId)
    .all();
  const counts = new Map(counted.map((row) => [row.reviewerId, row.n]));
  const assigned = db.select({ reviewerId: assignments.reviewerId }).from(assignments).where(eq(assignments.articleId, articleId)).all();
  const shown = new Set<number>([viewer.id, ...counts.keys()]);
  if (isAdmin(viewer)) for (const row of assigned) shown.add(row.reviewerId);
  const rows = db.select().from(reviewers).orderBy(asc(reviewers.kind), asc(reviewers.username)).all();
  return rows
    .filter((row) => shown.has(row.id) || (isAdmin(viewer) && row.kind === 'gold'))
    .map((row) => ({
      reviewerId: row.id,
      username: row.username,
      displayName: row.displayName,
      kind: row.kind,
      annotationCount: counts.get(row.id) ?? 0,
      writable: canWriteLayer(viewer, row.id),
      own: row.id === viewer.id,
    }))
    .sort((a, b) => Number(b.own) - Number(a.own) || Number(a.kind === 'gold') - Number(b.kind === 'gold') || a.username.localeCompare(b.username));
}
