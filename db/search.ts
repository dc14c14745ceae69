import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Label } from '../lib/labels';
import { toMatchQuery } from '../lib/search/query';
import { annotationVisibilityCondition, articleAccessCondition, type Viewer } from './access';
import type { Database } from './database';
import { annotations, articles, reviewers } from './schema';

/*
 * One search over articles and annotations (issue 13, point 5), served by the FTS5 indexes
 * that migration 0005 keeps in sync with triggers. The access rules are the same conditions
 * the library and the reader use, so a search never shows what the viewer could not open:
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
    const articleHits = await conn
      .select({
        id: articles.id,
        title: articles.title,
        source: articles.source,
        snippet: sql<string>`snippet(article_search, 2, '«', '»', '…', 16)`,
      })
      .from(sql`article_search`)
      .innerJoin(articles, sql`${articles.id} = article_search.rowid`)
      .where(and(sql`article_search MATCH ${match}`, isNull(articles.deletedAt), isNull(articles.nextVersionId), articleAccessCondition(viewer)))
      .orderBy(sql`bm25(article_search, 10.0, 2.0, 1.0)`, desc(articles.id))
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
          sql`${annotations.id} IN (SELECT rowid FROM annotation_search WHERE annotation_search MATCH ${match})`,
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
