import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type {
  ExportActor,
  ExportArticle,
  ExportAuthor,
  ExportComparison,
  ExportFigure,
} from '../lib/export/types';
import { listActors } from './actors';
import { loadDetails, type FigureView } from './annotation-details';
import { getDb } from './client';
import { comparisonsForArticle, getComparison } from './comparisons';
import { annotations, articles, reviewers } from './schema';

/** How many articles an export holds, for progress reporting. */
export function countExportArticles(ids?: number[]): number {
  return exportArticleIds(ids).length;
}

/**
 * The articles to export (all live ones, or the given ids in the given order), each
 * read from the database only when the consumer asks for it: a whole library streams
 * through a format in constant memory.
 */
export function* exportArticles(ids?: number[]): Generator<ExportArticle> {
  const db = getDb();
  const actors = actorLookup();
  const authors = new Map(db.select().from(reviewers).all().map((row) => [row.id, { username: row.username, name: row.displayName }]));
  const authorOf = (id: number): ExportAuthor => authors.get(id) ?? { username: `reviewer-${id}`, name: `Reviewer ${id}` };

  for (const id of exportArticleIds(ids)) {
    const article = db
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
      .get();
    if (!article) continue;
    const scope = and(eq(annotations.articleId, id), isNull(annotations.deletedAt));
    const rows = db
      .select()
      .from(annotations)
      .where(scope)
      .orderBy(asc(annotations.start), desc(annotations.end), asc(annotations.id))
      .all();
    const details = loadDetails(db, rows, scope);
    yield {
      id: article.id,
      title: article.title,
      source: article.source,
      url: article.url,
      publishedOn: article.publishedOn,
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
          claim: detail?.claim ? { status: detail.claim.status, claimant: detail.claim.claimant ? actors(detail.claim.claimant.id) : null } : null,
        };
      }),
      comparisons: comparisonsForArticle(id).map((comparison) => exportComparison(comparison.id, actors, authorOf)),
    };
  }
}

function exportArticleIds(ids?: number[]): number[] {
  const db = getDb();
  if (!ids) {
    return db
      .select({ id: articles.id })
      .from(articles)
      .where(isNull(articles.deletedAt))
      .orderBy(asc(articles.id))
      .all()
      .map((row) => row.id);
  }
  const live = new Set(
    db
      .select({ id: articles.id })
      .from(articles)
      .where(and(inArray(articles.id, ids), isNull(articles.deletedAt)))
      .all()
      .map((row) => row.id),
  );
  const missing = ids.filter((id) => !live.has(id));
  if (missing.length > 0) throw new AppError('article_not_found', 404, `There is no article ${missing.join(', ')} to export.`, { missing });
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

function exportComparison(id: number, actors: ActorLookup, authorOf: (id: number) => ExportAuthor): ExportComparison {
  const detail = getComparison(id);
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
