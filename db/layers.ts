import 'server-only';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { annotationVisibilityCondition, canWriteLayer, isAdmin, requireAccessibleArticle, type Viewer } from './access';
import type { Database } from './database';
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
export async function articleLayers(db: Database, viewer: Viewer, articleId: number): Promise<LayerSummary[]> {
  return db.read(async (conn) => {
    await requireAccessibleArticle(conn, viewer, articleId);
    const counted = await conn
      .select({ reviewerId: annotations.reviewerId, n: count() })
      .from(annotations)
      .where(and(eq(annotations.articleId, articleId), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)))
      .groupBy(annotations.reviewerId);
    const counts = new Map(counted.map((row) => [row.reviewerId, row.n]));
    const assigned = await conn.select({ reviewerId: assignments.reviewerId }).from(assignments).where(eq(assignments.articleId, articleId));
    const shown = new Set<number>([viewer.id, ...counts.keys()]);
    if (isAdmin(viewer)) for (const row of assigned) shown.add(row.reviewerId);
    const rows = await conn.select().from(reviewers).orderBy(asc(reviewers.kind), asc(reviewers.username));
    const layers: LayerSummary[] = [];
    for (const row of rows) {
      if (!(shown.has(row.id) || (isAdmin(viewer) && row.kind === 'gold'))) continue;
      layers.push({
        reviewerId: row.id,
        username: row.username,
        displayName: row.displayName,
        kind: row.kind,
        annotationCount: counts.get(row.id) ?? 0,
        writable: await canWriteLayer(conn, viewer, row.id),
        own: row.id === viewer.id,
      });
    }
    return layers.sort(
      (a, b) => Number(b.own) - Number(a.own) || Number(a.kind === 'gold') - Number(b.kind === 'gold') || a.username.localeCompare(b.username),
    );
  });
}
