import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { countedLayers } from '../lib/agreement/counted-layers';
import { articleAgreement, libraryAgreement } from '../lib/agreement/pairwise';
import type { AgreementSpan, ArticleLayers, PairAgreement, ReviewerLayer } from '../lib/agreement/types';
import { AppError } from '../lib/errors';
import { requireAdmin, type Viewer } from './access';
import { finishedReviewers } from './assignments';
import type { Conn, Database } from './database';
import { annotations, articles, figureDetails, reviewers } from './schema';

/*
 * The bridge between the stored layers and the pure agreement library. Which
 * layers count is lib/agreement/counted-layers.ts's rule (person layers only).
 * Agreement shows every reviewer's work side by side, hence admins only.
 */

export interface AgreementReport {
  pairs: PairAgreement[];
  /** Articles where at least two layers met, i.e. the articles the scores are computed over. */
  articles: number;
  /** The reviewers in those articles, in the order the pairs put them (first appearance). */
  reviewers: string[];
}

export interface AgreementArticleChoice {
  id: number;
  title: string;
}

/** Live articles to pick from, newest first like the library. */
export async function agreementArticleChoices(db: Database, viewer: Viewer): Promise<AgreementArticleChoice[]> {
  requireAdmin(viewer);
  return db.read((conn) =>
    conn
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .where(isNull(articles.deletedAt))
      .orderBy(desc(articles.createdAt), desc(articles.id)),
  );
}

/**
 * The counted layers on each live article (or on the one given), ready for
 * lib/agreement.
 *
 * Three queries whatever the library's size: articles, spans, finished
 * assignments. Articles come in id order and layers in reviewer id order, so
 * the reviewer created first is reviewer A of a pair, run after run.
 */
export async function agreementLayers(db: Database, viewer: Viewer, articleId?: number): Promise<ArticleLayers[]> {
  requireAdmin(viewer);
  const { articleRows, spanRows, finishedRows } = await db.read(async (conn) => ({
    articleRows: await articleRowsFor(conn, articleId),
    spanRows: await spanRowsFor(conn, articleId),
    finishedRows: await finishedReviewers(conn, articleId),
  }));
  if (articleId !== undefined && articleRows.length === 0) {
    throw new AppError('article_not_found', `There is no article ${articleId}.`);
  }

  // Spans and assignments on deleted articles find no article here and are dropped, rather
  // than filtered in each query.
  const spansByArticle = groupByArticle(spanRows);
  const finishedByArticle = groupByArticle(finishedRows);
  return articleRows.map((article) => ({
    articleId: article.id,
    text: article.text,
    layers: countedLayers(spansByArticle.get(article.id) ?? [], personOf, finishedByArticle.get(article.id) ?? []).map(
      ({ person, spans }): ReviewerLayer => ({ reviewer: person.username, spans: spans.map(toAgreementSpan) }),
    ),
  }));
}

function articleRowsFor(conn: Conn, articleId: number | undefined) {
  return conn
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(and(isNull(articles.deletedAt), articleId === undefined ? undefined : eq(articles.id, articleId)))
    .orderBy(asc(articles.id));
}

function spanRowsFor(conn: Conn, articleId: number | undefined) {
  return conn
    .select({
      articleId: annotations.articleId,
      reviewerId: annotations.reviewerId,
      username: reviewers.username,
      label: annotations.label,
      start: annotations.start,
      end: annotations.end,
      valueMin: figureDetails.valueMin,
      valueMax: figureDetails.valueMax,
      category: figureDetails.category,
    })
    .from(annotations)
    .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
    .leftJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
    .where(and(isNull(annotations.deletedAt), eq(reviewers.kind, 'person'), articleId === undefined ? undefined : eq(annotations.articleId, articleId)))
    .orderBy(asc(annotations.articleId), asc(annotations.start), asc(annotations.end), asc(annotations.id));
}

type SpanRow = {
  reviewerId: number;
  username: string;
  label: AgreementSpan['label'];
  start: number;
  end: number;
  valueMin: number | null;
  valueMax: number | null;
  category: string | null;
};

const personOf = (row: SpanRow) => ({ reviewerId: row.reviewerId, username: row.username });

function toAgreementSpan(row: SpanRow): AgreementSpan {
  const span: AgreementSpan = { label: row.label, start: row.start, end: row.end };
  // Only figure spans carry a reading; a figure whose details row is missing is compared
  // as a span but has nothing to say about value or category.
  if (row.label === 'figure') {
    span.figure = row.category === null ? null : { min: row.valueMin, max: row.valueMax, category: row.category };
  }
  return span;
}

function groupByArticle<T extends { articleId: number }>(rows: readonly T[]): Map<number, T[]> {
  const byArticle = new Map<number, T[]>();
  for (const row of rows) {
    const list = byArticle.get(row.articleId);
    if (list) list.push(row);
    else byArticle.set(row.articleId, [row]);
  }
  return byArticle;
}

/** Pairwise agreement on one article, or micro-averaged over the whole library. */
export async function agreementForViewer(db: Database, viewer: Viewer, articleId?: number): Promise<AgreementReport> {
  const layered = await agreementLayers(db, viewer, articleId);
  const compared = layered.filter((article) => new Set(article.layers.map((layer) => layer.reviewer)).size >= 2);
  const [single] = layered;
  const pairs = articleId !== undefined && single ? articleAgreement(single) : libraryAgreement(compared);
  const reviewers = new Set<string>();
  for (const article of compared) for (const layer of article.layers) reviewers.add(layer.reviewer);
  return { pairs, articles: compared.length, reviewers: [...reviewers] };
}
