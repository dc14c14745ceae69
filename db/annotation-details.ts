import 'server-only';
import { aliasedTable, and, eq, isNull, lte, gte, type SQL } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { readAttribution, readFigure } from '../lib/figures/read-figure';
import { fieldsFromReading, mergeFigurePatch, type FigurePatch } from '../lib/figures/patch';
import type { FigureReading, TextRef } from '../lib/figures/types';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { ensureActor, findActorIdByName, requireActorRef, type ActorRef } from './actors';
import { categoryNames } from './categories';
import type { Conn, Tx } from './database';
import { CLAIM_STATUSES, FIGURE_QUALIFIERS, actors, annotations, claimDetails, figureDetails, type Annotation } from './schema';

export type Qualifier = (typeof FIGURE_QUALIFIERS)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface FigureView {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  vague: boolean;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  sourceActor: ActorRef | null;
  sourceText: string | null;
  /** The source was resolved from "it said" by the reader, not confirmed by a reviewer. */
  sourceInferred: boolean;
}

export interface ClaimView {
  status: ClaimStatus;
  claimant: ActorRef | null;
}

export interface LabelDetails {
  actor: ActorRef | null;
  figure: FigureView | null;
  claim: ClaimView | null;
  /**
   * A figure or claim span the server has not read yet: its figure (or claim) is null until the
   * reading is stored, moments after the span (db/readings.ts). `GET /api/annotations/ID?wait=reading`
   * answers once it is.
   */
  readingPending: boolean;
}

export type { FigurePatch };

export interface ClaimPatch {
  status?: ClaimStatus;
  claimantActorId?: number | null;
}

const sourceActors = aliasedTable(actors, 'source_actors');
const claimants = aliasedTable(actors, 'claimants');
const mentioned = aliasedTable(actors, 'mentioned');

/**
 * The label-specific details of the annotations matched by `scope` (a condition on the
 * annotations table), keyed by annotation id. Details of a label the annotation no longer
 * has are kept in the database (so relabelling back restores them) but not shown.
 */
export async function loadDetails(conn: Conn, rows: readonly Pick<Annotation, 'id' | 'label'>[], scope: SQL | undefined): Promise<Map<number, LabelDetails>> {
  const labels = new Map<number, Label>(rows.map((row) => [row.id, row.label]));
  const details = new Map<number, LabelDetails>(rows.map((row) => [row.id, { actor: null, figure: null, claim: null, readingPending: false }]));
  if (rows.length === 0) return details;

  const mentionRows = await conn
    .select({ id: annotations.id, actorId: mentioned.id, actorName: mentioned.canonicalName })
    .from(annotations)
    .innerJoin(mentioned, eq(mentioned.id, annotations.actorId))
    .where(scope);
  for (const row of mentionRows) {
    const entry = details.get(row.id);
    if (entry && labels.get(row.id) === 'actor') entry.actor = { id: row.actorId, canonicalName: row.actorName };
  }

  const figureRows = await conn
    .select({ figure: figureDetails, sourceName: sourceActors.canonicalName })
    .from(figureDetails)
    .innerJoin(annotations, eq(annotations.id, figureDetails.annotationId))
    .leftJoin(sourceActors, eq(sourceActors.id, figureDetails.sourceActorId))
    .where(scope);
  for (const row of figureRows) {
    const entry = details.get(row.figure.annotationId);
    if (entry && labels.get(row.figure.annotationId) === 'figure') entry.figure = toFigureView(row.figure, row.sourceName);
  }

  const claimRows = await conn
    .select({ claim: claimDetails, claimantName: claimants.canonicalName })
    .from(claimDetails)
    .innerJoin(annotations, eq(annotations.id, claimDetails.annotationId))
    .leftJoin(claimants, eq(claimants.id, claimDetails.claimantActorId))
    .where(scope);
  for (const row of claimRows) {
    const entry = details.get(row.claim.annotationId);
    if (!entry || labels.get(row.claim.annotationId) !== 'claim') continue;
    const claimant = row.claim.claimantActorId !== null && row.claimantName !== null ? { id: row.claim.claimantActorId, canonicalName: row.claimantName } : null;
    entry.claim = { status: row.claim.status, claimant };
  }
  for (const [id, entry] of details) {
    const label = labels.get(id);
    entry.readingPending = (label === 'figure' && entry.figure === null) || (label === 'claim' && entry.claim === null);
  }
  return details;
}

function toFigureView(row: typeof figureDetails.$inferSelect, sourceName: string | null): FigureView {
  return {
    min: row.valueMin,
    max: row.valueMax,
    qualifier: row.qualifier,
    vague: row.vague,
    category: row.category,
    counted: row.counted,
    place: row.place,
    time: row.time,
    sourceActor: row.sourceActorId !== null && sourceName !== null ? { id: row.sourceActorId, canonicalName: sourceName } : null,
    sourceText: row.sourceText,
    sourceInferred: row.sourceInferred,
  };
}

/**
 * Gives an annotation what its label needs, without overwriting anything a reviewer set:
 * an actor span is linked to the actor of that name (created if new); a figure is read
 * from its text and sentence; a claim starts unverified. An import that brings its own
 * details passes `propose: false` and skips the (comparatively slow) reading.
 */
export async function ensureLabelDetails(tx: Tx, annotation: Annotation, articleText: string, reviewerId: number, options = { propose: true }): Promise<void> {
  if (annotation.label === 'actor' && annotation.actorId === null) {
    const actorId = await ensureActor(tx, annotation.quote, reviewerId);
    await tx.update(annotations).set({ actorId }).where(eq(annotations.id, annotation.id));
  }
  if (!(await lacksDetails(tx, annotation))) return;
  const reading = options.propose ? readLabel(articleText, annotation, await categoryNames(tx)) : null;
  await storeLabelReading(tx, annotation, reading);
}

/** A figure or claim without its details row: it still needs its reading (or empty details). */
async function lacksDetails(conn: Conn, annotation: Pick<Annotation, 'id' | 'label'>): Promise<boolean> {
  if (annotation.label === 'figure') {
    const [row] = await conn.select({ id: figureDetails.annotationId }).from(figureDetails).where(eq(figureDetails.annotationId, annotation.id)).limit(1);
    return !row;
  }
  if (annotation.label === 'claim') {
    const [row] = await conn.select({ id: claimDetails.annotationId }).from(claimDetails).where(eq(claimDetails.annotationId, annotation.id)).limit(1);
    return !row;
  }
  return false;
}

/** What the automatic reading proposes for a figure or a claim span; the slow part (NLP), free of the database. */
export type LabelReading = { label: 'figure'; figure: FigureReading } | { label: 'claim'; attribution: TextRef | null };

export function readLabel(articleText: string, annotation: Pick<Annotation, 'label' | 'start' | 'end'>, categories: readonly string[]): LabelReading | null {
  if (annotation.label === 'figure') return { label: 'figure', figure: readFigure(articleText, annotation, { categories }) };
  if (annotation.label === 'claim') return { label: 'claim', attribution: readAttribution(articleText, annotation) };
  return null;
}

/**
 * Stores a figure's or claim's details from a reading made earlier (null: no proposal), unless
 * the annotation has them already. A reading made for another label than the annotation's
 * now is not used: the details start empty.
 */
export async function storeLabelReading(tx: Tx, annotation: Pick<Annotation, 'id' | 'label' | 'articleId'>, reading: LabelReading | null): Promise<void> {
  if (!(await lacksDetails(tx, annotation))) return;
  const usable = reading?.label === annotation.label ? reading : null;
  if (annotation.label === 'figure') {
    await tx
      .insert(figureDetails)
      .values(usable?.label === 'figure' ? await figureDetailsFrom(tx, annotation, usable.figure) : { annotationId: annotation.id })
      // On PostgreSQL another transaction (the reviewer's correction) may store them between the check
      // above and this insert: theirs stays, as the check intends.
      .onConflictDoNothing();
  }
  if (annotation.label === 'claim') {
    const attribution = usable?.label === 'claim' ? usable.attribution : null;
    const claimantActorId = attribution ? await knownActorAt(tx, annotation.articleId, attribution) : null;
    await tx.insert(claimDetails).values({ annotationId: annotation.id, claimantActorId }).onConflictDoNothing();
  }
}

async function figureDetailsFrom(tx: Tx, annotation: Pick<Annotation, 'id' | 'articleId'>, reading: FigureReading): Promise<typeof figureDetails.$inferInsert> {
  const sourceActorId = reading.source ? await knownActorAt(tx, annotation.articleId, reading.source) : null;
  return { annotationId: annotation.id, ...fieldsFromReading(reading, sourceActorId) };
}

/**
 * The actor an attribution names: an actor span the reviewer tagged there, else an actor
 * already known by that name. Never creates one: a claimant or source is a proposal.
 */
async function knownActorAt(tx: Tx, articleId: number, attribution: TextRef): Promise<number | null> {
  const [tagged] = await tx
    .select({ actorId: annotations.actorId })
    .from(annotations)
    .where(
      and(
        eq(annotations.articleId, articleId),
        eq(annotations.label, 'actor'),
        isNull(annotations.deletedAt),
        lte(annotations.start, attribution.end),
        gte(annotations.end, attribution.start),
      ),
    )
    .limit(1);
  return tagged?.actorId ?? (await findActorIdByName(tx, attribution.text));
}

/** Applies a reviewer's corrections to a figure, checking them as a whole (min ≤ max, known category and actor). */
export async function applyFigurePatch(tx: Tx, viewer: Viewer, annotation: Pick<Annotation, 'id' | 'label'>, patch: FigurePatch): Promise<void> {
  const annotationId = annotation.id;
  // Details of a former label are kept but hidden: only a figure's own details may change.
  const [current] = annotation.label === 'figure' ? await tx.select().from(figureDetails).where(eq(figureDetails.annotationId, annotationId)).limit(1) : [];
  if (!current) throw new AppError('not_a_figure', `Annotation ${annotationId} is not a figure, so it has no figure details.`);
  const { annotationId: _id, ...stored } = current;
  const next = mergeFigurePatch(stored, patch);
  if (patch.category !== undefined && !(await categoryNames(tx)).includes(next.category)) {
    throw new AppError('category_unknown', `“${next.category}” is not a figure category. Add it to the list of categories first.`);
  }
  if (patch.sourceActorId !== undefined && patch.sourceActorId !== null) await requireActorRef(tx, viewer, patch.sourceActorId, 'the source');
  await tx.update(figureDetails).set(next).where(eq(figureDetails.annotationId, annotationId));
}

export async function applyClaimPatch(tx: Tx, viewer: Viewer, annotation: Pick<Annotation, 'id' | 'label'>, patch: ClaimPatch): Promise<void> {
  const annotationId = annotation.id;
  const [current] = annotation.label === 'claim' ? await tx.select().from(claimDetails).where(eq(claimDetails.annotationId, annotationId)).limit(1) : [];
  if (!current) throw new AppError('not_a_claim', `Annotation ${annotationId} is not a claim, so it has no claimant or status.`);
  if (patch.claimantActorId !== undefined && patch.claimantActorId !== null) await requireActorRef(tx, viewer, patch.claimantActorId, 'the claimant');
  await tx
    .update(claimDetails)
    .set({
      status: patch.status ?? current.status,
      claimantActorId: patch.claimantActorId !== undefined ? patch.claimantActorId : current.claimantActorId,
    })
    .where(eq(claimDetails.annotationId, annotationId));
}

/** The whole state of one annotation, as history records it. */
export async function annotationState(conn: Conn, id: number) {
  const [row] = await conn.select().from(annotations).where(eq(annotations.id, id)).limit(1);
  if (!row) return null;
  const { deletedAt: _deletedAt, ...annotation } = row;
  const [figure] = row.label === 'figure' ? await conn.select().from(figureDetails).where(eq(figureDetails.annotationId, id)).limit(1) : [];
  const [claim] = row.label === 'claim' ? await conn.select().from(claimDetails).where(eq(claimDetails.annotationId, id)).limit(1) : [];
  return { ...annotation, figure: figure ?? null, claim: claim ?? null };
}
