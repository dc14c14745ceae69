import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { DEFAULT_WINDOW_DAYS, findConflicts, shiftDate, type ConflictFigure, type ConflictGroup } from '../lib/conflicts/find';
import { AppError } from '../lib/errors';
import { annotationVisibilityCondition, canWriteLayer, isAdmin, type Viewer } from './access';
import { countedLayerId } from './articles';
import { dismissSuggestion, loadFigures, withSentences, type ComparedFigure } from './comparisons';
import type { Conn, Database } from './database';
import { annotations, articles, comparisonMembers, comparisons, dismissedSuggestions, eventFigures, figureDetails, figureTimeline, reviewers } from './schema';

/*
 * The library's conflict finder (issue 13, point 3): groups of figures from different
 * articles of one layer that seem to report the same incident and disagree (the rule is
 * lib/conflicts/find.ts), newest first, a page at a time.
 *
 * Computed on read, not kept in a table. The rule relates figures through normalised who,
 * place and outcome, and groups are transitive: one edited figure can split or merge groups
 * anywhere in its window, so a stored list of groups would have to be recomputed around every
 * write, on every write path (reader, API, imports, versions, adjudication). Instead the
 * figure_timeline table (filled by triggers on every write path) keeps each figure's layer and
 * article date under one index, and a page reads only the figures dated near the ones it
 * shows: a batch of the newest figures (the seeds) and everything within the window around
 * them, grouped in memory. The cost of a page depends on how many figures are dated near it,
 * not on the size of the library, and what it shows is always current.
 */

/** One figure of a proposed group, with what a reviewer needs to judge it. */
export interface ConflictFigureView extends ComparedFigure {
  publishedOn: string;
}

export interface ConflictView extends Omit<ConflictGroup, 'newest' | 'dates'> {
  figures: ConflictFigureView[];
}

export interface ConflictPage {
  layerId: number;
  layerName: string;
  /** Whether the viewer may act on this layer (compare, add to an incident, dismiss): their own, or gold for an admin. */
  writable: boolean;
  windowDays: number;
  conflicts: ConflictView[];
  /** Where the next page starts (see cursorText), or null when every figure was looked at. */
  nextCursor: string | null;
  /** The oldest article date this page looked at: the finder stops early on a quiet stretch. */
  searchedBackTo: string | null;
}

export interface ConflictQuery {
  layerId?: number;
  cursor?: string;
  limit?: number;
  windowDays?: number;
}

export const CONFLICTS_PER_PAGE = 25;

// Seeds read per step: a few days of a busy library. A page stops after MAX_STEPS steps even
// when it found fewer groups than it shows, so a stretch without conflicts cannot make one
// request read the whole library; the page then offers to look further back.
const SEEDS_PER_STEP = 500;
const MAX_STEPS = 4;

interface Position {
  publishedOn: string;
  annotationId: number;
}

/** "2023-11-23~42": the newest figure of the last group shown; the next page starts below it. */
export function cursorText(position: Position): string {
  return `${position.publishedOn}~${position.annotationId}`;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})~([1-9]\d{0,15})$/;

function readCursor(text: string | undefined): Position | null {
  if (text === undefined) return null;
  const match = CURSOR.exec(text);
  if (!match) throw new AppError('conflict_cursor_invalid', 'The cursor is not one this page gave out: start again from the first page.');
  return { publishedOn: match[1] as string, annotationId: Number(match[2]) };
}

// Descending order by (date, id): whether a comes before b on the page.
function newer(a: Position, b: Position): boolean {
  return a.publishedOn > b.publishedOn || (a.publishedOn === b.publishedOn && a.annotationId > b.annotationId);
}

/**
 * Reviewers read conflicts in their own layer only: one reviewer's reading of an article is not
 * shown to another through the finder. Admins may read any layer (gold by default).
 */
async function requireLayer(conn: Conn, viewer: Viewer, layerId: number): Promise<{ id: number; name: string }> {
  if (!isAdmin(viewer) && layerId !== viewer.id) {
    throw new AppError('layer_not_visible', "Conflicts are found within your own layer: another reviewer's layer is not shown to you.");
  }
  const [row] = await conn.select({ id: reviewers.id, name: reviewers.displayName }).from(reviewers).where(eq(reviewers.id, layerId)).limit(1);
  if (!row) throw new AppError('layer_not_found', `There is no layer ${layerId}.`);
  return row;
}

/** The layers an admin can choose between on the page (a reviewer has only their own). */
export async function conflictLayers(db: Database, viewer: Viewer): Promise<{ id: number; name: string }[]> {
  if (!isAdmin(viewer)) return [{ id: viewer.id, name: viewer.displayName }];
  return db.read((conn) =>
    conn
      .select({ id: reviewers.id, name: reviewers.displayName })
      .from(reviewers)
      .orderBy(desc(eq(reviewers.kind, 'gold')), asc(reviewers.displayName)),
  );
}

/** One page of proposed groups in one layer, newest first (by the newest figure of each group). */
export async function listConflicts(db: Database, viewer: Viewer, query: ConflictQuery = {}): Promise<ConflictPage> {
  return db.read(async (conn) => {
    const layer = await requireLayer(conn, viewer, query.layerId ?? (await countedLayerId(db, viewer)));
    const limit = query.limit ?? CONFLICTS_PER_PAGE;
    const windowDays = query.windowDays ?? DEFAULT_WINDOW_DAYS;
    let cursor = readCursor(query.cursor);
    const found: ConflictGroup[] = [];
    let searchedBackTo: string | null = null;
    let nextCursor: string | null = null;

    for (let step = 0; step < MAX_STEPS; step++) {
      const seeds = await seedsAfter(conn, layer.id, cursor);
      const newest = seeds[0];
      const oldest = seeds.at(-1);
      if (newest === undefined || oldest === undefined) {
        nextCursor = null;
        break;
      }
      searchedBackTo = oldest.publishedOn;
      const groups = await groupsNear(conn, viewer, layer.id, oldest.publishedOn, newest.publishedOn, windowDays);
      const upper = cursor;
      // Only groups whose newest figure is one of this step's seeds: the others belong to
      // another step (or page), where their whole window is read.
      const mine = (
        await keepProposable(
          conn,
          groups.filter((group) => !newer(oldest, group.newest) && (upper === null || newer(upper, group.newest))),
        )
      ).sort((a, b) => (newer(a.newest, b.newest) ? -1 : 1));
      for (const group of mine) {
        if (found.length === limit) break;
        found.push(group);
      }
      if (found.length === limit) {
        nextCursor = cursorText((found.at(-1) as ConflictGroup).newest);
        break;
      }
      cursor = oldest;
      nextCursor = seeds.length < SEEDS_PER_STEP ? null : cursorText(oldest);
      if (nextCursor === null) break;
    }

    return {
      layerId: layer.id,
      layerName: layer.name,
      writable: await canWriteLayer(conn, viewer, layer.id),
      windowDays,
      conflicts: await withFigures(conn, viewer, layer.id, found),
      nextCursor,
      searchedBackTo,
    };
  });
}

/** The groups shown, with each figure's details, article and sentence (one read for all of them). */
async function withFigures(conn: Conn, viewer: Viewer, layerId: number, groups: ConflictGroup[]): Promise<ConflictView[]> {
  const rows = await loadFigures(conn, viewer, [...new Set(groups.flatMap((group) => group.annotationIds))], layerId);
  // Every article's text is read once, for all the groups its figures are in.
  const figures = new Map((await withSentences(conn, rows)).map((figure) => [figure.annotationId, figure]));
  const dates = new Map(groups.flatMap((group) => group.dates));
  return groups.map(({ newest: _newest, dates: _dates, ...group }) => ({
    ...group,
    figures: group.annotationIds.flatMap((id) => figures.get(id) ?? []).map((figure) => ({ ...figure, publishedOn: dates.get(figure.annotationId) ?? '' })),
  }));
}

/** The next seeds: the layer's dated figures just below the cursor, newest first (one index range). */
async function seedsAfter(conn: Conn, layerId: number, cursor: Position | null): Promise<Position[]> {
  return (await conn
    .select({ publishedOn: figureTimeline.publishedOn, annotationId: figureTimeline.annotationId })
    .from(figureTimeline)
    .where(
      and(
        eq(figureTimeline.layerId, layerId),
        isNotNull(figureTimeline.publishedOn),
        cursor === null
          ? undefined
          : or(
              lt(figureTimeline.publishedOn, cursor.publishedOn),
              and(eq(figureTimeline.publishedOn, cursor.publishedOn), lt(figureTimeline.annotationId, cursor.annotationId)),
            ),
      ),
    )
    .orderBy(desc(figureTimeline.publishedOn), desc(figureTimeline.annotationId))
    .limit(SEEDS_PER_STEP)) as Position[];
}

/**
 * Every group among the layer's figures dated from `from` minus the window to `to` plus the
 * window: the whole neighbourhood of each seed, so a seed's group is the same whichever page
 * reads it. One query over the timeline's index range, joined by primary keys to what the rule
 * needs (no article text, no actor names: those are read for the groups shown only).
 * Superseded article versions take no part (an update is the same report).
 */
async function groupsNear(conn: Conn, viewer: Viewer, layerId: number, from: string, to: string, windowDays: number): Promise<ConflictGroup[]> {
  const rows = await conn
    .select({
      annotationId: figureTimeline.annotationId,
      publishedOn: figureTimeline.publishedOn,
      articleId: annotations.articleId,
      quote: annotations.quote,
      min: figureDetails.valueMin,
      max: figureDetails.valueMax,
      qualifier: figureDetails.qualifier,
      vague: figureDetails.vague,
      category: figureDetails.category,
      counted: figureDetails.counted,
      place: figureDetails.place,
      time: figureDetails.time,
    })
    .from(figureTimeline)
    .innerJoin(annotations, eq(annotations.id, figureTimeline.annotationId))
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .innerJoin(figureDetails, eq(figureDetails.annotationId, figureTimeline.annotationId))
    .where(
      and(
        eq(figureTimeline.layerId, layerId),
        gte(figureTimeline.publishedOn, shiftDate(from, -windowDays)),
        lte(figureTimeline.publishedOn, shiftDate(to, windowDays)),
        eq(annotations.label, 'figure'),
        isNull(annotations.deletedAt),
        isNull(articles.deletedAt),
        isNull(articles.nextVersionId),
        annotationVisibilityCondition(viewer),
      ),
    );
  // The source takes no part in the rule: who says so does not make two reports one incident.
  const figures: ConflictFigure[] = rows.map((row) => ({ ...row, source: null }));
  return findConflicts(figures, { windowDays });
}

/**
 * Leaves out what a reviewer has already dealt with: a dismissed group (by its exact set of
 * figures, as for the reader's suggestions: a new figure joining it brings it back), and a
 * group whose figures are all in one comparison or all in one incident.
 */
async function keepProposable(conn: Conn, groups: ConflictGroup[]): Promise<ConflictGroup[]> {
  if (groups.length === 0) return [];
  const keys = groups.map((group) => group.key);
  const dismissed = new Set(
    (await conn.select({ key: dismissedSuggestions.key }).from(dismissedSuggestions).where(inArray(dismissedSuggestions.key, keys))).map((row) => row.key),
  );
  const open = groups.filter((group) => !dismissed.has(group.key));
  const ids = [...new Set(open.flatMap((group) => group.annotationIds))];
  if (ids.length === 0) return [];
  const holders = new Map<number, Set<string>>();
  const hold = (annotationId: number, holder: string) => holders.set(annotationId, (holders.get(annotationId) ?? new Set()).add(holder));
  for (const row of await conn
    .select({ annotationId: comparisonMembers.annotationId, comparisonId: comparisons.id, eventId: comparisons.eventId })
    .from(comparisonMembers)
    .innerJoin(comparisons, and(eq(comparisons.id, comparisonMembers.comparisonId), isNull(comparisons.deletedAt)))
    .where(inArray(comparisonMembers.annotationId, ids))) {
    hold(row.annotationId, `comparison ${row.comparisonId}`);
    if (row.eventId !== null) hold(row.annotationId, `incident ${row.eventId}`);
  }
  for (const row of await conn.select().from(eventFigures).where(inArray(eventFigures.annotationId, ids))) hold(row.annotationId, `incident ${row.eventId}`);
  return open.filter((group) => {
    const [first, ...rest] = group.annotationIds.map((id) => holders.get(id) ?? new Set<string>());
    return ![...(first ?? [])].some((holder) => rest.every((set) => set.has(holder)));
  });
}

/** Remembers that the reviewer turned a group down; the same set of figures is not proposed again. */
export async function dismissConflict(db: Database, viewer: Viewer, annotationIds: number[]): Promise<void> {
  await dismissSuggestion(db, viewer, annotationIds);
}
