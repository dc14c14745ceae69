import 'server-only';
import { aliasedTable, and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Viewer } from './access';
import { insertMembers } from './comparisons';
import type { Conn, Tx } from './database';
import { logChange } from './history-log';
import { annotations, articles, comparisonMembers, comparisons, reviewers, type Comparison } from './schema';

/*
 * Comparisons follow their figures into gold. A reviewer's comparison is carried into gold
 * once every figure in it has a gold copy (the live gold figure with the same offsets on the
 * same article); one only partly in gold waits for the admin to accept the rest or drop it.
 * Either way the reviewer's comparison is marked curated, so it is carried or offered once.
 */

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

const layers = aliasedTable(reviewers, 'layers');

/** Reviewers' live comparisons not yet curated that hold a live figure on the article. */
async function uncuratedComparisonsOn(conn: Conn, articleId: number): Promise<{ comparison: Comparison; layerName: string }[]> {
  const onArticle = conn
    .select({ id: comparisonMembers.comparisonId })
    .from(comparisonMembers)
    .innerJoin(annotations, eq(annotations.id, comparisonMembers.annotationId))
    .where(and(eq(annotations.articleId, articleId), isNull(annotations.deletedAt)));
  return conn
    .select({ comparison: comparisons, layerName: layers.displayName })
    .from(comparisons)
    .innerJoin(layers, eq(layers.id, comparisons.layerId))
    .where(and(eq(layers.kind, 'person'), isNull(comparisons.deletedAt), isNull(comparisons.curatedAt), inArray(comparisons.id, onArticle)))
    .orderBy(asc(comparisons.id));
}

/** Each comparison's live figures on live articles in order, with their gold copies. */
export async function figuresWithGold(conn: Conn, comparisonIds: number[], goldId: number): Promise<Map<number, PendingComparisonFigure[]>> {
  const result = new Map<number, PendingComparisonFigure[]>();
  if (comparisonIds.length === 0) return result;
  const rows = await conn
    .select({
      comparisonId: comparisonMembers.comparisonId,
      annotationId: annotations.id,
      articleId: annotations.articleId,
      quote: annotations.quote,
      start: annotations.start,
      end: annotations.end,
    })
    .from(comparisonMembers)
    .innerJoin(annotations, and(eq(annotations.id, comparisonMembers.annotationId), isNull(annotations.deletedAt)))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(inArray(comparisonMembers.comparisonId, comparisonIds))
    .orderBy(asc(comparisonMembers.position));
  // A figure's gold copy: the live gold figure with the same offsets on the same article.
  const copies = new Map<string, number>();
  const articleIds = [...new Set(rows.map((row) => row.articleId))];
  if (articleIds.length > 0) {
    const gold = await conn
      .select({ id: annotations.id, articleId: annotations.articleId, start: annotations.start, end: annotations.end })
      .from(annotations)
      .where(and(inArray(annotations.articleId, articleIds), eq(annotations.reviewerId, goldId), eq(annotations.label, 'figure'), isNull(annotations.deletedAt)))
      .orderBy(asc(annotations.id));
    // Gold holds one live copy of a span; should it ever hold two, the first stands.
    for (const copy of gold) {
      const key = spanKey(copy);
      if (!copies.has(key)) copies.set(key, copy.id);
    }
  }
  for (const { comparisonId, start, end, ...figure } of rows) {
    const list = result.get(comparisonId) ?? [];
    if (!list.some((entry) => entry.annotationId === figure.annotationId)) {
      list.push({ ...figure, goldId: copies.get(spanKey({ articleId: figure.articleId, start, end })) ?? null });
    }
    result.set(comparisonId, list);
  }
  return result;
}

function spanKey(span: { articleId: number; start: number; end: number }): string {
  return `${span.articleId}:${span.start}:${span.end}`;
}

/** Reviewers' comparisons on this article with some figures in gold and not yet carried or dropped. */
export async function pendingComparisons(conn: Conn, articleId: number, goldId: number): Promise<PendingComparison[]> {
  const open = await uncuratedComparisonsOn(conn, articleId);
  const figures = await figuresWithGold(conn, open.map((row) => row.comparison.id), goldId);
  return open.flatMap(({ comparison, layerName }) => {
    const list = figures.get(comparison.id) ?? [];
    if (!list.some((figure) => figure.goldId !== null)) return [];
    return [{ id: comparison.id, title: comparison.title, layerId: comparison.layerId, layerName, figures: list }];
  });
}

/** A live gold comparison holding exactly these figures, if one exists (two reviewers may have made the same one). */
async function sameGoldComparison(conn: Conn, goldLayerId: number, goldFigureIds: number[]): Promise<number | null> {
  const wanted = [...goldFigureIds].sort((a, b) => a - b).join(',');
  const candidates = await conn
    .select({ id: comparisons.id })
    .from(comparisons)
    .innerJoin(comparisonMembers, eq(comparisonMembers.comparisonId, comparisons.id))
    .where(and(eq(comparisons.layerId, goldLayerId), isNull(comparisons.deletedAt), eq(comparisonMembers.annotationId, goldFigureIds[0]!)));
  if (candidates.length === 0) return null;
  // Every candidate's members in one read, in candidate order.
  const rows = await conn
    .select({ comparisonId: comparisonMembers.comparisonId, annotationId: comparisonMembers.annotationId })
    .from(comparisonMembers)
    .where(inArray(comparisonMembers.comparisonId, candidates.map((candidate) => candidate.id)));
  const membersOf = new Map<number, number[]>();
  for (const row of rows) membersOf.set(row.comparisonId, [...(membersOf.get(row.comparisonId) ?? []), row.annotationId]);
  for (const { id } of candidates) {
    const members = [...(membersOf.get(id) ?? [])].sort((a, b) => a - b).join(',');
    if (members === wanted) return id;
  }
  return null;
}

/** Records how a reviewer's comparison was curated: carried into `goldCopyId`, or dropped (null). */
export async function markCurated(tx: Tx, viewer: Viewer, before: Comparison, goldCopyId: number | null, at: string): Promise<void> {
  const [after] = await tx.update(comparisons).set({ curatedAt: at, goldCopyId }).where(eq(comparisons.id, before.id)).returning();
  await logChange(tx, { entityType: 'comparison', entityId: before.id, articleId: null, reviewerId: viewer.id, action: 'update', before, after, at });
}

/**
 * Carries into gold every uncurated reviewer's comparison on the article whose figures are
 * all in gold now: a gold comparison with the same title, status, note and event over the
 * gold copies (or the identical one gold already has). Returns the gold comparisons' ids.
 */
export async function carryComparisonsIntoGold(tx: Tx, viewer: Viewer, articleId: number, goldId: number, at: string): Promise<number[]> {
  const open = await uncuratedComparisonsOn(tx, articleId);
  const figures = await figuresWithGold(tx, open.map((row) => row.comparison.id), goldId);
  const carried: number[] = [];
  for (const { comparison } of open) {
    const goldFigureIds = (figures.get(comparison.id) ?? []).map((figure) => figure.goldId);
    if (goldFigureIds.length < 2 || goldFigureIds.some((id) => id === null)) continue;
    const ids = [...new Set(goldFigureIds as number[])];
    if (ids.length < 2) continue;
    let goldComparisonId = await sameGoldComparison(tx, goldId, ids);
    if (goldComparisonId === null) {
      const [row] = await tx
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
        .returning();
      await insertMembers(tx, row!.id, ids);
      await logChange(tx, {
        entityType: 'comparison',
        entityId: row!.id,
        articleId: null,
        reviewerId: viewer.id,
        action: 'create',
        before: null,
        after: { ...row!, annotationIds: ids, carriedFrom: comparison.id },
        at,
      });
      goldComparisonId = row!.id;
    }
    await markCurated(tx, viewer, comparison, goldComparisonId, at);
    carried.push(goldComparisonId);
  }
  return carried;
}
