import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Label } from '../lib/labels';
import { toMatchQuery } from '../lib/search/query';
import { annotationVisibilityCondition, articleAccessCondition, type Viewer } from './access';
import type { Database } from './database';
import { annotationMatches, articleMatches, articleRelevance, articleSnippet } from './dialect';
import { annotations, articles, reviewers } from './schema';

/*
 * One search over articles and annotations (issue 13, point 5), served by the full-text indexes
 * that triggers keep in sync (FTS5 on SQLite, migration 0006; tsvector on PostgreSQL,
 * migrations-pg 0001). The access rules are the same conditions the library and the reader use, so a search never shows what the viewer could not open:
 * unassigned articles, another reviewer's blind layer, the gold layer for reviewers.
 * Only the latest version of an article is searched (older versions repeat its annotations).
 */

export interface ArticleHit {
  id: number;
  title: string;
  source: string;
  /** A stretch of the text around the match, the matched words between « and ». */
  snippet: string;
}

export interface AnnotationHit {
  id: number;
  articleId: number;
  articleTitle: string;
  layerId: number;
  layerName: string;
  label: Label;
  quote: string;
  note: string;
}

export interface SearchResults {
  articles: ArticleHit[];
  annotations: AnnotationHit[];
}

const LIMIT = 50;

export async function searchLibrary(db: Database, viewer: Viewer, input: string): Promise<SearchResults> {
  const match = toMatchQuery(input);
  if (match === null) return { articles: [], annotations: [] };
  return db.read(async (conn) => {
    const listedForViewer = and(isNull(articles.deletedAt), isNull(articles.nextVersionId), articleAccessCondition(viewer));
    const hit = { id: articles.id, title: articles.title, source: articles.source, snippet: articleSnippet(input) };
    // SQLite's snippet() and bm25() read the FTS5 row, so its table leads the query there;
    // PostgreSQL ranks and highlights from the article row itself.
    const articleHits =
      db.engine === 'sqlite'
        ? await conn
            .select(hit)
            .from(sql`article_search`)
            .innerJoin(articles, sql`${articles.id} = article_search.rowid`)
            .where(and(sql`article_search MATCH ${match}`, listedForViewer))
            .orderBy(articleRelevance(input), desc(articles.id))
            .limit(LIMIT)
        : await conn
            .select(hit)
            .from(articles)
            .where(and(articleMatches(input), listedForViewer))
            .orderBy(articleRelevance(input), desc(articles.id))
            .limit(LIMIT);
    const annotationHits = await conn
      .select({
        id: annotations.id,
        articleId: annotations.articleId,
        articleTitle: articles.title,
        layerId: annotations.reviewerId,
        layerName: reviewers.displayName,
        label: annotations.label,
        quote: annotations.quote,
        note: annotations.note,
      })
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .innerJoin(reviewers, eq(reviewers.id, annotations.reviewerId))
      .where(
        and(
          annotationMatches(annotations.id, input),
          isNull(annotations.deletedAt),
          isNull(articles.deletedAt),
          isNull(articles.nextVersionId),
          articleAccessCondition(viewer),
          annotationVisibilityCondition(viewer),
        ),
      )
      .orderBy(desc(articles.id), asc(annotations.start), asc(annotations.id))
      .limit(LIMIT);
    return { articles: articleHits, annotations: annotationHits };
  });
}
