import 'server-only';
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { cleanEventName, eventNameKey } from '../lib/incidents/event-name';
import { markDisagreements } from '../lib/comparisons/disagreement';
import { valueSpread } from '../lib/comparisons/spread';
import { normaliseCounted, normalisePlace } from '../lib/comparisons/normalise';
import { suggestComparisons, suggestionKey, type ComparisonSuggestion } from '../lib/comparisons/suggest';
import type { ComparableFigure, ComparedField } from '../lib/comparisons/types';
import { AppError } from '../lib/errors';
import { sentenceAround } from '../lib/text/sentences';
import { annotationVisibilityCondition, canWriteLayer, requireAccessibleArticle, type Viewer } from './access';
import { loadDetails, type FigureView } from './annotation-details';
import type { Conn, Database, Tx } from './database';
import { isTrue } from './dialect';
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
  figureDetails,
  reviewers,
  type Comparison,
  figurePlaceKeys,
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

/** A figure as loaded for comparing: its details and where it sits, without its sentence. */
export type FigureRow = Omit<ComparedFigure, 'sentence'> & { start: number; end: number };

/**
 * Every live figure on a live article the viewer may see (optionally only some ids, or
 * only one layer's), with its details. The article text is not read here: one text per
 * figure row would be megabytes each on a long article; see withSentences.
 */
export async function loadFigures(conn: Conn, viewer: Viewer, onlyIds?: number[], layerId?: number): Promise<FigureRow[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  if (onlyIds && onlyIds.length > IDS_PER_QUERY) {
    // A few hundred ids per query (every engine caps bound parameters), merged back into one order.
    const unique = [...new Set(onlyIds)];
    const parts: FigureRow[] = [];
    for (let from = 0; from < unique.length; from += IDS_PER_QUERY) {
      parts.push(...(await loadFigures(conn, viewer, unique.slice(from, from + IDS_PER_QUERY), layerId)));
    }
    return parts.sort((a, b) => a.articleId - b.articleId || a.start - b.start || a.annotationId - b.annotationId);
  }
  const scope = and(
    eq(annotations.label, 'figure'),
    isNull(annotations.deletedAt),
    onlyIds ? inArray(annotations.id, onlyIds) : undefined,
    layerId === undefined ? undefined : eq(annotations.reviewerId, layerId),
    annotationVisibilityCondition(viewer),
  );
  const rows = await conn
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
    .orderBy(asc(annotations.articleId), asc(annotations.start), asc(annotations.id));
  const details = await loadDetails(conn, rows, scope);
  return rows.flatMap(({ id, label: _label, ...row }) => {
    const figure = details.get(id)?.figure;
    return figure ? [{ ...row, annotationId: id, figure }] : [];
  });
}

// Ids per `inArray`: well under every engine's limit on bound parameters.
const IDS_PER_QUERY = 500;

/** Adds each figure's sentence, reading every article's text once, one article at a time. */
export async function withSentences(conn: Conn, figures: FigureRow[]): Promise<ComparedFigure[]> {
  const sentences = new Map<number, string>();
  for (const articleId of new Set(figures.map((figure) => figure.articleId))) {
    const [row] = await conn.select({ text: articles.text }).from(articles).where(eq(articles.id, articleId)).limit(1);
    const text = row?.text ?? '';
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
export async function listFigures(db: Database, viewer: Viewer, layerId: number): Promise<FigureRow[]> {
  return db.read((conn) => loadFigures(conn, viewer, undefined, layerId));
}

/**
 * A comparison is shown only to a viewer who may see every figure in it: a reviewer in
 * blind mode must not learn another reviewer's reading through a comparison's columns.
 */
export async function visibleMembers(
  conn: Conn,
  viewer: Viewer,
  comparisonIds: number[],
): Promise<{ members: Map<number, number[]>; figures: Map<number, FigureRow> }> {
  const all = await membersOf(conn, comparisonIds);
  const figures = new Map((await loadFigures(conn, viewer, [...new Set([...all].flatMap(([, ids]) => ids))])).map((figure) => [figure.annotationId, figure]));
  const members = new Map([...all].filter(([, ids]) => ids.every((id) => figures.has(id))));
  return { members, figures };
}

/** Visibility first, then the version: a hidden comparison is a 404, never a 409 that tells its version. */
async function requireVisibleComparison(conn: Conn, viewer: Viewer, id: number, expectedVersion: number | undefined): Promise<Comparison> {
  if (!(await visibleMembers(conn, viewer, [id])).members.has(id)) throw comparisonNotFound(id);
  return requireComparison(conn, id, expectedVersion);
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

async function membersOf(conn: Conn, comparisonIds: number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (comparisonIds.length === 0) return result;
  for (let from = 0; from < comparisonIds.length; from += IDS_PER_QUERY) {
    const rows = await conn
      .select({ comparisonId: comparisonMembers.comparisonId, annotationId: comparisonMembers.annotationId })
      .from(comparisonMembers)
      .innerJoin(annotations, and(eq(annotations.id, comparisonMembers.annotationId), isNull(annotations.deletedAt)))
      .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
      .where(inArray(comparisonMembers.comparisonId, comparisonIds.slice(from, from + IDS_PER_QUERY)))
      .orderBy(asc(comparisonMembers.position));
    for (const row of rows) result.set(row.comparisonId, [...(result.get(row.comparisonId) ?? []), row.annotationId]);
  }
  return result;
}

const layers = aliasedTable(reviewers, 'layers');

function baseRows(conn: Conn, id?: number, layerId?: number) {
  return conn
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
    .orderBy(desc(comparisons.updatedAt), desc(comparisons.id));
}

type BaseRow = Awaited<ReturnType<typeof baseRows>>[number];

function summarise(row: BaseRow, figures: Omit<ComparedFigure, 'sentence'>[]): ComparisonSummary {
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
export async function listComparisons(db: Database, viewer: Viewer, layerId?: number): Promise<ComparisonSummary[]> {
  return db.read(async (conn) => {
    const all = await baseRows(conn, undefined, layerId);
    const { members, figures } = await visibleMembers(conn, viewer, all.map((row) => row.comparison.id));
    const rows = all.filter((row) => members.has(row.comparison.id));
    return rows.map((row) =>
      summarise(
        row,
        (members.get(row.comparison.id) ?? []).flatMap((id) => figures.get(id) ?? []),
      ),
    );
  });
}

export async function getComparison(db: Database, viewer: Viewer, id: number): Promise<ComparisonDetail> {
  return db.read(async (conn) => {
    const [row] = await baseRows(conn, id);
    if (!row) throw comparisonNotFound(id);
    const { members, figures: byId } = await visibleMembers(conn, viewer, [id]);
    const memberIds = members.get(id);
    if (!memberIds) throw comparisonNotFound(id);
    const figures = await withSentences(conn, memberIds.flatMap((memberId) => byId.get(memberId) ?? []));
    return { ...summarise(row, figures), figures, differs: markDisagreements(figures.map(toComparable)) };
  });
}

/** Comparisons that hold any of an article's figures (in every visible layer, or in one), for the article's side panel. */
export async function comparisonsForArticle(
  db: Database,
  viewer: Viewer,
  articleId: number,
  layerId?: number,
): Promise<{ id: number; title: string; status: ComparisonStatus; annotationIds: number[] }[]> {
  return db.read(async (conn) => {
    await requireAccessibleArticle(conn, viewer, articleId);
    const ids = (
      await conn
        .selectDistinct({ id: comparisonMembers.comparisonId })
        .from(comparisonMembers)
        .innerJoin(annotations, eq(annotations.id, comparisonMembers.annotationId))
        .where(eq(annotations.articleId, articleId))
    ).map((row) => row.id);
    if (ids.length === 0) return [];
    const { members } = await visibleMembers(conn, viewer, ids);
    const rows = await conn
      .select({ id: comparisons.id, title: comparisons.title, status: comparisons.status })
      .from(comparisons)
      .where(and(inArray(comparisons.id, ids), isNull(comparisons.deletedAt), layerId === undefined ? undefined : eq(comparisons.layerId, layerId)))
      .orderBy(asc(comparisons.id));
    return rows
      .filter((comparison) => members.has(comparison.id))
      .map((comparison) => ({ ...comparison, annotationIds: members.get(comparison.id) ?? [] }));
  });
}

export async function createComparison(db: Database, viewer: Viewer, draft: ComparisonDraft): Promise<ComparisonDetail> {
  const reviewerId = viewer.id;
  const id = await db.write(async (tx) => {
    const title = draft.title.trim();
    if (!title) throw new AppError('comparison_title_blank', 'A comparison needs a title.');
    const ids = await requireDistinctFigures(tx, viewer, draft.annotationIds);
    if (ids.length < 2) {
      throw new AppError('comparison_too_small', 'A comparison needs at least two figures to set side by side.');
    }
    const layerId = await requireWritableLayer(tx, viewer, ids);
    const at = nowIso();
    const eventId = await resolveEvent(tx, draft.eventName);
    const [row] = await tx
      .insert(comparisons)
      .values({ title, eventId, createdBy: reviewerId, layerId, createdAt: at, updatedAt: at })
      .returning();
    await insertMembers(tx, row!.id, ids);
    await logChange(tx, { entityType: 'comparison', entityId: row!.id, articleId: null, reviewerId, action: 'create', before: null, after: { ...row!, annotationIds: ids }, at });
    return row!.id;
  });
  return getComparison(db, viewer, id);
}

/** A comparison's members in the given order (positions 0, 1, …), in one statement. */
export async function insertMembers(tx: Tx, comparisonId: number, annotationIds: readonly number[]): Promise<void> {
  if (annotationIds.length === 0) return;
  await tx.insert(comparisonMembers).values(annotationIds.map((annotationId, position) => ({ comparisonId, annotationId, position })));
}

export async function updateComparison(db: Database, viewer: Viewer, id: number, patch: ComparisonPatch): Promise<ComparisonDetail> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const before = await requireVisibleComparison(tx, viewer, id, patch.expectedVersion);
    const changes: Partial<Comparison> = {};
    if (patch.title !== undefined) {
      const title = patch.title.trim();
      if (!title) throw new AppError('comparison_title_blank', 'A comparison needs a title.');
      if (title !== before.title) changes.title = title;
    }
    if (patch.status !== undefined && patch.status !== before.status) changes.status = patch.status;
    if (patch.resolutionNote !== undefined && patch.resolutionNote.trim() !== before.resolutionNote) changes.resolutionNote = patch.resolutionNote.trim();
    if (patch.eventName !== undefined) {
      const eventId = await resolveEvent(tx, patch.eventName);
      if (eventId !== before.eventId) changes.eventId = eventId;
    }
    if (Object.keys(changes).length === 0) return;
    await touch(tx, before, changes, reviewerId);
  });
  return getComparison(db, viewer, id);
}

/** Adds one more figure, from this article or any other; the same figure twice is refused. */
export async function addComparisonMember(
  db: Database,
  viewer: Viewer,
  id: number,
  annotationId: number,
  expectedVersion?: number,
): Promise<ComparisonDetail> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const before = await requireVisibleComparison(tx, viewer, id, expectedVersion);
    await requireDistinctFigures(tx, viewer, [annotationId]);
    await requireSameLayer(tx, before, annotationId);
    const [existing] = await tx
      .select()
      .from(comparisonMembers)
      .where(and(eq(comparisonMembers.comparisonId, id), eq(comparisonMembers.annotationId, annotationId)))
      .limit(1);
    if (existing) {
      throw new AppError('figure_already_compared', `Figure ${annotationId} is already in this comparison.`);
    }
    const [last] = await tx.select({ position: max(comparisonMembers.position) }).from(comparisonMembers).where(eq(comparisonMembers.comparisonId, id));
    await tx.insert(comparisonMembers).values({ comparisonId: id, annotationId, position: (last?.position ?? -1) + 1 });
    await touch(tx, before, {}, reviewerId, { added: annotationId });
  });
  return getComparison(db, viewer, id);
}

export async function removeComparisonMember(
  db: Database,
  viewer: Viewer,
  id: number,
  annotationId: number,
  expectedVersion?: number,
): Promise<ComparisonDetail> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const before = await requireVisibleComparison(tx, viewer, id, expectedVersion);
    const members = (await membersOf(tx, [id])).get(id) ?? [];
    if (!members.includes(annotationId)) {
      throw new AppError('figure_not_compared', `Figure ${annotationId} is not in comparison ${id}.`);
    }
    if (members.length <= 2) {
      throw new AppError('comparison_too_small', 'A comparison keeps at least two figures: delete the comparison instead.');
    }
    await tx.delete(comparisonMembers).where(and(eq(comparisonMembers.comparisonId, id), eq(comparisonMembers.annotationId, annotationId)));
    await touch(tx, before, {}, reviewerId, { removed: annotationId });
  });
  return getComparison(db, viewer, id);
}

export async function deleteComparison(db: Database, viewer: Viewer, id: number): Promise<void> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const before = await requireVisibleComparison(tx, viewer, id, undefined);
    const at = nowIso();
    await tx.update(comparisons).set({ deletedAt: at, updatedAt: at, version: before.version + 1 }).where(eq(comparisons.id, id));
    await logChange(tx, { entityType: 'comparison', entityId: id, articleId: null, reviewerId, action: 'delete', before, after: null, at });
  });
}

/** Event names for the comparison form's suggestions: library-wide names, readable by anyone signed in. */
export async function listEvents(db: Database, _viewer: Viewer): Promise<{ id: number; name: string }[]> {
  return db.read((conn) => conn.select({ id: events.id, name: events.name }).from(events).orderBy(asc(events.name)));
}

/**
 * Figures of one layer (the viewer's own unless another visible layer is named) that look
 * like the same thing counted differently, minus what was dismissed or already compared.
 * One layer only: several reviewers' copies of one span are not a conflict.
 *
 * For one article (the reader's panel) only the figures the rule could group with that
 * article's are read, through indexes (see articleSuggestions). Without an article it is the
 * whole layer's list, and still reads every figure of the layer, every dismissal and every
 * comparison: the rule's groups span the layer, so nothing smaller gives the same list.
 */
export async function listSuggestions(db: Database, viewer: Viewer, articleId?: number, layerId: number = viewer.id): Promise<SuggestionView[]> {
  if (articleId !== undefined) {
    await db.read((conn) => requireAccessibleArticle(conn, viewer, articleId));
    await refreshPlaceKeys(db);
    return db.read((conn) => articleSuggestions(conn, viewer, articleId, layerId));
  }
  return db.read(async (conn) => {
    // An earlier version of an article is the same report, not another source: its figures are
    // never offered against the latest version's ("was 5, now 6" is shown as a change instead).
    const superseded = new Set((await conn.select({ id: articles.id }).from(articles).where(isNotNull(articles.nextVersionId))).map((row) => row.id));
    const figures = (await loadFigures(conn, viewer, undefined, layerId)).filter((figure) => !superseded.has(figure.articleId));
    const dismissed = new Set((await conn.select({ key: dismissedSuggestions.key }).from(dismissedSuggestions)).map((row) => row.key));
    const live = (await baseRows(conn)).map((row) => row.comparison.id);
    const existing = [...(await membersOf(conn, live))].map(([, members]) => members);
    return suggestionViews(conn, figures, suggestComparisons(figures.map(toComparable), { dismissed, existing }));
  });
}

async function suggestionViews(conn: Conn, figures: FigureRow[], suggestions: ComparisonSuggestion[]): Promise<SuggestionView[]> {
  const byId = new Map(figures.map((figure) => [figure.annotationId, figure]));
  const views: SuggestionView[] = [];
  for (const suggestion of suggestions) {
    views.push({ ...suggestion, figures: await withSentences(conn, suggestion.annotationIds.flatMap((id) => byId.get(id) ?? [])) });
  }
  return views;
}

/**
 * One article's suggestions, the same as the whole layer's list filtered to that article, read
 * from the figures the rule could group with the article's. The rule (relatedGroups in
 * lib/comparisons/groups.ts) joins two figures only when they share a key: who is counted in the
 * same article (['article', article, counted]), who is counted in the same place
 * (['place', place, counted]), or place and category (one of them not saying who is counted).
 * Every key names an article or a place, so two figures are related only within one article
 * (same counted key) or through one place key. Following those two links from the article's
 * figures until nothing new turns up gives whole groups of the layer: a group depends only on its
 * own figures, so the rule forms exactly the groups it forms on the whole layer.
 */
async function articleSuggestions(conn: Conn, viewer: Viewer, articleId: number, layerId: number): Promise<SuggestionView[]> {
  const candidates = await relatedFigureIds(conn, viewer, articleId, layerId);
  // By id alone (they are the layer's): with the layer in the query SQLite would walk the whole layer.
  const figures = await loadFigures(conn, viewer, candidates);
  const comparable = figures.map(toComparable);
  const articleOf = new Map(figures.map((figure) => [figure.annotationId, figure.articleId]));
  const inArticle = (suggestion: ComparisonSuggestion) => suggestion.annotationIds.some((id) => articleOf.get(id) === articleId);
  // The groups first, unfiltered: dismissals and comparisons are read only for their figures.
  const offered = suggestComparisons(comparable, { dismissed: new Set(), existing: [] }).filter(inArticle);
  if (offered.length === 0) return [];
  const dismissed = new Set<string>();
  const keys = offered.map((suggestion) => suggestion.key);
  for (let from = 0; from < keys.length; from += IDS_PER_QUERY) {
    const rows = await conn.select({ key: dismissedSuggestions.key }).from(dismissedSuggestions).where(inArray(dismissedSuggestions.key, keys.slice(from, from + IDS_PER_QUERY)));
    for (const row of rows) dismissed.add(row.key);
  }
  const members = [...new Set(offered.flatMap((suggestion) => suggestion.annotationIds))];
  const comparisonIds = new Set<number>();
  for (let from = 0; from < members.length; from += IDS_PER_QUERY) {
    const rows = await conn
      .selectDistinct({ id: comparisonMembers.comparisonId })
      .from(comparisonMembers)
      .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
      .where(inArray(comparisonMembers.annotationId, members.slice(from, from + IDS_PER_QUERY)));
    for (const row of rows) comparisonIds.add(row.id);
  }
  const existing = [...(await membersOf(conn, [...comparisonIds]))].map(([, ids]) => ids);
  return suggestionViews(conn, figures, suggestComparisons(comparable, { dismissed, existing }).filter(inArticle));
}

/** What the candidate search reads of a figure: where it is and the two keys that link it. */
interface FigureLinks {
  id: number;
  articleId: number;
  counted: string | null;
  place: string | null;
}

/**
 * The ids of the layer's figures (live, on a live latest version, visible to the viewer) linked
 * to the article's through the rule's keys, the article's own included. Each step is an indexed
 * read: an article's figures of the layer (annotations_layer_article_idx), a place key's figures
 * (figure_place_keys_key_idx), and the rows whose key is not computed yet (figure_place_keys_stale_idx).
 */
async function relatedFigureIds(conn: Conn, viewer: Viewer, articleId: number, layerId: number): Promise<number[]> {
  const visible = annotationVisibilityCondition(viewer);
  const live = and(eq(annotations.reviewerId, layerId), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), visible);
  const latest = and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt), isNull(articles.nextVersionId));
  const linkColumns = { id: annotations.id, articleId: annotations.articleId, counted: figureDetails.counted, place: figureDetails.place };
  const countedKeys = new Map<number, string | null>();
  const placeKeys = new Map<number, string | null>();
  const countedOf = (figure: FigureLinks) => {
    if (!countedKeys.has(figure.id)) countedKeys.set(figure.id, normaliseCounted(figure.counted));
    return countedKeys.get(figure.id) ?? null;
  };
  const placeOf = (figure: FigureLinks) => {
    if (!placeKeys.has(figure.id)) placeKeys.set(figure.id, normalisePlace(figure.place));
    return placeKeys.get(figure.id) ?? null;
  };

  // A place key's figures in two steps: their ids from the key's index, then those rows by id,
  // kept if they are the layer's. With the layer in the join, SQLite (which has no statistics
  // here) would rather walk the whole layer by annotations_layer_article_idx.
  const byIds = async (ids: number[]) => {
    const rows: FigureLinks[] = [];
    for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
      const part = await conn
        .select({ ...linkColumns, layerId: annotations.reviewerId })
        .from(annotations)
        .innerJoin(articles, latest)
        .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(and(inArray(annotations.id, ids.slice(from, from + IDS_PER_QUERY)), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), visible));
      for (const { layerId: rowLayer, ...row } of part) if (rowLayer === layerId) rows.push(row);
    }
    return rows;
  };

  // Rows whose place key is not computed yet (a place changed since refreshPlaceKeys): few, read once.
  const unkeyed = new Map<string, FigureLinks[]>();
  const staleIds = await conn.select({ id: figurePlaceKeys.annotationId }).from(figurePlaceKeys).where(isTrue(figurePlaceKeys.stale));
  for (const row of await byIds(staleIds.map((stale) => stale.id))) {
    const key = placeOf(row);
    if (key !== null) unkeyed.set(key, [...(unkeyed.get(key) ?? []), row]);
  }

  const found = new Map<number, FigureLinks>();
  const articleFigures = new Map<number, FigureLinks[]>();
  // Per article not read yet: the counted keys its figures are wanted for.
  const wanted = new Map<number, Set<string>>();
  const placesRead = new Set<string>();
  const placesToRead = new Set<string>();
  const stack: FigureLinks[] = [];
  const take = (figure: FigureLinks) => {
    if (!found.has(figure.id)) stack.push(figure);
  };
  const drain = () => {
    for (let figure = stack.pop(); figure !== undefined; figure = stack.pop()) {
      if (found.has(figure.id)) continue;
      found.set(figure.id, figure);
      const place = placeOf(figure);
      if (place !== null && !placesRead.has(place)) placesToRead.add(place);
      const counted = countedOf(figure);
      if (counted === null) continue;
      const known = articleFigures.get(figure.articleId);
      if (known) {
        for (const other of known) if (countedOf(other) === counted) take(other);
      } else {
        const keys = wanted.get(figure.articleId) ?? new Set<string>();
        wanted.set(figure.articleId, keys.add(counted));
      }
    }
  };

  const readArticles = async (ids: number[]) => {
    for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
      const part = ids.slice(from, from + IDS_PER_QUERY);
      for (const id of part) articleFigures.set(id, []);
      const rows = await conn
        .select(linkColumns)
        .from(annotations)
        .innerJoin(articles, latest)
        .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(and(live, inArray(annotations.articleId, part)));
      for (const row of rows) articleFigures.get(row.articleId)?.push(row);
    }
  };

  await readArticles([articleId]);
  for (const figure of articleFigures.get(articleId) ?? []) take(figure);
  drain();
  while (wanted.size > 0 || placesToRead.size > 0) {
    const articleIds = [...wanted.keys()];
    await readArticles(articleIds);
    for (const id of articleIds) {
      const keys = wanted.get(id);
      wanted.delete(id);
      for (const figure of articleFigures.get(id) ?? []) if (keys?.has(countedOf(figure) ?? '')) take(figure);
    }
    const places = [...placesToRead];
    placesToRead.clear();
    for (const place of places) placesRead.add(place);
    for (let from = 0; from < places.length; from += IDS_PER_QUERY) {
      const keyed = await conn.select({ id: figurePlaceKeys.annotationId }).from(figurePlaceKeys).where(inArray(figurePlaceKeys.placeKey, places.slice(from, from + IDS_PER_QUERY)));
      for (const row of await byIds(keyed.map((key) => key.id))) take(row);
    }
    for (const place of places) for (const figure of unkeyed.get(place) ?? []) take(figure);
    drain();
  }
  return [...found.keys()];
}

// Distinct places keyed per write: a short transaction, however many rows share each place.
const PLACES_PER_REFRESH = 200;

/**
 * Computes the place keys the triggers left stale (new figures, changed places), so the reader's
 * suggestions find figures by their place key. One update per distinct place; a row whose place
 * changed meanwhile keeps its stale mark, since the update names the place it keyed.
 */
export async function refreshPlaceKeys(db: Database): Promise<void> {
  const done = new Set<string | null>();
  for (;;) {
    const places = await db.read((conn) =>
      conn.selectDistinct({ place: figurePlaceKeys.place }).from(figurePlaceKeys).where(isTrue(figurePlaceKeys.stale)).limit(PLACES_PER_REFRESH),
    );
    // Places keyed in this call and stale again are another writer's: the reader takes them as stale.
    if (places.every(({ place }) => done.has(place))) return;
    for (const { place } of places) done.add(place);
    await db.write(async (tx) => {
      for (const { place } of places) {
        await tx
          .update(figurePlaceKeys)
          .set({ placeKey: normalisePlace(place), stale: false })
          .where(and(isTrue(figurePlaceKeys.stale), place === null ? isNull(figurePlaceKeys.place) : eq(figurePlaceKeys.place, place)));
      }
    });
  }
}

/** Remembers that the reviewer turned a suggestion down, so it is not offered again. */
export async function dismissSuggestion(db: Database, viewer: Viewer, annotationIds: number[]): Promise<void> {
  const reviewerId = viewer.id;
  await db.write(async (tx) => {
    const ids = await requireDistinctFigures(tx, viewer, annotationIds);
    if (ids.length < 2) throw new AppError('comparison_too_small', 'A suggestion holds at least two figures.');
    await tx
      .insert(dismissedSuggestions)
      .values({ key: suggestionKey(ids), dismissedBy: reviewerId, dismissedAt: nowIso() })
      .onConflictDoNothing();
  });
}

async function touch(tx: Tx, before: Comparison, changes: Partial<Comparison>, reviewerId: number, memberChange?: Record<string, number>): Promise<void> {
  const at = nowIso();
  const [after] = await tx
    .update(comparisons)
    .set({ ...changes, version: before.version + 1, updatedAt: at })
    .where(eq(comparisons.id, before.id))
    .returning();
  const members = (await membersOf(tx, [before.id])).get(before.id) ?? [];
  await logChange(tx, {
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

async function requireComparison(conn: Conn, id: number, expectedVersion: number | undefined): Promise<Comparison> {
  const [row] = await conn
    .select()
    .from(comparisons)
    .where(and(eq(comparisons.id, id), isNull(comparisons.deletedAt)))
    .limit(1);
  if (!row) throw comparisonNotFound(id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError('version_conflict', `Comparison ${id} was changed elsewhere (now version ${row.version}). Reload to see the latest.`, {
      currentVersion: row.version,
    });
  }
  return row;
}

/** Every id must name a live figure on a live article, and each may appear once. */
async function requireDistinctFigures(conn: Conn, viewer: Viewer, annotationIds: number[]): Promise<number[]> {
  const seen = new Set<number>();
  for (const id of annotationIds) {
    if (seen.has(id)) throw new AppError('figure_already_compared', `Figure ${id} is listed twice: each figure can appear once in a comparison.`);
    seen.add(id);
  }
  const found = await loadFigureIds(conn, viewer, annotationIds);
  const missing = annotationIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('figure_unknown', `There is no figure ${missing.join(', ')}: only annotations labelled figure can be compared.`, { missing });
  }
  return annotationIds;
}

/** The one layer the figures are in, which the viewer must be allowed to change. */
async function requireWritableLayer(conn: Conn, viewer: Viewer, annotationIds: number[]): Promise<number> {
  const layerIds = new Set(
    (await conn.select({ reviewerId: annotations.reviewerId }).from(annotations).where(inArray(annotations.id, annotationIds))).map((row) => row.reviewerId),
  );
  const [layerId, ...others] = layerIds;
  if (layerId === undefined || others.length > 0) {
    throw new AppError('comparison_mixed_layers', 'A comparison holds figures of one layer: these figures belong to different reviewers.');
  }
  if (!(await canWriteLayer(conn, viewer, layerId))) {
    throw new AppError('comparison_read_only', "These figures are in another reviewer's layer: you can read them but not compare them there.");
  }
  return layerId;
}

async function requireSameLayer(conn: Conn, comparison: Comparison, annotationId: number): Promise<void> {
  const [figure] = await conn.select({ reviewerId: annotations.reviewerId }).from(annotations).where(eq(annotations.id, annotationId)).limit(1);
  if (figure?.reviewerId !== comparison.layerId) {
    throw new AppError('comparison_mixed_layers', `Figure ${annotationId} is in another layer: a comparison holds figures of one layer.`);
  }
}

async function loadFigureIds(conn: Conn, viewer: Viewer, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await conn
    .select({ id: annotations.id })
    .from(annotations)
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(inArray(annotations.id, ids), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)));
  return new Set(rows.map((row) => row.id));
}

/** An event is named once and reused: the same name (ignoring case and spacing) is the same event. */
export async function resolveEvent(tx: Tx, name: string | null | undefined): Promise<number | null> {
  const clean = cleanEventName(name ?? '');
  if (!clean) return null;
  const key = eventNameKey(clean);
  const [existing] = await tx.select({ id: events.id }).from(events).where(eq(events.nameKey, key)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(events).values({ name: clean, nameKey: key, createdAt: nowIso() }).returning({ id: events.id });
  return created!.id;
}

function comparisonNotFound(id: number): AppError {
  return new AppError('comparison_not_found', `There is no comparison ${id}.`);
}
