import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
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
import { getDb } from './client';
import { comparisonsForArticle, getComparison } from './comparisons';
import { annotations, articles, history, reviewers } from './schema';

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
export function countExportArticles(viewer: Viewer, selection: ExportSelection = {}): number {
  resolveLayer(viewer, selection.layer);
  return exportArticleIds(viewer, selection.ids).length;
}

/**
 * The layer ids an export reads (null: every layer the viewer may see), by
 * lib/export/layer-choice.ts's rule.
 */
export function resolveLayer(viewer: Viewer, layer: LayerChoice | undefined): number[] | null {
  const db = getDb();
  const choice = resolveLayerChoice({ admin: isAdmin(viewer), username: viewer.username }, layer);
  if (choice.kind === 'self') return [viewer.id];
  if (choice.kind === 'all') return null;
  const row =
    choice.kind === 'gold'
      ? db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.kind, 'gold')).get()
      : db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.username, choice.username)).get();
  if (!row) {
    const named = choice.kind === 'gold' ? 'gold' : choice.username;
    throw new AppError('layer_not_found', `There is no layer "${named}": use gold, all, or a reviewer's username.`);
  }
  return [row.id];
}

/**
 * The articles to export (all live ones, or the given ids in the given order), each
 * read from the database only when the consumer asks for it: a whole library streams
 * through a format in constant memory.
 */
export function* exportArticles(viewer: Viewer, selection: ExportSelection = {}): Generator<ExportArticle> {
  const db = getDb();
  const layerIds = resolveLayer(viewer, selection.layer);
  const inLayer = layerIds ? inArray(annotations.reviewerId, layerIds) : undefined;
  const actors = actorLookup();
  const authors = new Map(db.select().from(reviewers).all().map((row) => [row.id, { username: row.username, name: row.displayName }]));
  const authorOf = (id: number): ExportAuthor => authors.get(id) ?? { username: `reviewer-${id}`, name: `Reviewer ${id}` };

  for (const id of exportArticleIds(viewer, selection.ids)) {
    const article = db
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .get();
    if (!article) continue;
    const scope = and(eq(annotations.articleId, id), isNull(annotations.deletedAt), inLayer, annotationVisibilityCondition(viewer));
    const rows = db
      .select()
      .from(annotations)
      .where(scope)
      .orderBy(asc(annotations.start), desc(annotations.end), asc(annotations.id))
      .all();
    const details = loadDetails(db, rows, scope);
    const ratedAt = verdictTimes(rows.filter((row) => row.label === 'claim').map((row) => row.id));
    yield {
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
      annotations: rows.map((row) => {
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
      comparisons: comparisonsForArticle(viewer, id)
        .filter((comparison) => layerIds === null || everyInLayers(comparison.annotationIds, layerIds))
        .map((comparison) => exportComparison(viewer, comparison.id, actors, authorOf)),
    };
  }
}

/** When each claim's current status was set, read from its history (one query per article). */
function verdictTimes(claimIds: number[]): Map<number, string | null> {
  const times = new Map<number, string | null>();
  if (claimIds.length === 0) return times;
  const rows = getDb()
    .select({ entityId: history.entityId, at: history.at, before: history.before, after: history.after })
    .from(history)
    .where(and(eq(history.entityType, 'annotation'), inArray(history.entityId, claimIds)))
    .orderBy(asc(history.id))
    .all();
  const byClaim = new Map<number, HistoryStateRow[]>(claimIds.map((id) => [id, []]));
  for (const row of rows) byClaim.get(row.entityId)?.push({ at: row.at, before: parseState(row.before), after: parseState(row.after) });
  for (const [id, own] of byClaim) times.set(id, verdictGivenAt(own));
  return times;
}

function parseState(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

/** A comparison travels with a layer only when all its figures are in it, so its ids resolve in the file. */
export function everyInLayers(annotationIds: number[], layerIds: number[]): boolean {
  if (annotationIds.length === 0) return true;
  const rows = getDb().select({ reviewerId: annotations.reviewerId }).from(annotations).where(inArray(annotations.id, annotationIds)).all();
  return rows.every((row) => layerIds.includes(row.reviewerId));
}

export function exportArticleIds(viewer: Viewer, ids?: number[]): number[] {
  const db = getDb();
  if (!ids) {
    return db
      .select({ id: articles.id })
      .from(articles)
      .where(and(isNull(articles.deletedAt), articleAccessCondition(viewer)))
      .orderBy(asc(articles.id))
      .all()
      .map((row) => row.id);
  }
  const live = new Set(
    db
      .select({ id: articles.id })
      .from(articles)
      .where(and(inArray(articles.id, ids), isNull(articles.deletedAt), articleAccessCondition(viewer)))
      .all()
      .map((row) => row.id),
  );
  const missing = ids.filter((id) => !live.has(id));
  if (missing.length > 0) throw new AppError('article_not_found', `There is no article ${missing.join(', ')} to export.`, { missing });
  return [...new Set(ids)];
}

type ActorLookup = (id: number) => ExportActor;

function actorLookup(): ActorLookup {
  const byId = new Map(listActors().map((actor) => [actor.id, { name: actor.canonicalName, kind: actor.kind, aliases: actor.aliases }]));
  return (id) => byId.get(id) ?? { name: `Actor ${id}`, kind: 'other', aliases: [] };
}

function toExportFigure(figure: FigureView, actors: ActorLookup): ExportFigure {
  const { sourceActor, ...rest } = figure;
  return { ...rest, source: sourceActor ? actors(sourceActor.id) : null };
}

function exportComparison(viewer: Viewer, id: number, actors: ActorLookup, authorOf: (id: number) => ExportAuthor): ExportComparison {
  const detail = getComparison(viewer, id);
  return {
    id: detail.id,
    title: detail.title,
    status: detail.status,
    resolutionNote: detail.resolutionNote,
    event: detail.eventName,
    author: authorOf(detail.createdBy),
    version: detail.version,
    createdAt: detail.createdAt,
    updatedAt: detail.updatedAt,
    figures: detail.figures.map((figure) => ({
      articleId: figure.articleId,
      annotationId: figure.annotationId,
      quote: figure.quote,
      figure: toExportFigure(figure.figure, actors),
    })),
  };
}
