import 'server-only';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { verifySpan, type SpanClaim } from '../lib/anchoring/anchor';
import { AppError } from '../lib/errors';
import type { Label } from '../lib/labels';
import { articleNotFound } from './articles';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import {
  annotationState,
  applyClaimPatch,
  applyFigurePatch,
  ensureLabelDetails,
  loadDetails,
  readLabel,
  storeLabelReading,
  type LabelReading,
  type ClaimPatch,
  type FigurePatch,
  type LabelDetails,
} from './annotation-details';
import { ensureActor, requireActorRef, type ActorRef } from './actors';
import { articleText } from './article-text';
import { categoryNames } from './categories';
import { preparedPerConnection } from './prepared';
import { queueReading } from './readings';
import { annotationVisibilityCondition, canWriteLayer, requireAccessibleArticle, visibleAnnotation, writableAnnotation, type Viewer } from './access';
import { markStarted } from './assignments';
import { actors, annotations, articles, history, pendingReadings, reviewers, type Annotation } from './schema';

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
export async function listAnnotations(db: Database, viewer: Viewer, articleId: number, layerId: number = viewer.id): Promise<AnnotationView[]> {
  return db.read(async (conn) => {
    await requireAccessibleArticle(conn, viewer, articleId);
    const rows = await conn
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
      .orderBy(asc(annotations.start), desc(annotations.end), asc(annotations.id));
    return withDetails(conn, rows, eq(annotations.articleId, articleId));
  });
}

/** A live annotation on a live article the viewer may see: deleting an article takes its annotations out of reach too. */
export async function getAnnotation(db: Database, viewer: Viewer, id: number): Promise<AnnotationView> {
  return db.read(async (conn) => {
    await visibleAnnotation(conn, viewer, id);
    return annotationView(conn, id);
  });
}

/** The view of a live annotation on a live article, without an access check (the caller made it). */
async function annotationView(conn: Conn, id: number): Promise<AnnotationView> {
  const [view] = await conn
    .select(viewColumns)
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(eq(annotations.id, id), isNull(annotations.deletedAt)))
    .limit(1);
  if (!view) throw annotationNotFound(id);
  return (await withDetails(conn, [view], eq(annotations.id, id)))[0]!;
}

type BaseView = Omit<AnnotationView, keyof LabelDetails>;

async function withDetails(conn: Conn, rows: BaseView[], scope: SQL): Promise<AnnotationView[]> {
  const details = await loadDetails(conn, rows, scope);
  return rows.map((row) => ({ ...row, ...(details.get(row.id) ?? { actor: null, figure: null, claim: null, readingPending: false }) }));
}

interface CheckedCreate {
  articleId: number;
  layerId: number;
  reviewerId: number;
  label: Label;
  anchor: ReturnType<typeof verifySpan>;
  note: string;
  text: string;
}

/**
 * The checks a new span passes before any write: the viewer may open the article and write
 * the layer, the offsets lie in the text, and the quote is what the text says there (the
 * server recomputes the prefix/suffix context itself rather than trusting the client's).
 * Runs inside a read or write of `db` (`conn` is its handle).
 */
async function checkCreate(db: Database, conn: Conn, viewer: Viewer, articleId: number, draft: AnnotationDraft, layerId: number): Promise<CheckedCreate> {
  await requireAccessibleArticle(conn, viewer, articleId);
  if (!(await canWriteLayer(conn, viewer, layerId))) {
    throw new AppError('layer_read_only', "You can only add annotations to your own layer (and admins to gold).");
  }
  const text = await articleText(db, articleId);
  return { articleId, layerId, reviewerId: viewer.id, label: draft.label, anchor: verifySpan(text, draft), note: draft.note?.trim() ?? '', text };
}

/**
 * Inserts a checked span with its history row, inside the caller's transaction. The article
 * may have been deleted and the same span tagged since the checks: both are checked again here.
 * A figure's or claim's details come from `reading`: read in this transaction ('inline'), read
 * before it (a LabelReading, or null for none), or left to db/readings.ts ('deferred': a pending row).
 */
async function insertChecked(
  tx: Tx,
  checked: CheckedCreate,
  reading: 'inline' | 'deferred' | LabelReading | null,
): Promise<{ row: Annotation; actor: ActorRef | null }> {
  const { articleId, layerId, reviewerId, label, anchor } = checked;
  const [live] = await liveArticleStatement(tx).execute({ id: articleId });
  if (!live) throw articleNotFound(articleId);
  const [duplicate] = await duplicateStatement(tx).execute({ articleId, layerId, label, start: anchor.start, end: anchor.end });
  if (duplicate) {
    throw new AppError('annotation_duplicate', `“${truncate(anchor.quote)}” is already tagged ${label} (annotation ${duplicate.id}).`, {
      existingId: duplicate.id,
    });
  }
  const at = nowIso();
  const actor = label === 'actor' ? await actorRef(tx, await ensureActor(tx, anchor.quote, reviewerId)) : null;
  const [row] = await insertStatement(tx).execute({
    articleId,
    reviewerId: layerId,
    label,
    start: anchor.start,
    end: anchor.end,
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    note: checked.note,
    actorId: actor?.id ?? null,
    at,
  });
  if (!row) throw new Error(`Storing a span on article ${articleId} returned no row.`);
  if (reading === 'inline') await ensureLabelDetails(tx, row, checked.text, reviewerId);
  else if (reading === 'deferred') {
    if (label !== 'actor') await pendingReadingStatement(tx).execute({ annotationId: row.id, at });
  } else await storeLabelReading(tx, row, reading);
  // Deferred, the state is known without reading it back: the row as inserted, no details yet.
  const after = reading === 'deferred' ? { ...withoutDeletedAt(row), figure: null, claim: null } : await annotationState(tx, row.id);
  await logChange(tx, { ...historyKeys(row, reviewerId), action: 'create', before: null, after, at });
  if (layerId === reviewerId) await markStarted(tx, articleId, reviewerId, at);
  return { row, actor };
}

/** Stores a span (see checkCreate) and reads a figure's or claim's details in the same transaction. */
export async function createAnnotation(
  db: Database,
  viewer: Viewer,
  articleId: number,
  draft: AnnotationDraft,
  layerId: number = viewer.id,
): Promise<AnnotationView> {
  return db.write(async (tx) => {
    const checked = await checkCreate(db, tx, viewer, articleId, draft, layerId);
    const { row } = await insertChecked(tx, checked, 'inline');
    return annotationView(tx, row.id);
  });
}

/**
 * The API's create: the span is committed with other concurrent writes (`db.write` group-commits)
 * and answered once it is durable. A figure's or claim's reading is made before the write,
 * outside the transaction (`reading: 'before'`), or after the answer (`'after'`, db/readings.ts):
 * then the answer says `readingPending: true` and has no figure or claim yet, and the reading is
 * stored by a later write, queued only once this one has settled.
 */
export async function createAnnotationQueued(
  db: Database,
  viewer: Viewer,
  articleId: number,
  draft: AnnotationDraft,
  layerId: number = viewer.id,
  options: { reading: 'before' | 'after' } = { reading: 'before' },
): Promise<AnnotationView> {
  const { checked, categories } = await db.read(async (conn) => {
    const checked = await checkCreate(db, conn, viewer, articleId, draft, layerId);
    return { checked, categories: options.reading === 'before' ? await categoryNames(conn) : [] };
  });
  if (options.reading === 'before') {
    // The slow part (NLP) runs here, between the read and the write, holding no connection.
    const reading = readLabel(checked.text, { label: checked.label, ...checked.anchor }, categories);
    const { row } = await db.write((tx) => insertChecked(tx, checked, reading));
    return getAnnotation(db, viewer, row.id);
  }
  const { row, actor, reviewerName } = await db.write(async (tx) => {
    const inserted = await insertChecked(tx, checked, 'deferred');
    return { ...inserted, reviewerName: await layerName(tx, viewer, layerId) };
  });
  // The write has settled (durable): only now may the reading, a write of its own, be queued.
  if (row.label !== 'actor') queueReading(db, row.id);
  const { actorId: _actorId, ...view } = withoutDeletedAt(row);
  return { ...view, reviewerName, actor, figure: null, claim: null, readingPending: row.label !== 'actor' };
}

function withoutDeletedAt(row: Annotation): Omit<Annotation, 'deletedAt'> {
  const { deletedAt: _deletedAt, ...rest } = row;
  return rest;
}

async function layerName(conn: Conn, viewer: Viewer, layerId: number): Promise<string> {
  if (layerId === viewer.id) return viewer.displayName;
  const [layer] = await conn.select({ name: reviewers.displayName }).from(reviewers).where(eq(reviewers.id, layerId)).limit(1);
  return layer?.name ?? '';
}

async function actorRef(conn: Conn, id: number): Promise<ActorRef> {
  const [actor] = await conn.select({ id: actors.id, canonicalName: actors.canonicalName }).from(actors).where(eq(actors.id, id)).limit(1);
  return { id, canonicalName: actor?.canonicalName ?? '' };
}

// The hot statements of a create, prepared once per connection rather than built on every call.
const liveArticleStatement = preparedPerConnection((db) =>
  db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, sql.placeholder('id')), isNull(articles.deletedAt)))
    .prepare(),
);

const duplicateStatement = preparedPerConnection((db) =>
  db
    .select({ id: annotations.id })
    .from(annotations)
    .where(
      and(
        eq(annotations.articleId, sql.placeholder('articleId')),
        eq(annotations.reviewerId, sql.placeholder('layerId')),
        eq(annotations.label, sql.placeholder('label')),
        eq(annotations.start, sql.placeholder('start')),
        eq(annotations.end, sql.placeholder('end')),
        isNull(annotations.deletedAt),
      ),
    )
    .prepare(),
);

const insertStatement = preparedPerConnection((db) =>
  db
    .insert(annotations)
    .values({
      articleId: sql.placeholder('articleId'),
      reviewerId: sql.placeholder('reviewerId'),
      label: sql.placeholder('label'),
      start: sql.placeholder('start'),
      end: sql.placeholder('end'),
      quote: sql.placeholder('quote'),
      prefix: sql.placeholder('prefix'),
      suffix: sql.placeholder('suffix'),
      note: sql.placeholder('note'),
      actorId: sql.placeholder('actorId'),
      createdAt: sql.placeholder('at'),
      updatedAt: sql.placeholder('at'),
    })
    .returning()
    .prepare(),
);

const pendingReadingStatement = preparedPerConnection((db) =>
  db
    .insert(pendingReadings)
    .values({ annotationId: sql.placeholder('annotationId'), queuedAt: sql.placeholder('at') })
    .prepare(),
);

/**
 * Changes the label, note, actor link or label details. A patch that changes nothing
 * writes nothing and keeps the version; anything else bumps it and is logged whole.
 */
export async function updateAnnotation(db: Database, viewer: Viewer, id: number, patch: AnnotationPatch): Promise<AnnotationView> {
  const reviewerId = viewer.id;
  return db.write(async (tx) => {
    await writableAnnotation(tx, viewer, id);
    const current = await requireLiveAnnotation(tx, id, patch.expectedVersion);
    const before = await annotationState(tx, id);
    const changes: Partial<Pick<Annotation, 'label' | 'note' | 'actorId'>> = {};
    if (patch.label !== undefined && patch.label !== current.label) changes.label = patch.label;
    const note = patch.note?.trim();
    if (note !== undefined && note !== current.note) changes.note = note;
    const label = changes.label ?? current.label;
    if (patch.actorId !== undefined) {
      if (label !== 'actor') throw new AppError('not_an_actor', `Annotation ${id} is not an actor mention, so it cannot link to an actor.`);
      await requireActorRef(tx, viewer, patch.actorId, 'the mentioned actor');
      if (patch.actorId !== current.actorId) changes.actorId = patch.actorId;
    }
    if (Object.keys(changes).length > 0) await tx.update(annotations).set(changes).where(eq(annotations.id, id));
    const article = await requireLiveArticle(tx, current.articleId);
    await ensureLabelDetails(tx, { ...current, ...changes }, article.text, reviewerId);
    if (patch.figure) await applyFigurePatch(tx, viewer, { id, label }, patch.figure);
    if (patch.claim) await applyClaimPatch(tx, viewer, { id, label }, patch.claim);
    const after = await annotationState(tx, id);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      const at = nowIso();
      const [row] = await tx
        .update(annotations)
        .set({ version: current.version + 1, updatedAt: at })
        .where(eq(annotations.id, id))
        .returning();
      await logChange(tx, { ...historyKeys(row!, reviewerId), action: 'update', before, after: await annotationState(tx, id), at });
    }
    return annotationView(tx, id);
  });
}

/** Soft delete, so that undo (restore) brings back the very same annotation. */
export async function deleteAnnotation(db: Database, viewer: Viewer, id: number, expectedVersion?: number): Promise<void> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    await writableAnnotation(tx, viewer, id);
    const current = await requireLiveAnnotation(tx, id, expectedVersion);
    const before = await annotationState(tx, id);
    const at = nowIso();
    const [after] = await tx
      .update(annotations)
      .set({ deletedAt: at, version: current.version + 1, updatedAt: at })
      .where(eq(annotations.id, id))
      .returning();
    await logChange(tx, { ...historyKeys(after!, reviewerId), action: 'delete', before, after: null, at });
  });
}

export async function restoreAnnotation(db: Database, viewer: Viewer, id: number): Promise<AnnotationView> {
  const reviewerId = viewer.id;
  return db.write(async (tx) => {
    await writableAnnotation(tx, viewer, id, { includeDeleted: true });
    const [found] = await tx
      .select({ annotation: annotations })
      .from(annotations)
      .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
      .where(eq(annotations.id, id))
      .limit(1);
    const before = found?.annotation;
    if (!before) throw annotationNotFound(id);
    if (before.deletedAt === null) {
      throw new AppError('annotation_not_deleted', `Annotation ${id} is not deleted, so there is nothing to restore.`);
    }
    const at = nowIso();
    const [after] = await tx
      .update(annotations)
      .set({ deletedAt: null, version: before.version + 1, updatedAt: at })
      .where(eq(annotations.id, id))
      .returning();
    await logChange(tx, { ...historyKeys(after!, reviewerId), action: 'restore', before: null, after: await annotationState(tx, id), at });
    return annotationView(tx, id);
  });
}

/** Every recorded change to one annotation, oldest first; deleted annotations keep theirs. */
export async function annotationHistory(db: Database, viewer: Viewer, id: number): Promise<AnnotationHistoryEntry[]> {
  const rows = await db.read(async (conn) => {
    await visibleAnnotation(conn, viewer, id, { includeDeleted: true });
    return conn
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
      .orderBy(asc(history.id));
  });
  if (rows.length === 0) throw annotationNotFound(id);
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }));
}

async function requireLiveArticle(conn: Conn, articleId: number) {
  const [article] = await conn
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
    .limit(1);
  if (!article) throw articleNotFound(articleId);
  return article;
}

async function requireLiveAnnotation(conn: Conn, id: number, expectedVersion: number | undefined): Promise<Annotation> {
  const [found] = await conn
    .select({ annotation: annotations })
    .from(annotations)
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(eq(annotations.id, id), isNull(annotations.deletedAt)))
    .limit(1);
  const row = found?.annotation;
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
