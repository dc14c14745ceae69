import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Viewer } from './access';
import type { Tx } from './client';
import { logChange } from './history-log';
import { annotations, articles, comparisonMembers, comparisons, reviewers, type Comparison } from './schema';

/*
 * Comparisons follow their figures into gold. A reviewer's comparison is carried into gold
 * once every figure in it has a gold copy (the live gold figure with the same offsets on the
 * same article); one only partly in gold waits for the admin to accept the rest or drop it.
 * Either way the reviewer's comparison is marked curated, so it is carried or offered once.
 */

type Reader = Pick<Tx, 'select'>;

export interface PendingComparisonFigure {
  annotationId: number;
  articleId: number;
  quote: string;
  /** The gold copy of this figure, when gold has one. */
  goldId: number | null;
}

/** A reviewer's comparison partly in gold, for the admin to settle. */
export interface PendingComparison {
  id: number;
  title: string;
  layerId: number;
  layerName: string;
  figures: PendingComparisonFigure[];
}

const goldCopies = alias(annotations, 'gold_copies');
const layers = alias(reviewers, 'layers');

/** Reviewers' live comparisons not yet curated that hold a live figure on the article. */
function uncuratedComparisonsOn(db: Reader, articleId: number): { comparison: Comparison; layerName: string }[] {
  const onArticle = db
    .select({ id: comparisonMembers.comparisonId })
    .from(comparisonMembers)
    .innerJoin(annotations, eq(annotations.id, comparisonMembers.annotationId))
    .where(and(eq(annotations.articleId, articleId), isNull(annotations.deletedAt)));
  return db
    .select({ comparison: comparisons, layerName: layers.displayName })
    .from(comparisons)
    .innerJoin(layers, eq(layers.id, comparisons.layerId))
    .where(and(eq(layers.kind, 'person'), isNull(comparisons.deletedAt), isNull(comparisons.curatedAt), inArray(comparisons.id, onArticle)))
    .orderBy(asc(comparisons.id))
    .all();
}

/** Each comparison's live figures on live articles in order, with their gold copies. */
export function figuresWithGold(db: Reader, comparisonIds: number[], goldId: number): Map<number, PendingComparisonFigure[]> {
  const result = new Map<number, PendingComparisonFigure[]>();
  if (comparisonIds.length === 0) return result;
  const rows = db
    .select({
      comparisonId: comparisonMembers.comparisonId,
      annotationId: annotations.id,
      articleId: annotations.articleId,
      quote: annotations.quote,
      goldId: goldCopies.id,
    })
    .from(comparisonMembers)
    .innerJoin(annotations, and(eq(annotations.id, comparisonMembers.annotationId), isNull(annotations.deletedAt)))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .leftJoin(
      goldCopies,
      and(
        eq(goldCopies.articleId, annotations.articleId),
        eq(goldCopies.reviewerId, goldId),
        eq(goldCopies.label, 'figure'),
        eq(goldCopies.start, annotations.start),
        eq(goldCopies.end, annotations.end),
        isNull(goldCopies.deletedAt),
      ),
    )
    .where(inArray(comparisonMembers.comparisonId, comparisonIds))
    .orderBy(asc(comparisonMembers.position), asc(goldCopies.id))
    .all();
  for (const { comparisonId, ...figure } of rows) {
    const list = result.get(comparisonId) ?? [];
    // Gold holds one live copy of a span; should it ever hold two, the first stands.
    if (!list.some((entry) => entry.annotationId === figure.annotationId)) list.push(figure);
    result.set(comparisonId, list);
  }
  return result;
}

/** Reviewers' comparisons on this article with some figures in gold and not yet carried or dropped. */
export function pendingComparisons(db: Reader, articleId: number, goldId: number): PendingComparison[] {
  const open = uncuratedComparisonsOn(db, articleId);
  const figures = figuresWithGold(db, open.map((row) => row.comparison.id), goldId);
  return open.flatMap(({ comparison, layerName }) => {
    const list = figures.get(comparison.id) ?? [];
    if (!list.some((figure) => figure.goldId !== null)) return [];
    return [{ id: comparison.id, title: comparison.title, layerId: comparison.layerId, layerName, figures: list }];
  });
}

/** A live gold comparison holding exactly these figures, if one exists (two reviewers may have made the same one). */
function sameGoldComparison(tx: Reader, goldLayerId: number, goldFigureIds: number[]): number | null {
  const wanted = [...goldFigureIds].sort((a, b) => a - b).join(',');
  const candidates = tx
    .select({ id: comparisons.id })
    .from(comparisons)
    .innerJoin(comparisonMembers, eq(comparisonMembers.comparisonId, comparisons.id))
    .where(and(eq(comparisons.layerId, goldLayerId), isNull(comparisons.deletedAt), eq(comparisonMembers.annotationId, goldFigureIds[0]!)))
    .all();
  for (const { id } of candidates) {
    const members = tx
      .select({ annotationId: comparisonMembers.annotationId })
      .from(comparisonMembers)
      .where(eq(comparisonMembers.comparisonId, id))
      .all()
      .map((row) => row.annotationId)
      .sort((a, b) => a - b)
      .join(',');
    if (members === wanted) return id;
  }
  return null;
}

/** Records how a reviewer's comparison was curated: carried into `goldCopyId`, or dropped (null). */
export function markCurated(tx: Tx, viewer: Viewer, before: Comparison, goldCopyId: number | null, at: string): void {
  const after = tx.update(comparisons).set({ curatedAt: at, goldCopyId }).where(eq(comparisons.id, before.id)).returning().get();
  logChange(tx, { entityType: 'comparison', entityId: before.id, articleId: null, reviewerId: viewer.id, action: 'update', before, after, at });
}

/**
 * Carries into gold every uncurated reviewer's comparison on the article whose figures are
 * all in gold now: a gold comparison with the same title, status, note and event over the
 * gold copies (or the identical one gold already has). Returns the gold comparisons' ids.
 */
export function carryComparisonsIntoGold(tx: Tx, viewer: Viewer, articleId: number, goldId: number, at: string): number[] {
  const open = uncuratedComparisonsOn(tx, articleId);
  const figures = figuresWithGold(tx, open.map((row) => row.comparison.id), goldId);
  const carried: number[] = [];
  for (const { comparison } of open) {
    const goldFigureIds = (figures.get(comparison.id) ?? []).map((figure) => figure.goldId);
    if (goldFigureIds.length < 2 || goldFigureIds.some((id) => id === null)) continue;
    const ids = [...new Set(goldFigureIds as number[])];
    if (ids.length < 2) continue;
    let goldComparisonId = sameGoldComparison(tx, goldId, ids);
    if (goldComparisonId === null) {
      const row = tx
        .insert(comparisons)
        .values({
          title: comparison.title,
          status: comparison.status,
          resolutionNote: comparison.resolutionNote,
          eventId: comparison.eventId,
          createdBy: viewer.id,
          layerId: goldId,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      ids.forEach((annotationId, position) => tx.insert(comparisonMembers).values({ comparisonId: row.id, annotationId, position }).run());
      logChange(tx, {
        entityType: 'comparison',
        entityId: row.id,
        articleId: null,
        reviewerId: viewer.id,
        action: 'create',
        before: null,
        after: { ...row, annotationIds: ids, carriedFrom: comparison.id },
        at,
      });
      goldComparisonId = row.id;
    }
    markCurated(tx, viewer, comparison, goldComparisonId, at);
    carried.push(goldComparisonId);
  }
  return carried;
}
