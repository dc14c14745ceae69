import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { countedLayers } from '../lib/agreement/counted-layers';
import { alignLayers, clusterKey, type Cluster } from '../lib/curation/align';
import { quoteInContext, type QuoteInContext } from '../lib/curation/context';
import { AppError } from '../lib/errors';
import type { Label } from '../lib/labels';
import { accessibleArticle, requireAccessibleArticle, requireAdmin, type Viewer } from './access';
import type { ActorRef } from './actors';
import { annotationState, ensureLabelDetails, loadDetails, type ClaimView, type FigureView } from './annotation-details';
import { finishedReviewers } from './assignments';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import { annotations, articles, claimDetails, comparisons, curationRejections, figureDetails, reviewers, type Annotation } from './schema';
import { carryComparisonsIntoGold, figuresWithGold, markCurated, pendingComparisons, type PendingComparison } from './gold-comparisons';
import { goldReviewer } from './startup-data';

/*
 * Adjudication: an admin lines up the reviewers' layers of one article and copies the
 * spans that should stand into the gold layer. Copies, not moves: each reviewer's layer
 * stays as they left it, so agreement can still be measured afterwards, and the gold
 * annotation can be corrected in the reader without touching anyone's work.
 */

/** An annotation as the curation view shows it, from a person's layer or from gold. */
export interface CurationAnnotation {
  id: number;
  reviewerId: number;
  /** The layer's username. */
  reviewer: string;
  reviewerName: string;
  label: Label;
  start: number;
  end: number;
  quote: string;
  note: string;
  version: number;
  actor: ActorRef | null;
  figure: FigureView | null;
  claim: ClaimView | null;
}

/** A reviewer whose layer counts on this article. */
export interface CurationReviewer {
  id: number;
  username: string;
  displayName: string;
  spanCount: number;
  /** They marked their work on the article done. */
  done: boolean;
}

export interface CurationCluster extends Cluster<CurationAnnotation, CurationAnnotation> {
  /** The cluster's stretch with a little of the paragraph around it. */
  context: QuoteInContext;
}

export interface CurationView {
  article: { id: number; title: string; text: string };
  /** Sorted by username, the order candidates are sorted in. */
  reviewers: CurationReviewer[];
  clusters: CurationCluster[];
  /** The gold layer's live annotations in text order. */
  gold: CurationAnnotation[];
  /** Reviewers' comparisons only partly in gold: the admin accepts the rest or drops them. */
  comparisons: PendingComparison[];
}

const annotationColumns = {
  id: annotations.id,
  reviewerId: annotations.reviewerId,
  reviewer: reviewers.username,
  reviewerName: reviewers.displayName,
  label: annotations.label,
  start: annotations.start,
  end: annotations.end,
  quote: annotations.quote,
  note: annotations.note,
  version: annotations.version,
};

/** The live annotations of one kind of layer on an article, in text order, with their details. */
async function layerAnnotations(conn: Conn, articleId: number, kind: 'person' | 'gold'): Promise<CurationAnnotation[]> {
  const live = and(eq(annotations.articleId, articleId), isNull(annotations.deletedAt));
  const rows = await conn
    .select(annotationColumns)
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .where(and(live, eq(reviewers.kind, kind)))
    .orderBy(asc(annotations.start), asc(annotations.end), asc(annotations.id));
  const details = await loadDetails(conn, rows, live);
  return rows.map((row) => ({ ...row, ...(details.get(row.id) ?? { actor: null, figure: null, claim: null }) }));
}

/** The counted layers (lib/agreement/counted-layers.ts) as the curation view lists them, by username. */
async function countedReviewers(conn: Conn, articleId: number, spans: readonly CurationAnnotation[]): Promise<CurationReviewer[]> {
  const personOf = (span: CurationAnnotation) => ({ reviewerId: span.reviewerId, username: span.reviewer, displayName: span.reviewerName });
  return countedLayers(spans, personOf, await finishedReviewers(conn, articleId))
    .map(({ person, spans: own, done }) => ({ id: person.reviewerId, username: person.username, displayName: person.displayName, spanCount: own.length, done }))
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

async function loadAlignment(conn: Conn, articleId: number) {
  const spans = await layerAnnotations(conn, articleId, 'person');
  const gold = await layerAnnotations(conn, articleId, 'gold');
  const counted = await countedReviewers(conn, articleId, spans);
  const rejected = await conn
    .select({ start: curationRejections.start, end: curationRejections.end })
    .from(curationRejections)
    .where(eq(curationRejections.articleId, articleId));
  const clusters = alignLayers({ spans, reviewers: counted.map((reviewer) => reviewer.username), gold, rejected });
  return { reviewers: counted, clusters, gold };
}

/** Everything the curation page shows for one article. Admins only. */
export async function curationView(db: Database, viewer: Viewer, articleId: number): Promise<CurationView> {
  requireAdmin(viewer);
  // One read, so spans, gold, rejections and comparisons are read from the same moment.
  return db.read(async (conn) => {
    const article = await accessibleArticle(conn, viewer, articleId);
    const goldId = (await goldReviewer(db)).id;
    const { reviewers: counted, clusters, gold } = await loadAlignment(conn, articleId);
    const pending = await pendingComparisons(conn, articleId, goldId);
    return {
      article: { id: article.id, title: article.title, text: article.text },
      reviewers: counted,
      clusters: clusters.map((cluster) => ({ ...cluster, context: quoteInContext(article.text, cluster) })),
      gold,
      comparisons: pending,
    };
  });
}

function annotationNotFound(id: number): AppError {
  return new AppError('annotation_not_found', `There is no annotation ${id} in a reviewer's layer of this article.`);
}

interface CopyContext {
  viewer: Viewer;
  articleText: string;
  goldId: number;
  at: string;
}

/**
 * Copies one person-layer annotation into gold with the details of its label, unless
 * gold already holds a live span with the same offsets and label: accepting twice (two
 * reviewers' identical spans, or a repeated request) must not duplicate gold.
 */
async function copyIntoGold(tx: Tx, source: Annotation, reviewer: string, context: CopyContext): Promise<number | null> {
  const [existing] = await tx
    .select({ id: annotations.id })
    .from(annotations)
    .where(
      and(
        eq(annotations.articleId, source.articleId),
        eq(annotations.reviewerId, context.goldId),
        eq(annotations.label, source.label),
        eq(annotations.start, source.start),
        eq(annotations.end, source.end),
        isNull(annotations.deletedAt),
      ),
    )
    .limit(1);
  if (existing) return null;

  const [copy] = await tx
    .insert(annotations)
    .values({
      articleId: source.articleId,
      reviewerId: context.goldId,
      label: source.label,
      start: source.start,
      end: source.end,
      quote: source.quote,
      prefix: source.prefix,
      suffix: source.suffix,
      note: source.note,
      actorId: source.actorId,
      version: 1,
      createdAt: context.at,
      updatedAt: context.at,
    })
    .returning();
  if (!copy) throw new Error('The gold copy was not stored.');
  // Only the current label's details: those a reviewer kept from an earlier label are hidden in their layer.
  if (source.label === 'figure') {
    const [figure] = await tx.select().from(figureDetails).where(eq(figureDetails.annotationId, source.id)).limit(1);
    if (figure) await tx.insert(figureDetails).values({ ...figure, annotationId: copy.id });
  }
  if (source.label === 'claim') {
    const [claim] = await tx.select().from(claimDetails).where(eq(claimDetails.annotationId, source.id)).limit(1);
    if (claim) await tx.insert(claimDetails).values({ ...claim, annotationId: copy.id });
  }
  // A source without the details its label needs (an old import, say) still gives gold a complete annotation.
  await ensureLabelDetails(tx, copy, context.articleText, context.viewer.id);
  await logChange(tx, {
    entityType: 'annotation',
    entityId: copy.id,
    articleId: copy.articleId,
    reviewerId: context.viewer.id,
    action: 'create',
    before: null,
    after: { ...(await annotationState(tx, copy.id)), acceptedFrom: { annotationId: source.id, reviewer } },
    at: context.at,
  });
  return copy.id;
}

/**
 * Copies the given person-layer annotations into gold, all or none: an id that is not a
 * live person-layer annotation on this article is a 404 and nothing is written. Returns
 * the ids of the new gold annotations (spans gold already had are skipped).
 */
export async function acceptIntoGold(db: Database, viewer: Viewer, articleId: number, annotationIds: readonly number[]): Promise<number[]> {
  requireAdmin(viewer);
  const ids = [...new Set(annotationIds)];
  return db.write(async (tx) => {
    const article = await accessibleArticle(tx, viewer, articleId);
    const goldId = (await goldReviewer(db)).id;
    const rows =
      ids.length === 0
        ? []
        : await tx
            .select({ annotation: annotations, reviewer: reviewers.username })
            .from(annotations)
            .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
            .where(
              and(
                inArray(annotations.id, ids),
                eq(annotations.articleId, articleId),
                isNull(annotations.deletedAt),
                eq(reviewers.kind, 'person'),
              ),
            );
    const sources = new Map(rows.map((row) => [row.annotation.id, row]));
    const missing = ids.find((id) => !sources.has(id));
    if (missing !== undefined) throw annotationNotFound(missing);
    const context: CopyContext = { viewer, articleText: article.text, goldId, at: nowIso() };
    const created: number[] = [];
    for (const id of ids) {
      const source = sources.get(id)!;
      const copyId = await copyIntoGold(tx, source.annotation, source.reviewer, context);
      if (copyId !== null) created.push(copyId);
    }
    await carryComparisonsIntoGold(tx, viewer, articleId, goldId, context.at);
    return created;
  });
}

/** Accepts every open cluster the reviewers agree on (their shared span, once). Returns how many were accepted. */
export async function acceptAllAgreed(db: Database, viewer: Viewer, articleId: number): Promise<number> {
  requireAdmin(viewer);
  return db.write(async (tx) => {
    const article = await accessibleArticle(tx, viewer, articleId);
    const goldId = (await goldReviewer(db)).id;
    // Aligned inside the transaction, so a cluster changed meanwhile is judged as it is now.
    const agreed = (await loadAlignment(tx, articleId)).clusters.filter((cluster) => cluster.agreed && cluster.state === 'open');
    const chosen = agreed.flatMap((cluster) => cluster.candidates.slice(0, 1));
    if (chosen.length === 0) return 0;
    const rows = new Map(
      (
        await tx
          .select()
          .from(annotations)
          .where(inArray(annotations.id, chosen.map((candidate) => candidate.id)))
      ).map((row) => [row.id, row]),
    );
    const context: CopyContext = { viewer, articleText: article.text, goldId, at: nowIso() };
    let accepted = 0;
    for (const candidate of chosen) {
      const source = rows.get(candidate.id);
      if (source && (await copyIntoGold(tx, source, candidate.reviewer, context)) !== null) accepted += 1;
    }
    await carryComparisonsIntoGold(tx, viewer, articleId, goldId, context.at);
    return accepted;
  });
}

export interface ClusterRange {
  start: number;
  end: number;
}

/**
 * Marks a disagreement as settled without gold. The range must be a cluster as it is now:
 * if a reviewer changed their spans since the page was loaded, the curator has not seen
 * what they would be rejecting.
 */
export async function rejectCluster(db: Database, viewer: Viewer, articleId: number, start: number, end: number): Promise<void> {
  requireAdmin(viewer);
  await db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    const cluster = (await loadAlignment(tx, articleId)).clusters.find((candidate) => candidate.start === start && candidate.end === end);
    if (!cluster) {
      throw new AppError(
        'cluster_changed',
        `No spans cover exactly ${clusterKey({ start, end })} any more: a reviewer changed them. Reload to see the current clusters.`,
      );
    }
    if (cluster.state === 'accepted') {
      throw new AppError('cluster_accepted', 'This stretch is already in gold. Delete the gold annotation in the reader first if it should not be there.');
    }
    await tx.insert(curationRejections).values({ articleId, start, end, rejectedBy: viewer.id, rejectedAt: nowIso() }).onConflictDoNothing();
  });
}

/** Takes back a rejection, so the cluster is open again. Reopening an open cluster changes nothing. */
export async function reopenCluster(db: Database, viewer: Viewer, articleId: number, start: number, end: number): Promise<void> {
  requireAdmin(viewer);
  await db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    await tx
      .delete(curationRejections)
      .where(and(eq(curationRejections.articleId, articleId), eq(curationRejections.start, start), eq(curationRejections.end, end)));
  });
}

export type ComparisonSettlement = 'accept' | 'drop';

/**
 * Settles a reviewer's comparison that is only partly in gold: `accept` copies its other
 * figures into gold (on whatever article they are) and carries the comparison over; `drop`
 * leaves gold as it is and stops offering it. Returns the gold comparison's id, or null.
 */
export async function settleComparison(
  db: Database,
  viewer: Viewer,
  articleId: number,
  comparisonId: number,
  settlement: ComparisonSettlement,
): Promise<number | null> {
  requireAdmin(viewer);
  return db.write(async (tx) => {
    await requireAccessibleArticle(tx, viewer, articleId);
    const goldId = (await goldReviewer(db)).id;
    const pending = (await pendingComparisons(tx, articleId, goldId)).find((comparison) => comparison.id === comparisonId);
    const [before] = pending ? await tx.select().from(comparisons).where(eq(comparisons.id, comparisonId)).limit(1) : [];
    if (!pending || !before) {
      throw new AppError('comparison_not_pending', `Comparison ${comparisonId} is not waiting to be settled on this article: reload to see what is.`);
    }
    const at = nowIso();
    if (settlement === 'drop') {
      await markCurated(tx, viewer, before, null, at);
      return null;
    }
    const missing = ((await figuresWithGold(tx, [comparisonId], goldId)).get(comparisonId) ?? []).filter((figure) => figure.goldId === null);
    for (const figure of missing) {
      const [source] = await tx
        .select({ annotation: annotations, reviewer: reviewers.username, text: articles.text })
        .from(annotations)
        .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
        .innerJoin(articles, eq(articles.id, annotations.articleId))
        .where(eq(annotations.id, figure.annotationId))
        .limit(1);
      if (source) await copyIntoGold(tx, source.annotation, source.reviewer, { viewer, articleText: source.text, goldId, at });
    }
    await carryComparisonsIntoGold(tx, viewer, articleId, goldId, at);
    const [settled] = await tx.select({ goldCopyId: comparisons.goldCopyId }).from(comparisons).where(eq(comparisons.id, comparisonId)).limit(1);
    return settled?.goldCopyId ?? null;
  });
}
