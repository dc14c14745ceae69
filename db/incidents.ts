import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { cleanEventName, eventNameKey } from '../lib/incidents/event-name';
import { valueText } from '../lib/comparisons/value';
import { publicationInstant } from '../lib/dates/publication-time';
import { AppError } from '../lib/errors';
import { boundText, categoryRanges, type Bound } from '../lib/incidents/ranges';
import type { ExportIncident } from '../lib/incidents/export';
import { annotationVisibilityCondition, requireAdmin, visibleAnnotation, writableAnnotation, type Viewer } from './access';
import { countedLayerId } from './articles';
import { nowIso } from './clock';
import { loadFigures, resolveEvent, visibleMembers, type FigureRow } from './comparisons';
import type { Conn, Database, Tx } from './database';
import { annotations, articles, comparisonMembers, comparisons, eventFigures, events, reviewers, type Event } from './schema';

/*
 * Incidents: an event named on comparisons becomes a record of what happened, with
 * the range of numbers reported for each kind of harm. Its figures are those of its
 * comparisons plus those added to it one by one. Like comparisons, a record is read
 * within one layer, so several reviewers' copies of one span are never counted twice.
 */

export interface IncidentFigureView {
  annotationId: number;
  articleId: number;
  articleTitle: string;
  outlet: string;
  articleUrl: string | null;
  publishedOn: string | null;
  /** The time of day with its offset, when the article has one (lib/dates/publication-time.ts). */
  publishedTime: string | null;
  quote: string;
  valueText: string;
  min: number | null;
  max: number | null;
  qualifier: string;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  source: string | null;
  /** Added to the incident by hand (so it can be taken out again), rather than through a comparison. */
  direct: boolean;
}

export interface IncidentCategory {
  category: string;
  min: number | null;
  max: number | null;
  minText: string;
  maxText: string;
  minFigureIds: number[];
  maxFigureIds: number[];
  /** Figures with no number ("dozens"): in the record, bounding nothing. */
  unboundedFigureIds: number[];
  figures: IncidentFigureView[];
}

export interface IncidentLayer {
  layerId: number;
  name: string;
  figureCount: number;
}

export interface IncidentDetail {
  event: { id: number; name: string; startsOn: string | null; endsOn: string | null; place: string | null; version: number };
  layerId: number;
  /** Other layers holding figures of this incident that the viewer may open. */
  layers: IncidentLayer[];
  categories: IncidentCategory[];
  /** Every figure in publication order (undated last), for the timeline. */
  timeline: IncidentFigureView[];
  comparisons: { id: number; title: string }[];
}

export interface IncidentSummary {
  id: number;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  place: string | null;
  figureCount: number;
  articleCount: number;
  ranges: { category: string; text: string }[];
}

export interface IncidentPatch {
  name?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  place?: string | null;
  expectedVersion?: number;
}

export async function listIncidents(db: Database, viewer: Viewer, layerId?: number): Promise<IncidentSummary[]> {
  return db.read(async (conn) => {
    const layer = layerId ?? (await countedLayerId(db, viewer));
    const rows = await conn.select().from(events).orderBy(asc(events.startsOn), asc(events.name));
    const figureIds = await figureIdsByEvent(conn, rows.map((row) => row.id));
    const figures = byId(await loadFigures(conn, viewer, [...new Set([...figureIds].flatMap(([, ids]) => ids))], layer));
    return rows.map((row) => {
      const own = (figureIds.get(row.id) ?? []).flatMap((id) => figures.get(id) ?? []);
      return {
        id: row.id,
        name: row.name,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        place: row.place,
        figureCount: own.length,
        articleCount: new Set(own.map((figure) => figure.articleId)).size,
        ranges: categoryRanges(own.map(rangeInput)).map((entry) => ({ category: entry.category, text: rangeText(entry.low, entry.high) })),
      };
    });
  });
}

export async function getIncident(db: Database, viewer: Viewer, id: number, layerId?: number): Promise<IncidentDetail> {
  return db.read(async (conn) => {
    const event = await requireEvent(conn, id);
    const layer = layerId ?? (await countedLayerId(db, viewer));
    const ids = (await figureIdsByEvent(conn, [id])).get(id) ?? [];
    const direct = new Set((await conn.select({ id: eventFigures.annotationId }).from(eventFigures).where(eq(eventFigures.eventId, id))).map((row) => row.id));
    const layers = await layersOf(conn, viewer, ids);
    const figures = await loadFigures(conn, viewer, ids, layer);
    const articleInfo = await articlesOf(conn, figures);
    const views = new Map(figures.map((figure) => [figure.annotationId, toView(figure, articleInfo, direct)]));
    const categories = incidentCategories(figures, views);
    const timeline = [...views].map(([, value]) => value).sort(
      (a, b) => compareInstants(publicationInstant(a.publishedOn, a.publishedTime), publicationInstant(b.publishedOn, b.publishedTime)) || a.articleId - b.articleId,
    );
    return {
      event: { id: event.id, name: event.name, startsOn: event.startsOn, endsOn: event.endsOn, place: event.place, version: event.version },
      layerId: layer,
      layers,
      categories,
      timeline,
      comparisons: await visibleComparisonsOf(conn, viewer, id, layer),
    };
  });
}

/** The range per kind of harm of an incident's figures (in loadFigures' order), each with its figures. */
function incidentCategories(figures: FigureRow[], views: Map<number, IncidentFigureView>): IncidentCategory[] {
  return categoryRanges(figures.map(rangeInput)).map((entry) => ({
    category: entry.category,
    min: entry.low?.value ?? null,
    max: entry.high?.value ?? null,
    minText: boundText(entry.low, 'low'),
    maxText: boundText(entry.high, 'high'),
    minFigureIds: entry.low?.annotationIds ?? [],
    maxFigureIds: entry.high?.annotationIds ?? [],
    unboundedFigureIds: entry.unboundedIds,
    figures: entry.annotationIds.flatMap((annotationId) => views.get(annotationId) ?? []),
  }));
}

/** A new incident, or the existing one of that name (names are unique ignoring case and spacing). */
export async function createIncident(db: Database, viewer: Viewer, draft: Omit<IncidentPatch, 'expectedVersion'> & { name: string }): Promise<IncidentDetail> {
  const id = await db.write(async (tx) => {
    const eventId = await resolveEvent(tx, draft.name);
    if (eventId === null) throw new AppError('incident_name_blank', 'An incident needs a name.');
    const existing = await requireEvent(tx, eventId);
    await applyPatch(tx, existing, { startsOn: draft.startsOn, endsOn: draft.endsOn, place: draft.place });
    return eventId;
  });
  return getIncident(db, viewer, id);
}

export async function updateIncident(db: Database, viewer: Viewer, id: number, patch: IncidentPatch): Promise<IncidentDetail> {
  await db.write(async (tx) => {
    const before = await requireEvent(tx, id);
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== before.version) {
      throw new AppError('version_conflict', `Someone changed this incident meanwhile (now version ${before.version}). Reload to see their change.`, {
        currentVersion: before.version,
      });
    }
    await applyPatch(tx, before, patch);
  });
  return getIncident(db, viewer, id);
}

/** Adds a figure the viewer can see; adding it again changes nothing. */
export async function addIncidentFigure(db: Database, viewer: Viewer, id: number, annotationId: number): Promise<IncidentDetail> {
  const figure = await db.write(async (tx) => {
    // Joining an incident changes what the figure's layer says happened: only its writers may.
    const annotation = await writableAnnotation(tx, viewer, annotationId);
    if (annotation.label !== 'figure') {
      throw new AppError('not_a_figure', `Annotation ${annotationId} is a ${annotation.label}, not a figure: only figures join an incident.`);
    }
    await requireEvent(tx, id);
    await tx.insert(eventFigures).values({ eventId: id, annotationId, addedBy: viewer.id, addedAt: nowIso() }).onConflictDoNothing();
    return annotation;
  });
  return getIncident(db, viewer, id, figure.reviewerId);
}

/** Takes out a figure added by hand (figures of the incident's comparisons leave with the comparison). */
export async function removeIncidentFigure(db: Database, viewer: Viewer, id: number, annotationId: number): Promise<IncidentDetail> {
  const figure = await db.write(async (tx) => {
    const annotation = await writableAnnotation(tx, viewer, annotationId);
    await requireEvent(tx, id);
    await tx.delete(eventFigures).where(and(eq(eventFigures.eventId, id), eq(eventFigures.annotationId, annotationId)));
    return annotation;
  });
  return getIncident(db, viewer, id, figure.reviewerId);
}

/** Incidents an annotation belongs to (by hand or through a comparison), for the reader's panel. */
export async function incidentsOfFigure(db: Database, viewer: Viewer, annotationId: number): Promise<{ id: number; name: string; direct: boolean }[]> {
  return db.read(async (conn) => {
    await visibleAnnotation(conn, viewer, annotationId);
    const direct = await conn
      .select({ id: events.id, name: events.name })
      .from(eventFigures)
      .innerJoin(events, eq(events.id, eventFigures.eventId))
      .where(eq(eventFigures.annotationId, annotationId));
    const viaComparison = await conn
      .selectDistinct({ id: events.id, name: events.name })
      .from(comparisonMembers)
      .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
      .innerJoin(events, eq(events.id, comparisons.eventId))
      .where(eq(comparisonMembers.annotationId, annotationId));
    const seen = new Map<number, { id: number; name: string; direct: boolean }>();
    for (const row of direct) seen.set(row.id, { ...row, direct: true });
    for (const row of viaComparison) if (!seen.has(row.id)) seen.set(row.id, { ...row, direct: false });
    return [...seen].map(([, value]) => value).sort((a, b) => a.name.localeCompare(b.name));
  });
}

/**
 * Every incident with figures, in the export's shape, read in one layer. Admins only: it spans
 * the whole library. One read of a handful of queries for the whole library (the events, their
 * figure ids, the figures with their details, their articles), grouped in memory: each record
 * is what getIncident shows for it.
 */
export async function incidentsForExport(db: Database, viewer: Viewer, layerId?: number): Promise<ExportIncident[]> {
  requireAdmin(viewer);
  return db.read(async (conn) => {
    const layer = layerId ?? (await countedLayerId(db, viewer));
    const rows = await conn.select().from(events).orderBy(asc(events.startsOn), asc(events.name));
    const figureIds = await figureIdsByEvent(conn, rows.map((row) => row.id));
    const figures = await loadFigures(conn, viewer, [...new Set([...figureIds].flatMap(([, ids]) => ids))], layer);
    const articleInfo = await articlesOf(conn, figures);
    // loadFigures' order, which getIncident reads an incident's figures in.
    const position = new Map(figures.map((figure, index) => [figure.annotationId, index]));
    const records: ExportIncident[] = [];
    for (const row of rows) {
      const own = [...new Set(figureIds.get(row.id) ?? [])]
        .filter((id) => position.has(id))
        .sort((a, b) => position.get(a)! - position.get(b)!)
        .map((id) => figures[position.get(id)!]!);
      if (own.length === 0) continue;
      const views = new Map(own.map((figure) => [figure.annotationId, toView(figure, articleInfo, new Set())]));
      records.push({
        id: row.id,
        title: row.name,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        place: row.place,
        categories: incidentCategories(own, views).map(({ category, min, max, minText, maxText, figures: categoryFigures }) => ({
          category,
          min,
          max,
          minText,
          maxText,
          figures: categoryFigures.map(({ annotationId, articleTitle, outlet, articleUrl, publishedOn, source, quote, valueText }) => ({
            annotationId,
            articleTitle,
            outlet,
            articleUrl,
            publishedOn,
            source,
            quote,
            valueText,
          })),
        })),
      });
    }
    return records;
  });
}

async function applyPatch(tx: Tx, before: Event, patch: Omit<IncidentPatch, 'expectedVersion'>): Promise<void> {
  const changes: Partial<Event> = {};
  if (patch.name !== undefined) {
    const name = cleanEventName(patch.name);
    if (!name) throw new AppError('incident_name_blank', 'An incident needs a name.');
    const key = eventNameKey(name);
    const [clash] = await tx.select({ id: events.id }).from(events).where(eq(events.nameKey, key)).limit(1);
    if (clash && clash.id !== before.id) throw new AppError('incident_name_taken', `There is already an incident called “${name}”.`);
    Object.assign(changes, { name, nameKey: key });
  }
  if (patch.startsOn !== undefined) changes.startsOn = patch.startsOn;
  if (patch.endsOn !== undefined) changes.endsOn = patch.endsOn;
  if (patch.place !== undefined) changes.place = patch.place?.trim() || null;
  const startsOn = changes.startsOn === undefined ? before.startsOn : changes.startsOn;
  const endsOn = changes.endsOn === undefined ? before.endsOn : changes.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new AppError('incident_dates_reversed', `The incident cannot end (${endsOn}) before it starts (${startsOn}).`);
  }
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(events)
    .set({ ...changes, version: before.version + 1, updatedAt: nowIso() })
    .where(eq(events.id, before.id));
}

async function requireEvent(conn: Conn, id: number): Promise<Event> {
  const [row] = await conn.select().from(events).where(eq(events.id, id)).limit(1);
  if (!row) throw new AppError('incident_not_found', `There is no incident ${id}.`);
  return row;
}

/** Figure ids per event: added by hand, or members of the event's live comparisons. */
async function figureIdsByEvent(conn: Conn, eventIds: number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (eventIds.length === 0) return result;
  const add = (eventId: number, annotationId: number) => {
    const list = result.get(eventId) ?? [];
    if (!list.includes(annotationId)) list.push(annotationId);
    result.set(eventId, list);
  };
  for (const row of await conn.select().from(eventFigures).where(inArray(eventFigures.eventId, eventIds))) add(row.eventId, row.annotationId);
  const members = await conn
    .select({ eventId: comparisons.eventId, annotationId: comparisonMembers.annotationId })
    .from(comparisonMembers)
    .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
    .where(inArray(comparisons.eventId, eventIds))
    .orderBy(asc(comparisonMembers.comparisonId), asc(comparisonMembers.position));
  for (const row of members) if (row.eventId !== null) add(row.eventId, row.annotationId);
  return result;
}

async function layersOf(conn: Conn, viewer: Viewer, ids: number[]): Promise<IncidentLayer[]> {
  if (ids.length === 0) return [];
  const rows = await conn
    .select({ layerId: annotations.reviewerId, name: reviewers.displayName })
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(inArray(annotations.id, ids), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)));
  const counts = new Map<number, IncidentLayer>();
  for (const row of rows) {
    const entry = counts.get(row.layerId) ?? { layerId: row.layerId, name: row.name, figureCount: 0 };
    entry.figureCount++;
    counts.set(row.layerId, entry);
  }
  return [...counts].map(([, value]) => value).sort((a, b) => a.name.localeCompare(b.name));
}

/** The incident's comparisons in one layer, by the rule of db/comparisons.ts: shown only when the viewer may see every figure in it. */
async function visibleComparisonsOf(conn: Conn, viewer: Viewer, eventId: number, layerId: number): Promise<{ id: number; title: string }[]> {
  const rows = await conn
    .select({ id: comparisons.id, title: comparisons.title })
    .from(comparisons)
    .where(and(eq(comparisons.eventId, eventId), isNull(comparisons.deletedAt), eq(comparisons.layerId, layerId)))
    .orderBy(asc(comparisons.id));
  const { members } = await visibleMembers(conn, viewer, rows.map((row) => row.id));
  return rows.filter((row) => members.has(row.id));
}

async function articlesOf(conn: Conn, figures: FigureRow[]): Promise<Map<number, ArticleDates>> {
  const ids = [...new Set(figures.map((figure) => figure.articleId))];
  const result = new Map<number, ArticleDates>();
  for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
    const rows = await conn
      .select({ id: articles.id, url: articles.url, publishedOn: articles.publishedOn, publishedTime: articles.publishedTime })
      .from(articles)
      .where(inArray(articles.id, ids.slice(from, from + IDS_PER_QUERY)));
    for (const { id, ...dates } of rows) result.set(id, dates);
  }
  return result;
}

// Ids per `inArray`: well under every engine's limit on bound parameters.
const IDS_PER_QUERY = 500;

interface ArticleDates {
  url: string | null;
  publishedOn: string | null;
  publishedTime: string | null;
}

/** Earliest first; undated reports last. */
function compareInstants(a: number | null, b: number | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a - b;
}

function outletOf(source: string, url: string | null): string {
  if (source.trim()) return source.trim();
  if (url && URL.canParse(url)) return new URL(url).host.replace(/^www\./, '');
  return '';
}

function toView(figure: FigureRow, info: Map<number, ArticleDates>, direct: Set<number>): IncidentFigureView {
  const article = info.get(figure.articleId);
  const { min, max, qualifier, category, counted, place, time, vague } = figure.figure;
  return {
    annotationId: figure.annotationId,
    articleId: figure.articleId,
    articleTitle: figure.articleTitle,
    outlet: outletOf(figure.articleSource, article?.url ?? null),
    articleUrl: article?.url ?? null,
    publishedOn: article?.publishedOn ?? null,
    publishedTime: article?.publishedTime ?? null,
    quote: figure.quote,
    valueText: valueText({ min, max, qualifier, vague }),
    min,
    max,
    qualifier,
    category,
    counted,
    place,
    time,
    source: figure.figure.sourceActor?.canonicalName ?? figure.figure.sourceText,
    direct: direct.has(figure.annotationId),
  };
}

function rangeInput(figure: FigureRow) {
  return { annotationId: figure.annotationId, category: figure.figure.category, min: figure.figure.min, max: figure.figure.max, qualifier: figure.figure.qualifier };
}

function rangeText(low: Bound | null, high: Bound | null): string {
  const from = boundText(low, 'low');
  const to = boundText(high, 'high');
  return from === to ? from : `${from} – ${to}`;
}

function byId(figures: FigureRow[]): Map<number, FigureRow> {
  return new Map(figures.map((figure) => [figure.annotationId, figure]));
}
