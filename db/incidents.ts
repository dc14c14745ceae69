import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { cleanEventName, eventNameKey } from '../lib/incidents/event-name';
import { valueText } from '../lib/comparisons/value';
import { publicationInstant } from '../lib/dates/publication-time';
import { AppError } from '../lib/errors';
import { boundText, categoryRanges, type Bound } from '../lib/incidents/ranges';
import type { ExportIncident } from '../lib/incidents/export';
import { annotationVisibilityCondition, requireAdmin, visibleAnnotation, writableAnnotation, type Viewer } from './access';
import { countedLayerId } from './articles';
import { getDb, writeTransaction, type Tx } from './client';
import { nowIso } from './clock';
import { loadFigures, resolveEvent, visibleMembers, type FigureRow, type Reader } from './comparisons';
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

export function listIncidents(viewer: Viewer, layerId: number = countedLayerId(viewer)): IncidentSummary[] {
  const db = getDb();
  const rows = db.select().from(events).orderBy(asc(events.startsOn), asc(events.name)).all();
  const figureIds = figureIdsByEvent(db, rows.map((row) => row.id));
  const figures = byId(loadFigures(db, viewer, [...new Set([...figureIds.values()].flat())], layerId));
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
}

export function getIncident(viewer: Viewer, id: number, layerId: number = countedLayerId(viewer)): IncidentDetail {
  const db = getDb();
  const event = requireEvent(db, id);
  const ids = figureIdsByEvent(db, [id]).get(id) ?? [];
  const direct = new Set(db.select({ id: eventFigures.annotationId }).from(eventFigures).where(eq(eventFigures.eventId, id)).all().map((row) => row.id));
  const layers = layersOf(db, viewer, ids);
  const figures = loadFigures(db, viewer, ids, layerId);
  const articleInfo = articlesOf(db, figures);
  const views = new Map(figures.map((figure) => [figure.annotationId, toView(figure, articleInfo, direct)]));
  const categories = categoryRanges(figures.map(rangeInput)).map((entry) => ({
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
  const timeline = [...views.values()].sort(
    (a, b) => compareInstants(publicationInstant(a.publishedOn, a.publishedTime), publicationInstant(b.publishedOn, b.publishedTime)) || a.articleId - b.articleId,
  );
  return {
    event: { id: event.id, name: event.name, startsOn: event.startsOn, endsOn: event.endsOn, place: event.place, version: event.version },
    layerId,
    layers,
    categories,
    timeline,
    comparisons: visibleComparisonsOf(db, viewer, id, layerId),
  };
}

/** A new incident, or the existing one of that name (names are unique ignoring case and spacing). */
export function createIncident(viewer: Viewer, draft: Omit<IncidentPatch, 'expectedVersion'> & { name: string }): IncidentDetail {
  const id = writeTransaction((tx) => {
    const eventId = resolveEvent(tx, draft.name);
    if (eventId === null) throw new AppError('incident_name_blank', 'An incident needs a name.');
    const existing = requireEvent(tx, eventId);
    applyPatch(tx, existing, { startsOn: draft.startsOn, endsOn: draft.endsOn, place: draft.place });
    return eventId;
  });
  return getIncident(viewer, id);
}

export function updateIncident(viewer: Viewer, id: number, patch: IncidentPatch): IncidentDetail {
  writeTransaction((tx) => {
    const before = requireEvent(tx, id);
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== before.version) {
      throw new AppError('version_conflict', `Someone changed this incident meanwhile (now version ${before.version}). Reload to see their change.`, {
        currentVersion: before.version,
      });
    }
    applyPatch(tx, before, patch);
  });
  return getIncident(viewer, id);
}

/** Adds a figure the viewer can see; adding it again changes nothing. */
export function addIncidentFigure(viewer: Viewer, id: number, annotationId: number): IncidentDetail {
  // Joining an incident changes what the figure's layer says happened: only its writers may.
  const figure = writableAnnotation(viewer, annotationId);
  if (figure.label !== 'figure') throw new AppError('not_a_figure', `Annotation ${annotationId} is a ${figure.label}, not a figure: only figures join an incident.`);
  writeTransaction((tx) => {
    requireEvent(tx, id);
    tx.insert(eventFigures).values({ eventId: id, annotationId, addedBy: viewer.id, addedAt: nowIso() }).onConflictDoNothing().run();
  });
  return getIncident(viewer, id, figure.reviewerId);
}

/** Takes out a figure added by hand (figures of the incident's comparisons leave with the comparison). */
export function removeIncidentFigure(viewer: Viewer, id: number, annotationId: number): IncidentDetail {
  const figure = writableAnnotation(viewer, annotationId);
  writeTransaction((tx) => {
    requireEvent(tx, id);
    tx.delete(eventFigures).where(and(eq(eventFigures.eventId, id), eq(eventFigures.annotationId, annotationId))).run();
  });
  return getIncident(viewer, id, figure.reviewerId);
}

/** Incidents an annotation belongs to (by hand or through a comparison), for the reader's panel. */
export function incidentsOfFigure(viewer: Viewer, annotationId: number): { id: number; name: string; direct: boolean }[] {
  visibleAnnotation(viewer, annotationId);
  const db = getDb();
  const direct = db
    .select({ id: events.id, name: events.name })
    .from(eventFigures)
    .innerJoin(events, eq(events.id, eventFigures.eventId))
    .where(eq(eventFigures.annotationId, annotationId))
    .all();
  const viaComparison = db
    .selectDistinct({ id: events.id, name: events.name })
    .from(comparisonMembers)
    .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
    .innerJoin(events, eq(events.id, comparisons.eventId))
    .where(eq(comparisonMembers.annotationId, annotationId))
    .all();
  const seen = new Map<number, { id: number; name: string; direct: boolean }>();
  for (const row of direct) seen.set(row.id, { ...row, direct: true });
  for (const row of viaComparison) if (!seen.has(row.id)) seen.set(row.id, { ...row, direct: false });
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every incident in the export's shape, read in one layer. Admins only: it spans the whole library. */
export function incidentsForExport(viewer: Viewer, layerId: number = countedLayerId(viewer)): ExportIncident[] {
  requireAdmin(viewer);
  return listIncidents(viewer, layerId)
    .filter((incident) => incident.figureCount > 0)
    .map((incident) => {
      const detail = getIncident(viewer, incident.id, layerId);
      return {
        id: incident.id,
        title: incident.name,
        startsOn: incident.startsOn,
        endsOn: incident.endsOn,
        place: incident.place,
        categories: detail.categories.map(({ category, min, max, minText, maxText, figures }) => ({
          category,
          min,
          max,
          minText,
          maxText,
          figures: figures.map(({ annotationId, articleTitle, outlet, articleUrl, publishedOn, source, quote, valueText }) => ({
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
      };
    });
}

function applyPatch(tx: Tx, before: Event, patch: Omit<IncidentPatch, 'expectedVersion'>): void {
  const changes: Partial<Event> = {};
  if (patch.name !== undefined) {
    const name = cleanEventName(patch.name);
    if (!name) throw new AppError('incident_name_blank', 'An incident needs a name.');
    const key = eventNameKey(name);
    const clash = tx.select({ id: events.id }).from(events).where(eq(events.nameKey, key)).get();
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
  tx.update(events)
    .set({ ...changes, version: before.version + 1, updatedAt: nowIso() })
    .where(eq(events.id, before.id))
    .run();
}

function requireEvent(db: Reader, id: number): Event {
  const row = db.select().from(events).where(eq(events.id, id)).get();
  if (!row) throw new AppError('incident_not_found', `There is no incident ${id}.`);
  return row;
}

/** Figure ids per event: added by hand, or members of the event's live comparisons. */
function figureIdsByEvent(db: Reader, eventIds: number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  if (eventIds.length === 0) return result;
  const add = (eventId: number, annotationId: number) => {
    const list = result.get(eventId) ?? [];
    if (!list.includes(annotationId)) list.push(annotationId);
    result.set(eventId, list);
  };
  for (const row of db.select().from(eventFigures).where(inArray(eventFigures.eventId, eventIds)).all()) add(row.eventId, row.annotationId);
  const members = db
    .select({ eventId: comparisons.eventId, annotationId: comparisonMembers.annotationId })
    .from(comparisonMembers)
    .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
    .where(inArray(comparisons.eventId, eventIds))
    .orderBy(asc(comparisonMembers.comparisonId), asc(comparisonMembers.position))
    .all();
  for (const row of members) if (row.eventId !== null) add(row.eventId, row.annotationId);
  return result;
}

function layersOf(db: Reader, viewer: Viewer, ids: number[]): IncidentLayer[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ layerId: annotations.reviewerId, name: reviewers.displayName })
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
    .where(and(inArray(annotations.id, ids), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)))
    .all();
  const counts = new Map<number, IncidentLayer>();
  for (const row of rows) {
    const entry = counts.get(row.layerId) ?? { layerId: row.layerId, name: row.name, figureCount: 0 };
    entry.figureCount++;
    counts.set(row.layerId, entry);
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The incident's comparisons in one layer, by the rule of db/comparisons.ts: shown only when the viewer may see every figure in it. */
function visibleComparisonsOf(db: Reader, viewer: Viewer, eventId: number, layerId: number): { id: number; title: string }[] {
  const rows = db
    .select({ id: comparisons.id, title: comparisons.title })
    .from(comparisons)
    .where(and(eq(comparisons.eventId, eventId), isNull(comparisons.deletedAt), eq(comparisons.layerId, layerId)))
    .orderBy(asc(comparisons.id))
    .all();
  const { members } = visibleMembers(db, viewer, rows.map((row) => row.id));
  return rows.filter((row) => members.has(row.id));
}

function articlesOf(db: Reader, figures: FigureRow[]): Map<number, ArticleDates> {
  const ids = [...new Set(figures.map((figure) => figure.articleId))];
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: articles.id, url: articles.url, publishedOn: articles.publishedOn, publishedTime: articles.publishedTime })
    .from(articles)
    .where(inArray(articles.id, ids))
    .all();
  return new Map(rows.map(({ id, ...dates }) => [id, dates]));
}

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
