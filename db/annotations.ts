import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { verifySpan, type SpanClaim } from '../lib/anchoring/anchor';
import { AppError } from '../lib/errors';
import type { Label } from '../lib/labels';
import { articleNotFound } from './articles';
import { getDb, writeTransaction, type Tx } from './client';
import { nowIso } from './clock';
import { logChange } from './history-log';
import {
  annotationState,
  applyClaimPatch,
  applyFigurePatch,
  ensureLabelDetails,
  loadDetails,
  type ClaimPatch,
  type FigurePatch,
  type LabelDetails,
} from './annotation-details';
import { requireActorRef } from './actors';
import { accessibleArticle, annotationVisibilityCondition, canWriteLayer, visibleAnnotation, writableAnnotation, type Viewer } from './access';
import { markStarted } from './assignments';
import { annotations, articles, history, reviewers, type Annotation } from './schema';

/** What clients see of an annotation: the row without its soft-delete marker, the author's name and the label's details. */
export interface AnnotationView extends Omit<Annotation, 'deletedAt' | 'actorId'>, LabelDetails {
  reviewerName: string;
}

export interface AnnotationDraft extends SpanClaim {
  label: Label;
  note?: string;
}

export interface AnnotationPatch {
  label?: Label;
  note?: string;
  /** For actor spans: link the mention to another actor. */
  actorId?: number;
  figure?: FigurePatch;
  claim?: ClaimPatch;
  /** The version the client last saw; a newer one on the server is a conflict. */
  expectedVersion?: number;
}

export interface AnnotationHistoryEntry {
  id: number;
  action: 'create' | 'update' | 'delete' | 'restore';
  at: string;
  reviewerName: string;
  before: unknown;
  after: unknown;
}

const viewColumns = {
  id: annotations.id,
  articleId: annotations.articleId,
  reviewerId: annotations.reviewerId,
  reviewerName: reviewers.displayName,
  label: annotations.label,
  start: annotations.start,
  end: annotations.end,
  quote: annotations.quote,
  prefix: annotations.prefix,
  suffix: annotations.suffix,
  note: annotations.note,
  version: annotations.version,
  createdAt: annotations.createdAt,
  updatedAt: annotations.updatedAt,
  carriedFromId: annotations.carriedFromId,
};

/** An article's live annotations in text order (outer spans before the spans they contain). */
export function listAnnotations(viewer: Viewer, articleId: number, layerId: number = viewer.id): AnnotationView[] {
  const db = getDb();
  accessibleArticle(viewer, articleId);
  return withDetails(
    db,
    db
      .select(viewColumns)
      .from(annotations)
      .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
      .where(
        and(
          eq(annotations.articleId, articleId),
          eq(annotations.reviewerId, layerId),
          isNull(annotations.deletedAt),
          annotationVisibilityCondition(viewer),
        ),
      )
      .orderBy(asc(annotations.start), desc(annotations.end), asc(annotations.id))
      .all(),
    eq(annotations.articleId, articleId),
  );
}

/** A live annotation on a live article the viewer may see: deleting an article takes its annotations out of reach too. */
export function getAnnotation(viewer: Viewer, id: number): AnnotationView {
  const db = getDb();
  visibleAnnotation(viewer, id);
  const view = db
    .select(viewColumns)
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(eq(annotations.id, id), isNull(annotations.deletedAt)))
    .get();
  if (!view) throw annotationNotFound(id);
  return withDetails(db, [view], eq(annotations.id, id))[0]!;
}

type BaseView = Omit<AnnotationView, keyof LabelDetails>;

function withDetails(db: Pick<Tx, 'select'>, rows: BaseView[], scope: SQL): AnnotationView[] {
  const details = loadDetails(db, rows, scope);
  return rows.map((row) => ({ ...row, ...(details.get(row.id) ?? { actor: null, figure: null, claim: null }) }));
}

/**
 * Stores a span after checking it against the stored text: the offsets must lie in the
 * text, the quote must be what the text says there, and the server recomputes the
 * prefix/suffix context itself rather than trusting the client's.
 */
export function createAnnotation(viewer: Viewer, articleId: number, draft: AnnotationDraft, layerId: number = viewer.id): AnnotationView {
  accessibleArticle(viewer, articleId);
  if (!canWriteLayer(viewer, layerId)) {
    throw new AppError('layer_read_only', "You can only add annotations to your own layer (and admins to gold).");
  }
  const reviewerId = viewer.id;
  const id = writeTransaction((tx) => {
    const article = requireLiveArticle(tx, articleId);
    const anchor = verifySpan(article.text, draft);
    const duplicate = tx
      .select({ id: annotations.id })
      .from(annotations)
      .where(
        and(
          eq(annotations.articleId, articleId),
          eq(annotations.reviewerId, layerId),
          eq(annotations.label, draft.label),
          eq(annotations.start, anchor.start),
          eq(annotations.end, anchor.end),
          isNull(annotations.deletedAt),
        ),
      )
      .get();
    if (duplicate) {
      throw new AppError(
        'annotation_duplicate',
        `“${truncate(anchor.quote)}” is already tagged ${draft.label} (annotation ${duplicate.id}).`,
        { existingId: duplicate.id },
      );
    }
    const at = nowIso();
    const row = tx
      .insert(annotations)
      .values({
        articleId,
        reviewerId: layerId,
        label: draft.label,
        ...anchor,
        note: draft.note?.trim() ?? '',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    ensureLabelDetails(tx, row, article.text, reviewerId);
    logChange(tx, { ...historyKeys(row, reviewerId), action: 'create', before: null, after: annotationState(tx, row.id), at });
    if (layerId === viewer.id) markStarted(tx, articleId, viewer.id, at);
    return row.id;
  });
  return getAnnotation(viewer, id);
}

/**
 * Changes the label, note, actor link or label details. A patch that changes nothing
 * writes nothing and keeps the version; anything else bumps it and is logged whole.
 */
export function updateAnnotation(viewer: Viewer, id: number, patch: AnnotationPatch): AnnotationView {
  writableAnnotation(viewer, id);
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const current = requireLiveAnnotation(tx, id, patch.expectedVersion);
    const before = annotationState(tx, id);
    const changes: Partial<Pick<Annotation, 'label' | 'note' | 'actorId'>> = {};
    if (patch.label !== undefined && patch.label !== current.label) changes.label = patch.label;
    const note = patch.note?.trim();
    if (note !== undefined && note !== current.note) changes.note = note;
    const label = changes.label ?? current.label;
    if (patch.actorId !== undefined) {
      if (label !== 'actor') throw new AppError('not_an_actor', `Annotation ${id} is not an actor mention, so it cannot link to an actor.`);
      requireActorRef(tx, viewer, patch.actorId, 'the mentioned actor');
      if (patch.actorId !== current.actorId) changes.actorId = patch.actorId;
    }
    if (Object.keys(changes).length > 0) tx.update(annotations).set(changes).where(eq(annotations.id, id)).run();
    const article = requireLiveArticle(tx, current.articleId);
    ensureLabelDetails(tx, { ...current, ...changes }, article.text, reviewerId);
    if (patch.figure) applyFigurePatch(tx, viewer, { id, label }, patch.figure);
    if (patch.claim) applyClaimPatch(tx, viewer, { id, label }, patch.claim);
    const after = annotationState(tx, id);
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    const at = nowIso();
    const row = tx
      .update(annotations)
      .set({ version: current.version + 1, updatedAt: at })
      .where(eq(annotations.id, id))
      .returning()
      .get();
    logChange(tx, { ...historyKeys(row, reviewerId), action: 'update', before, after: annotationState(tx, id), at });
  });
  return getAnnotation(viewer, id);
}

/** Soft delete, so that undo (restore) brings back the very same annotation. */
export function deleteAnnotation(viewer: Viewer, id: number, expectedVersion?: number): void {
  writableAnnotation(viewer, id);
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const current = requireLiveAnnotation(tx, id, expectedVersion);
    const before = annotationState(tx, id);
    const at = nowIso();
    const after = tx
      .update(annotations)
      .set({ deletedAt: at, version: current.version + 1, updatedAt: at })
      .where(eq(annotations.id, id))
      .returning()
      .get();
    logChange(tx, { ...historyKeys(after, reviewerId), action: 'delete', before, after: null, at });
  });
}

export function restoreAnnotation(viewer: Viewer, id: number): AnnotationView {
  writableAnnotation(viewer, id, { includeDeleted: true });
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = tx
      .select({ annotation: annotations })
      .from(annotations)
      .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
      .where(eq(annotations.id, id))
      .get()?.annotation;
    if (!before) throw annotationNotFound(id);
    if (before.deletedAt === null) {
      throw new AppError('annotation_not_deleted', `Annotation ${id} is not deleted, so there is nothing to restore.`);
    }
    const at = nowIso();
    const after = tx
      .update(annotations)
      .set({ deletedAt: null, version: before.version + 1, updatedAt: at })
      .where(eq(annotations.id, id))
      .returning()
      .get();
    logChange(tx, { ...historyKeys(after, reviewerId), action: 'restore', before: null, after: annotationState(tx, id), at });
  });
  return getAnnotation(viewer, id);
}

/** Every recorded change to one annotation, oldest first; deleted annotations keep theirs. */
export function annotationHistory(viewer: Viewer, id: number): AnnotationHistoryEntry[] {
  visibleAnnotation(viewer, id, { includeDeleted: true });
  const rows = getDb()
    .select({
      id: history.id,
      action: history.action,
      at: history.at,
      reviewerName: reviewers.displayName,
      before: history.before,
      after: history.after,
    })
    .from(history)
    .innerJoin(reviewers, eq(reviewers.id, history.reviewerId))
    .innerJoin(articles, and(eq(articles.id, history.articleId), isNull(articles.deletedAt)))
    .where(and(eq(history.entityType, 'annotation'), eq(history.entityId, id)))
    .orderBy(asc(history.id))
    .all();
  if (rows.length === 0) throw annotationNotFound(id);
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }));
}

type Reader = Pick<Tx, 'select'>;

function requireLiveArticle(db: Reader, articleId: number) {
  const article = db
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
    .get();
  if (!article) throw articleNotFound(articleId);
  return article;
}

function requireLiveAnnotation(db: Reader, id: number, expectedVersion: number | undefined): Annotation {
  const row = db
    .select({ annotation: annotations })
    .from(annotations)
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(eq(annotations.id, id), isNull(annotations.deletedAt)))
    .get()?.annotation;
  if (!row) throw annotationNotFound(id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(
      'version_conflict',
      `Annotation ${id} was changed elsewhere (now version ${row.version}, you had ${expectedVersion}). Reload to see the latest.`,
      { currentVersion: row.version },
    );
  }
  return row;
}

function historyKeys(row: Annotation, reviewerId: number) {
  return { entityType: 'annotation' as const, entityId: row.id, articleId: row.articleId, reviewerId };
}

function truncate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function annotationNotFound(id: number): AppError {
  return new AppError('annotation_not_found', `There is no annotation ${id}.`);
}
