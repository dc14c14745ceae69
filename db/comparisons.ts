import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { cleanEventName, eventNameKey } from '../lib/incidents/event-name';
import { markDisagreements } from '../lib/comparisons/disagreement';
import { valueSpread } from '../lib/comparisons/spread';
import { suggestComparisons, suggestionKey, type ComparisonSuggestion } from '../lib/comparisons/suggest';
import type { ComparableFigure, ComparedField } from '../lib/comparisons/types';
import { AppError } from '../lib/errors';
import { sentenceAround } from '../lib/text/sentences';
import { accessibleArticle, annotationVisibilityCondition, canWriteLayer, type Viewer } from './access';
import { loadDetails, type FigureView } from './annotation-details';
import { getDb, writeTransaction, type Tx } from './client';
import { nowIso } from './clock';
import { logChange } from './history-log';
import {
  COMPARISON_STATUSES,
  annotations,
  articles,
  comparisonMembers,
  comparisons,
  dismissedSuggestions,
  events,
  reviewers,
  type Comparison,
} from './schema';

export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/** One column of the side-by-side table. */
export interface ComparedFigure {
  annotationId: number;
  articleId: number;
  articleTitle: string;
  articleSource: string;
  quote: string;
  sentence: string;
  figure: FigureView;
}

export interface ComparisonSummary extends Omit<Comparison, 'deletedAt'> {
  eventName: string | null;
  createdByName: string;
  /** The layer's display name ("Gold (adjudicated)" or a reviewer's name). */
  layerName: string;
  memberCount: number;
  articleCount: number;
  spread: string;
}

export interface ComparisonDetail extends ComparisonSummary {
  figures: ComparedFigure[];
  differs: Record<ComparedField, boolean>;
}

export interface ComparisonDraft {
  title: string;
  annotationIds: number[];
  eventName?: string | null;
}

export interface ComparisonPatch {
  title?: string;
  status?: ComparisonStatus;
  resolutionNote?: string;
  eventName?: string | null;
  expectedVersion?: number;
}

/** A suggestion with what the reviewer needs to judge it. */
export interface SuggestionView extends ComparisonSuggestion {
  figures: ComparedFigure[];
}

export type Reader = Pick<Tx, 'select'>;

/** A figure as loaded for comparing: its details and where it sits, without its sentence. */
export type FigureRow = Omit<ComparedFigure, 'sentence'> & { start: number; end: number };

/**
 * Every live figure on a live article the viewer may see (optionally only some ids, or
 * only one layer's), with its details. The article text is not read here: one text per
 * figure row would be megabytes each on a long article; see withSentences.
 */
export function loadFigures(db: Reader, viewer: Viewer, onlyIds?: number[], layerId?: number): FigureRow[] {
  if (onlyIds && onlyIds.length === 0) return [];
  const scope = and(
    eq(annotations.label, 'figure'),
    isNull(annotations.deletedAt),
    onlyIds ? inArray(annotations.id, onlyIds) : undefined,
    layerId === undefined ? undefined : eq(annotations.reviewerId, layerId),
    annotationVisibilityCondition(viewer),
  );
  const rows = db
    .select({
      id: annotations.id,
      label: annotations.label,
      articleId: annotations.articleId,
      start: annotations.start,
      end: annotations.end,
      quote: annotations.quote,
      articleTitle: articles.title,
      articleSource: articles.source,
    })
    .from(annotations)
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(scope)
    .orderBy(asc(annotations.articleId), asc(annotations.start))
    .all();
  const details = loadDetails(db, rows, scope);
  return rows.flatMap(({ id, label: _label, ...row }) => {
    const figure = details.get(id)?.figure;
    return figure ? [{ ...row, annotationId: id, figure }] : [];
  });
}

/** Adds each figure's sentence, reading every article's text once, one article at a time. */
export function withSentences(db: Reader, figures: FigureRow[]): ComparedFigure[] {
  const sentences = new Map<number, string>();
  for (const articleId of new Set(figures.map((figure) => figure.articleId))) {
    const text = db.select({ text: articles.text }).from(articles).where(eq(articles.id, articleId)).get()?.text ?? '';
    for (const figure of figures) {
      if (figure.articleId === articleId) sentences.set(figure.annotationId, sentenceAround(text, figure.start, figure.end).text);
    }
  }
  return figures.map(({ start: _start, end: _end, ...figure }) => ({ ...figure, sentence: sentences.get(figure.annotationId) ?? figure.quote }));
}

/**
 * Every figure the viewer may see in one layer (a comparison's), for choosing one more
 * column of a comparison: a comparison never mixes layers.
 */
export function listFigures(viewer: Viewer, layerId: number): FigureRow[] {
  return loadFigures(getDb(), viewer, undefined, layerId);
}

/**
 * A comparison is shown only to a viewer who may see every figure in it: a reviewer in
 * blind mode must not learn another reviewer's reading through a comparison's columns.
 */
export function visibleMembers(db: Reader, viewer: Viewer, comparisonIds: number[]): { members: Map<number, number[]>; figures: Map<number, FigureRow> } {
  const all = membersOf(db, comparisonIds);
  const figures = new Map(loadFigures(db, viewer, [...new Set([...all.values()].flat())]).map((figure) => [figure.annotationId, figure]));
  const members = new Map([...all].filter(([, ids]) => ids.every((id) => figures.has(id))));
  return { members, figures };
}

/** Visibility first, then the version: a hidden comparison is a 404, never a 409 that tells its version. */
function requireVisibleComparison(tx: Reader, viewer: Viewer, id: number, expectedVersion: number | undefined): Comparison {
  if (!visibleMembers(tx, viewer, [id]).members.has(id)) throw comparisonNotFound(id);
  return requireComparison(tx, id, expectedVersion);
}

export function toComparable(figure: Omit<ComparedFigure, 'sentence'>): ComparableFigure {
  return {
    annotationId: figure.annotationId,
    articleId: figure.articleId,
    min: figure.figure.min,
    max: figure.figure.max,
    qualifier: figure.figure.qualifier,
    category: figure.figure.category,
    counted: figure.figure.counted,
    place: figure.figure.place,
    time: figure.figure.time,
    source: figure.figure.sourceActor?.canonicalName ?? figure.figure.sourceText,
    quote: figure.quote,
  };
}

function membersOf(db: Reader, comparisonIds: number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  if (comparisonIds.length === 0) return result;
  const rows = db
    .select({ comparisonId: comparisonMembers.comparisonId, annotationId: comparisonMembers.annotationId })
    .from(comparisonMembers)
    .innerJoin(annotations, and(eq(annotations.id, comparisonMembers.annotationId), isNull(annotations.deletedAt)))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(inArray(comparisonMembers.comparisonId, comparisonIds))
    .orderBy(asc(comparisonMembers.position))
    .all();
  for (const row of rows) result.set(row.comparisonId, [...(result.get(row.comparisonId) ?? []), row.annotationId]);
  return result;
}

const layers = alias(reviewers, 'layers');

function baseRows(db: Reader, id?: number, layerId?: number) {
  return db
    .select({ comparison: comparisons, eventName: events.name, createdByName: reviewers.displayName, layerName: layers.displayName })
    .from(comparisons)
    .leftJoin(events, eq(events.id, comparisons.eventId))
    .innerJoin(reviewers, eq(reviewers.id, comparisons.createdBy))
    .innerJoin(layers, eq(layers.id, comparisons.layerId))
    .where(
      and(
        isNull(comparisons.deletedAt),
        id === undefined ? undefined : eq(comparisons.id, id),
        layerId === undefined ? undefined : eq(comparisons.layerId, layerId),
      ),
    )
    .orderBy(desc(comparisons.updatedAt), desc(comparisons.id))
    .all();
}

function summarise(row: ReturnType<typeof baseRows>[number], figures: Omit<ComparedFigure, 'sentence'>[]): ComparisonSummary {
  const { deletedAt: _deletedAt, ...comparison } = row.comparison;
  return {
    ...comparison,
    eventName: row.eventName,
    createdByName: row.createdByName,
    layerName: row.layerName,
    memberCount: figures.length,
    articleCount: new Set(figures.map((figure) => figure.articleId)).size,
    spread: valueSpread(figures.map(toComparable)).text,
  };
}

/**
 * The Comparisons page: every comparison the viewer may see (or one layer's) with its
 * status and the spread of values.
 */
export function listComparisons(viewer: Viewer, layerId?: number): ComparisonSummary[] {
  const db = getDb();
  const all = baseRows(db, undefined, layerId);
  const { members, figures } = visibleMembers(db, viewer, all.map((row) => row.comparison.id));
  const rows = all.filter((row) => members.has(row.comparison.id));
  return rows.map((row) =>
    summarise(
      row,
      (members.get(row.comparison.id) ?? []).flatMap((id) => figures.get(id) ?? []),
    ),
  );
}

export function getComparison(viewer: Viewer, id: number): ComparisonDetail {
  const db = getDb();
  const row = baseRows(db, id)[0];
  if (!row) throw comparisonNotFound(id);
  const { members, figures: byId } = visibleMembers(db, viewer, [id]);
  const memberIds = members.get(id);
  if (!memberIds) throw comparisonNotFound(id);
  const figures = withSentences(db, memberIds.flatMap((memberId) => byId.get(memberId) ?? []));
  return { ...summarise(row, figures), figures, differs: markDisagreements(figures.map(toComparable)) };
}

/** Comparisons that hold any of an article's figures (in every visible layer, or in one), for the article's side panel. */
export function comparisonsForArticle(
  viewer: Viewer,
  articleId: number,
  layerId?: number,
): { id: number; title: string; status: ComparisonStatus; annotationIds: number[] }[] {
  const db = getDb();
  accessibleArticle(viewer, articleId);
  const ids = db
    .selectDistinct({ id: comparisonMembers.comparisonId })
    .from(comparisonMembers)
    .innerJoin(annotations, eq(annotations.id, comparisonMembers.annotationId))
    .where(eq(annotations.articleId, articleId))
    .all()
    .map((row) => row.id);
  if (ids.length === 0) return [];
  const { members } = visibleMembers(db, viewer, ids);
  return db
    .select({ id: comparisons.id, title: comparisons.title, status: comparisons.status })
    .from(comparisons)
    .where(and(inArray(comparisons.id, ids), isNull(comparisons.deletedAt), layerId === undefined ? undefined : eq(comparisons.layerId, layerId)))
    .orderBy(asc(comparisons.id))
    .all()
    .filter((comparison) => members.has(comparison.id))
    .map((comparison) => ({ ...comparison, annotationIds: members.get(comparison.id) ?? [] }));
}

export function createComparison(viewer: Viewer, draft: ComparisonDraft): ComparisonDetail {
  const reviewerId = viewer.id;
  const id = writeTransaction((tx) => {
    const title = draft.title.trim();
    if (!title) throw new AppError('comparison_title_blank', 'A comparison needs a title.');
    const ids = requireDistinctFigures(tx, viewer, draft.annotationIds);
    if (ids.length < 2) {
      throw new AppError('comparison_too_small', 'A comparison needs at least two figures to set side by side.');
    }
    const layerId = requireWritableLayer(tx, viewer, ids);
    const at = nowIso();
    const row = tx
      .insert(comparisons)
      .values({ title, eventId: resolveEvent(tx, draft.eventName), createdBy: reviewerId, layerId, createdAt: at, updatedAt: at })
      .returning()
      .get();
    ids.forEach((annotationId, position) => tx.insert(comparisonMembers).values({ comparisonId: row.id, annotationId, position }).run());
    logChange(tx, { entityType: 'comparison', entityId: row.id, articleId: null, reviewerId, action: 'create', before: null, after: { ...row, annotationIds: ids }, at });
    return row.id;
  });
  return getComparison(viewer, id);
}

export function updateComparison(viewer: Viewer, id: number, patch: ComparisonPatch): ComparisonDetail {
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = requireVisibleComparison(tx, viewer, id, patch.expectedVersion);
    const changes: Partial<Comparison> = {};
    if (patch.title !== undefined) {
      const title = patch.title.trim();
      if (!title) throw new AppError('comparison_title_blank', 'A comparison needs a title.');
      if (title !== before.title) changes.title = title;
    }
    if (patch.status !== undefined && patch.status !== before.status) changes.status = patch.status;
    if (patch.resolutionNote !== undefined && patch.resolutionNote.trim() !== before.resolutionNote) changes.resolutionNote = patch.resolutionNote.trim();
    if (patch.eventName !== undefined) {
      const eventId = resolveEvent(tx, patch.eventName);
      if (eventId !== before.eventId) changes.eventId = eventId;
    }
    if (Object.keys(changes).length === 0) return;
    touch(tx, before, changes, reviewerId);
  });
  return getComparison(viewer, id);
}

/** Adds one more figure, from this article or any other; the same figure twice is refused. */
export function addComparisonMember(viewer: Viewer, id: number, annotationId: number, expectedVersion?: number): ComparisonDetail {
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = requireVisibleComparison(tx, viewer, id, expectedVersion);
    requireDistinctFigures(tx, viewer, [annotationId]);
    requireSameLayer(tx, before, annotationId);
    const existing = tx
      .select()
      .from(comparisonMembers)
      .where(and(eq(comparisonMembers.comparisonId, id), eq(comparisonMembers.annotationId, annotationId)))
      .get();
    if (existing) {
      throw new AppError('figure_already_compared', `Figure ${annotationId} is already in this comparison.`);
    }
    const last = tx.select({ position: max(comparisonMembers.position) }).from(comparisonMembers).where(eq(comparisonMembers.comparisonId, id)).get();
    tx.insert(comparisonMembers).values({ comparisonId: id, annotationId, position: (last?.position ?? -1) + 1 }).run();
    touch(tx, before, {}, reviewerId, { added: annotationId });
  });
  return getComparison(viewer, id);
}

export function removeComparisonMember(viewer: Viewer, id: number, annotationId: number, expectedVersion?: number): ComparisonDetail {
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = requireVisibleComparison(tx, viewer, id, expectedVersion);
    const members = membersOf(tx, [id]).get(id) ?? [];
    if (!members.includes(annotationId)) {
      throw new AppError('figure_not_compared', `Figure ${annotationId} is not in comparison ${id}.`);
    }
    if (members.length <= 2) {
      throw new AppError('comparison_too_small', 'A comparison keeps at least two figures: delete the comparison instead.');
    }
    tx.delete(comparisonMembers).where(and(eq(comparisonMembers.comparisonId, id), eq(comparisonMembers.annotationId, annotationId))).run();
    touch(tx, before, {}, reviewerId, { removed: annotationId });
  });
  return getComparison(viewer, id);
}

export function deleteComparison(viewer: Viewer, id: number): void {
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const before = requireVisibleComparison(tx, viewer, id, undefined);
    const at = nowIso();
    tx.update(comparisons).set({ deletedAt: at, updatedAt: at, version: before.version + 1 }).where(eq(comparisons.id, id)).run();
    logChange(tx, { entityType: 'comparison', entityId: id, articleId: null, reviewerId, action: 'delete', before, after: null, at });
  });
}

/** Event names for the comparison form's suggestions: library-wide names, readable by anyone signed in. */
export function listEvents(_viewer: Viewer): { id: number; name: string }[] {
  return getDb().select({ id: events.id, name: events.name }).from(events).orderBy(asc(events.name)).all();
}

/**
 * Figures of one layer (the viewer's own unless another visible layer is named) that look
 * like the same thing counted differently, minus what was dismissed or already compared.
 * One layer only: several reviewers' copies of one span are not a conflict.
 */
export function listSuggestions(viewer: Viewer, articleId?: number, layerId: number = viewer.id): SuggestionView[] {
  const db = getDb();
  if (articleId !== undefined) accessibleArticle(viewer, articleId);
  // An earlier version of an article is the same report, not another source: its figures are
  // never offered against the latest version's ("was 5, now 6" is shown as a change instead).
  const superseded = new Set(db.select({ id: articles.id }).from(articles).where(isNotNull(articles.nextVersionId)).all().map((row) => row.id));
  const figures = loadFigures(db, viewer, undefined, layerId).filter((figure) => !superseded.has(figure.articleId));
  const dismissed = new Set(db.select({ key: dismissedSuggestions.key }).from(dismissedSuggestions).all().map((row) => row.key));
  const live = baseRows(db).map((row) => row.comparison.id);
  const existing = [...membersOf(db, live).values()];
  const byId = new Map(figures.map((figure) => [figure.annotationId, figure]));
  return suggestComparisons(figures.map(toComparable), { dismissed, existing })
    .filter((suggestion) => articleId === undefined || suggestion.annotationIds.some((id) => byId.get(id)?.articleId === articleId))
    .map((suggestion) => ({ ...suggestion, figures: withSentences(db, suggestion.annotationIds.flatMap((id) => byId.get(id) ?? [])) }));
}

/** Remembers that the reviewer turned a suggestion down, so it is not offered again. */
export function dismissSuggestion(viewer: Viewer, annotationIds: number[]): void {
  const reviewerId = viewer.id;
  writeTransaction((tx) => {
    const ids = requireDistinctFigures(tx, viewer, annotationIds);
    if (ids.length < 2) throw new AppError('comparison_too_small', 'A suggestion holds at least two figures.');
    tx.insert(dismissedSuggestions)
      .values({ key: suggestionKey(ids), dismissedBy: reviewerId, dismissedAt: nowIso() })
      .onConflictDoNothing()
      .run();
  });
}

function touch(tx: Tx, before: Comparison, changes: Partial<Comparison>, reviewerId: number, memberChange?: Record<string, number>): void {
  const at = nowIso();
  const after = tx
    .update(comparisons)
    .set({ ...changes, version: before.version + 1, updatedAt: at })
    .where(eq(comparisons.id, before.id))
    .returning()
    .get();
  const members = membersOf(tx, [before.id]).get(before.id) ?? [];
  logChange(tx, {
    entityType: 'comparison',
    entityId: before.id,
    articleId: null,
    reviewerId,
    action: 'update',
    before,
    after: { ...after, annotationIds: members, ...memberChange },
    at,
  });
}

function requireComparison(tx: Reader, id: number, expectedVersion: number | undefined): Comparison {
  const row = tx
    .select()
    .from(comparisons)
    .where(and(eq(comparisons.id, id), isNull(comparisons.deletedAt)))
    .get();
  if (!row) throw comparisonNotFound(id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError('version_conflict', `Comparison ${id} was changed elsewhere (now version ${row.version}). Reload to see the latest.`, {
      currentVersion: row.version,
    });
  }
  return row;
}

/** Every id must name a live figure on a live article, and each may appear once. */
function requireDistinctFigures(tx: Reader, viewer: Viewer, annotationIds: number[]): number[] {
  const seen = new Set<number>();
  for (const id of annotationIds) {
    if (seen.has(id)) throw new AppError('figure_already_compared', `Figure ${id} is listed twice: each figure can appear once in a comparison.`);
    seen.add(id);
  }
  const found = loadFigureIds(tx, viewer, annotationIds);
  const missing = annotationIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('figure_unknown', `There is no figure ${missing.join(', ')}: only annotations labelled figure can be compared.`, { missing });
  }
  return annotationIds;
}

/** The one layer the figures are in, which the viewer must be allowed to change. */
function requireWritableLayer(tx: Reader, viewer: Viewer, annotationIds: number[]): number {
  const layerIds = new Set(
    tx
      .select({ reviewerId: annotations.reviewerId })
      .from(annotations)
      .where(inArray(annotations.id, annotationIds))
      .all()
      .map((row) => row.reviewerId),
  );
  const [layerId, ...others] = layerIds;
  if (layerId === undefined || others.length > 0) {
    throw new AppError('comparison_mixed_layers', 'A comparison holds figures of one layer: these figures belong to different reviewers.');
  }
  if (!canWriteLayer(viewer, layerId)) {
    throw new AppError('comparison_read_only', "These figures are in another reviewer's layer: you can read them but not compare them there.");
  }
  return layerId;
}

function requireSameLayer(tx: Reader, comparison: Comparison, annotationId: number): void {
  const figure = tx.select({ reviewerId: annotations.reviewerId }).from(annotations).where(eq(annotations.id, annotationId)).get();
  if (figure?.reviewerId !== comparison.layerId) {
    throw new AppError('comparison_mixed_layers', `Figure ${annotationId} is in another layer: a comparison holds figures of one layer.`);
  }
}

function loadFigureIds(tx: Reader, viewer: Viewer, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    tx
      .select({ id: annotations.id })
      .from(annotations)
      .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
      .where(and(inArray(annotations.id, ids), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)))
      .all()
      .map((row) => row.id),
  );
}

/** An event is named once and reused: the same name (ignoring case and spacing) is the same event. */
export function resolveEvent(tx: Tx, name: string | null | undefined): number | null {
  const clean = cleanEventName(name ?? '');
  if (!clean) return null;
  const key = eventNameKey(clean);
  const existing = tx.select({ id: events.id }).from(events).where(eq(events.nameKey, key)).get();
  if (existing) return existing.id;
  return tx.insert(events).values({ name: clean, nameKey: key, createdAt: nowIso() }).returning().get().id;
}

function comparisonNotFound(id: number): AppError {
  return new AppError('comparison_not_found', `There is no comparison ${id}.`);
}
