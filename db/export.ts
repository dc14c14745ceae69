import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { resolveLayerChoice, type LayerChoice } from '../lib/export/layer-choice';
import { AppError } from '../lib/errors';
import type {
  ExportActor,
  ExportArticle,
  ExportAuthor,
  ExportComparison,
  ExportContext,
  ExportFigure,
} from '../lib/export/types';
import { verdictGivenAt, type HistoryStateRow } from '../lib/history/verdict-time';
import { annotationVisibilityCondition, articleAccessCondition, isAdmin, type Viewer } from './access';
import { listActors } from './actors';
import { loadDetails, type FigureView } from './annotation-details';
import { visibleMembers, type FigureRow } from './comparisons';
import type { Conn, Database } from './database';
import { annotations, articles, comparisonMembers, comparisons, events, history, reviewers, type Annotation, type Article } from './schema';

export type { LayerChoice };

export interface ExportSelection {
  ids?: number[];
  /** Defaults to gold for admins and to their own layer for reviewers. */
  layer?: LayerChoice;
}

/**
 * What every format is written with: where this Crosscheck is served and who publishes the
 * reviews. The organisation is a setting (CROSSCHECK_ORGANISATION_NAME, _URL) because a
 * ClaimReview's author is the fact-checking organisation, not the reviewer who clicked.
 */
export function exportContext(baseUrl: string, now: Date = new Date()): ExportContext {
  const name = process.env.CROSSCHECK_ORGANISATION_NAME?.trim() || 'Crosscheck';
  const url = process.env.CROSSCHECK_ORGANISATION_URL?.trim() || baseUrl.replace(/\/+$/, '');
  return { baseUrl, exportedAt: now.toISOString(), organisation: { name, url } };
}

/** How many articles an export holds, for progress reporting; also checks the selection up front. */
export async function countExportArticles(db: Database, viewer: Viewer, selection: ExportSelection = {}): Promise<number> {
  return db.read(async (conn) => {
    await layerIdsFor(conn, viewer, selection.layer);
    if (selection.ids) return (await exportArticleIdsIn(conn, viewer, selection.ids)).length;
    return conn.$count(articles, and(isNull(articles.deletedAt), articleAccessCondition(viewer)));
  });
}

/**
 * The layer ids an export reads (null: every layer the viewer may see), by
 * lib/export/layer-choice.ts's rule.
 */
export async function resolveLayer(db: Database, viewer: Viewer, layer: LayerChoice | undefined): Promise<number[] | null> {
  return db.read((conn) => layerIdsFor(conn, viewer, layer));
}

async function layerIdsFor(conn: Conn, viewer: Viewer, layer: LayerChoice | undefined): Promise<number[] | null> {
  const choice = resolveLayerChoice({ admin: isAdmin(viewer), username: viewer.username }, layer);
  if (choice.kind === 'self') return [viewer.id];
  if (choice.kind === 'all') return null;
  const [row] =
    choice.kind === 'gold'
      ? await conn.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.kind, 'gold')).limit(1)
      : await conn.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.username, choice.username)).limit(1);
  if (!row) {
    const named = choice.kind === 'gold' ? 'gold' : choice.username;
    throw new AppError('layer_not_found', `There is no layer "${named}": use gold, all, or a reviewer's username.`);
  }
  return [row.id];
}

/** Articles read per `db.read` at most: the connection is let go between pages, and memory holds one page. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * What one page may hold besides: a few very long articles (a 200,000-word report with 10,000
 * annotations) fill a page on their own, so a page of them does not hold hundreds at once.
 * A page always takes at least one article.
 */
const PAGE_BUDGET = { textChars: 4_000_000, annotations: 20_000 };

// Ids per `inArray`: well under every engine's limit on bound parameters.
const IDS_PER_QUERY = 500;

interface ExportSetup {
  layerIds: number[] | null;
  actors: ActorLookup;
  authorOf: (id: number) => ExportAuthor;
  /** The given ids, checked, without repeats, in the given order; undefined: every article the viewer may open. */
  ids: number[] | undefined;
}

/**
 * The articles to export (all live ones the viewer may open, by id, or the given ids in the
 * given order), read a page at a time (up to EXPORT_PAGE_SIZE articles per `db.read`, keyset on
 * the article id) and handed on one by one: a whole library streams through a format in flat
 * memory, and the connection is free between pages. The selection is checked at the first
 * step, before any article is yielded.
 */
export async function* exportArticles(db: Database, viewer: Viewer, selection: ExportSelection = {}): AsyncGenerator<ExportArticle> {
  const setup = await db.read(async (conn): Promise<ExportSetup> => {
    const layerIds = await layerIdsFor(conn, viewer, selection.layer);
    const ids = selection.ids ? await exportArticleIdsIn(conn, viewer, selection.ids) : undefined;
    const authors = new Map((await conn.select().from(reviewers)).map((row) => [row.id, { username: row.username, name: row.displayName }]));
    const authorOf = (id: number): ExportAuthor => authors.get(id) ?? { username: `reviewer-${id}`, name: `Reviewer ${id}` };
    return { layerIds, actors: await actorLookup(db), authorOf, ids };
  });
  const live = (condition: SQL) => and(condition, isNull(articles.deletedAt), articleAccessCondition(viewer));

  if (setup.ids) {
    const ids = setup.ids;
    let from = 0;
    while (from < ids.length) {
      const window = ids.slice(from, from + EXPORT_PAGE_SIZE);
      const page = await db.read(async (conn) => {
        const sizes = await articleSizes(conn, live(inArray(articles.id, window)));
        // An article deleted since the export began is left out.
        const chosen = withinBudget(window.filter((id) => sizes.has(id)), sizes);
        const last = chosen.at(-1);
        const used = last === undefined ? window.length : window.indexOf(last) + 1;
        const rows = chosen.length === 0 ? [] : await conn.select().from(articles).where(live(inArray(articles.id, chosen)));
        const byId = new Map(rows.map((row) => [row.id, row]));
        return { used, articles: await exportPage(conn, viewer, setup, chosen.flatMap((id) => byId.get(id) ?? [])) };
      });
      yield* page.articles;
      from += page.used;
    }
    return;
  }

  let after = 0;
  for (;;) {
    const page = await db.read(async (conn) => {
      const candidates = await articleSizes(conn, live(gt(articles.id, after)), EXPORT_PAGE_SIZE);
      const chosen = withinBudget([...candidates.keys()], candidates);
      const rows = chosen.length === 0 ? [] : await conn.select().from(articles).where(live(inArray(articles.id, chosen))).orderBy(asc(articles.id));
      const more = candidates.size === EXPORT_PAGE_SIZE || chosen.length < candidates.size;
      return { last: chosen.at(-1), more, articles: await exportPage(conn, viewer, setup, rows) };
    });
    yield* page.articles;
    if (page.last === undefined || !page.more) return;
    after = page.last;
  }
}

interface ArticleSize {
  textChars: number;
  annotations: number;
}

/** The size of each article matched (in id order, up to `limit`): its text's length and its live annotations. */
async function articleSizes(conn: Conn, condition: SQL | undefined, limit?: number): Promise<Map<number, ArticleSize>> {
  const query = conn
    .select({ id: articles.id, textChars: sql<number>`length(${articles.text})` })
    .from(articles)
    .where(condition)
    .orderBy(asc(articles.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  const sizes = new Map(rows.map((row) => [row.id, { textChars: Number(row.textChars), annotations: 0 }]));
  if (sizes.size === 0) return sizes;
  const counts = await conn
    .select({ articleId: annotations.articleId, n: count() })
    .from(annotations)
    .where(and(inArray(annotations.articleId, [...sizes.keys()]), isNull(annotations.deletedAt)))
    .groupBy(annotations.articleId);
  for (const { articleId, n } of counts) {
    const size = sizes.get(articleId);
    if (size) size.annotations = Number(n);
  }
  return sizes;
}

/** The longest prefix of `ids` within PAGE_BUDGET, and never less than one article. */
function withinBudget(ids: number[], sizes: Map<number, ArticleSize>): number[] {
  let textChars = 0;
  let annotationCount = 0;
  const chosen: number[] = [];
  for (const id of ids) {
    const size = sizes.get(id) ?? { textChars: 0, annotations: 0 };
    textChars += size.textChars;
    annotationCount += size.annotations;
    if (chosen.length > 0 && (textChars > PAGE_BUDGET.textChars || annotationCount > PAGE_BUDGET.annotations)) break;
    chosen.push(id);
  }
  return chosen;
}

/** One page of articles in the export's shape: their annotations, details, verdict times and comparisons, a few queries for the whole page. */
async function exportPage(conn: Conn, viewer: Viewer, setup: ExportSetup, page: Article[]): Promise<ExportArticle[]> {
  if (page.length === 0) return [];
  const { layerIds, actors, authorOf } = setup;
  const articleIds = page.map((article) => article.id);
  const scope = and(
    inArray(annotations.articleId, articleIds),
    isNull(annotations.deletedAt),
    layerIds ? inArray(annotations.reviewerId, layerIds) : undefined,
    annotationVisibilityCondition(viewer),
  );
  const rows = await conn
    .select()
    .from(annotations)
    .where(scope)
    .orderBy(asc(annotations.articleId), asc(annotations.start), desc(annotations.end), asc(annotations.id));
  const details = await loadDetails(conn, rows, scope);
  const ratedAt = await verdictTimes(conn, rows.filter((row) => row.label === 'claim').map((row) => row.id));
  const comparisonsOf = await pageComparisons(conn, viewer, articleIds, layerIds, actors, authorOf);
  const annotationsOf = new Map<number, Annotation[]>();
  for (const row of rows) annotationsOf.set(row.articleId, [...(annotationsOf.get(row.articleId) ?? []), row]);

  return page.map((article) => ({
    id: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    publishedOn: article.publishedOn,
    publishedTime: article.publishedTime,
    text: article.text,
    wordCount: article.wordCount,
    author: authorOf(article.createdBy),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    annotations: (annotationsOf.get(article.id) ?? []).map((row) => {
      const detail = details.get(row.id);
      return {
        id: row.id,
        label: row.label,
        start: row.start,
        end: row.end,
        quote: row.quote,
        prefix: row.prefix,
        suffix: row.suffix,
        note: row.note,
        author: authorOf(row.reviewerId),
        version: row.version,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        actor: detail?.actor ? actors(detail.actor.id) : null,
        figure: detail?.figure ? toExportFigure(detail.figure, actors) : null,
        claim: detail?.claim
          ? {
              status: detail.claim.status,
              claimant: detail.claim.claimant ? actors(detail.claim.claimant.id) : null,
              ratedAt: ratedAt.get(row.id) ?? null,
            }
          : null,
      };
    }),
    comparisons: comparisonsOf.get(article.id) ?? [],
  }));
}

/**
 * The comparisons each article of a page takes part in, as db/comparisons.ts shows them
 * (comparisonsForArticle, getComparison): those holding a figure of the article, shown only
 * to a viewer who may see every figure in them, in id order; and with a chosen layer, only
 * those whose figures are all in it, so their ids resolve in the file.
 */
async function pageComparisons(
  conn: Conn,
  viewer: Viewer,
  articleIds: number[],
  layerIds: number[] | null,
  actors: ActorLookup,
  authorOf: (id: number) => ExportAuthor,
): Promise<Map<number, ExportComparison[]>> {
  const result = new Map<number, ExportComparison[]>();
  const links = await conn
    .selectDistinct({ articleId: annotations.articleId, comparisonId: comparisonMembers.comparisonId })
    .from(comparisonMembers)
    .innerJoin(annotations, eq(annotations.id, comparisonMembers.annotationId))
    .where(inArray(annotations.articleId, articleIds));
  const ids = [...new Set(links.map((link) => link.comparisonId))];
  if (ids.length === 0) return result;
  const { members, figures } = await visibleMembers(conn, viewer, ids);
  const rows = await conn
    .select({ comparison: comparisons, eventName: events.name })
    .from(comparisons)
    .leftJoin(events, eq(events.id, comparisons.eventId))
    .where(and(inArray(comparisons.id, ids), isNull(comparisons.deletedAt)))
    .orderBy(asc(comparisons.id));
  const inLayers = layerIds === null ? null : await layersOfAnnotations(conn, [...new Set([...members].flatMap(([, ids]) => ids))]);
  const exported = new Map<number, ExportComparison>();
  for (const { comparison, eventName } of rows) {
    const memberIds = members.get(comparison.id);
    if (!memberIds) continue;
    if (inLayers && layerIds && !memberIds.every((id) => {
      const layerId = inLayers.get(id);
      return layerId === undefined || layerIds.includes(layerId);
    })) {
      continue;
    }
    exported.set(comparison.id, {
      id: comparison.id,
      title: comparison.title,
      status: comparison.status,
      resolutionNote: comparison.resolutionNote,
      event: eventName,
      author: authorOf(comparison.createdBy),
      version: comparison.version,
      createdAt: comparison.createdAt,
      updatedAt: comparison.updatedAt,
      figures: memberIds.flatMap((id) => {
        const figure: FigureRow | undefined = figures.get(id);
        return figure ? [{ articleId: figure.articleId, annotationId: figure.annotationId, quote: figure.quote, figure: toExportFigure(figure.figure, actors) }] : [];
      }),
    });
  }
  const byArticle = new Map<number, Set<number>>();
  for (const link of links) byArticle.set(link.articleId, (byArticle.get(link.articleId) ?? new Set()).add(link.comparisonId));
  for (const articleId of articleIds) {
    const own = byArticle.get(articleId);
    if (!own) continue;
    result.set(
      articleId,
      [...exported].map(([, value]) => value).filter((comparison) => own.has(comparison.id)),
    );
  }
  return result;
}

/** Each annotation's layer (its reviewer id), a few hundred ids per query. */
async function layersOfAnnotations(conn: Conn, annotationIds: number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  for (let from = 0; from < annotationIds.length; from += IDS_PER_QUERY) {
    const slice = annotationIds.slice(from, from + IDS_PER_QUERY);
    for (const row of await conn.select({ id: annotations.id, reviewerId: annotations.reviewerId }).from(annotations).where(inArray(annotations.id, slice))) {
      result.set(row.id, row.reviewerId);
    }
  }
  return result;
}

/** When each claim's current status was set, read from its history (a few hundred claims per query). */
async function verdictTimes(conn: Conn, claimIds: number[]): Promise<Map<number, string | null>> {
  const times = new Map<number, string | null>();
  if (claimIds.length === 0) return times;
  const byClaim = new Map<number, HistoryStateRow[]>(claimIds.map((id) => [id, []]));
  for (let from = 0; from < claimIds.length; from += IDS_PER_QUERY) {
    const slice = claimIds.slice(from, from + IDS_PER_QUERY);
    const rows = await conn
      .select({ entityId: history.entityId, at: history.at, before: history.before, after: history.after })
      .from(history)
      .where(and(eq(history.entityType, 'annotation'), inArray(history.entityId, slice)))
      .orderBy(asc(history.id));
    for (const row of rows) byClaim.get(row.entityId)?.push({ at: row.at, before: parseState(row.before), after: parseState(row.after) });
  }
  for (const [id, own] of byClaim) times.set(id, verdictGivenAt(own));
  return times;
}

function parseState(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

/** A comparison travels with a layer only when all its figures are in it, so its ids resolve in the file. */
export async function everyInLayers(db: Database, annotationIds: number[], layerIds: number[]): Promise<boolean> {
  if (annotationIds.length === 0) return true;
  return db.read(async (conn) => {
    const layers = await layersOfAnnotations(conn, annotationIds);
    return [...layers].map(([, value]) => value).every((layerId) => layerIds.includes(layerId));
  });
}

/**
 * The articles to export: every live one the viewer may open, by id; or the given ids (each
 * must be one), without repeats, in the given order.
 */
export async function exportArticleIds(db: Database, viewer: Viewer, ids?: number[]): Promise<number[]> {
  return db.read(async (conn) => {
    if (ids) return exportArticleIdsIn(conn, viewer, ids);
    const rows = await conn
      .select({ id: articles.id })
      .from(articles)
      .where(and(isNull(articles.deletedAt), articleAccessCondition(viewer)))
      .orderBy(asc(articles.id));
    return rows.map((row) => row.id);
  });
}

async function exportArticleIdsIn(conn: Conn, viewer: Viewer, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const live = new Set<number>();
  for (let from = 0; from < unique.length; from += IDS_PER_QUERY) {
    const slice = unique.slice(from, from + IDS_PER_QUERY);
    const rows = await conn
      .select({ id: articles.id })
      .from(articles)
      .where(and(inArray(articles.id, slice), isNull(articles.deletedAt), articleAccessCondition(viewer)));
    for (const row of rows) live.add(row.id);
  }
  const missing = ids.filter((id) => !live.has(id));
  if (missing.length > 0) throw new AppError('article_not_found', `There is no article ${missing.join(', ')} to export.`, { missing });
  return unique;
}

type ActorLookup = (id: number) => ExportActor;

async function actorLookup(db: Database): Promise<ActorLookup> {
  const byId = new Map((await listActors(db)).map((actor) => [actor.id, { name: actor.canonicalName, kind: actor.kind, aliases: actor.aliases }]));
  return (id) => byId.get(id) ?? { name: `Actor ${id}`, kind: 'other', aliases: [] };
}

function toExportFigure(figure: FigureView, actors: ActorLookup): ExportFigure {
  const { sourceActor, ...rest } = figure;
  return { ...rest, source: sourceActor ? actors(sourceActor.id) : null };
}
