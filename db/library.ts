import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Label } from '../lib/labels';
import { clampPage, libraryQuery, pageCount, type LibraryQuery } from '../lib/library/query';
import { articleMatches, ascEmptyFirst, caseless, descEmptyLast } from './dialect';
import { isAdmin, type Viewer } from './access';
import type { ArticleMetadata } from './article-insert';
import { countedLayerId } from './articles';
import { progressByArticle, type ArticleProgress } from './assignments';
import type { Conn, Database } from './database';
import { rawRows } from './raw';
import { annotations, articles, assignments } from './schema';

/*
 * The library page, bounded by what it shows: one page of articles, sorted and filtered by
 * indexed columns (migration 0008's partial indexes cover exactly the listed rows: live, latest
 * versions), then counts and progress for just those articles. Nothing here reads all of
 * history or every annotation; the cost grows with the page, not with the library.
 */

export interface ArticleSummary extends ArticleMetadata {
  /** Counts in one layer: gold for admins, their own for reviewers (see countedLayerId). */
  annotationCounts: Record<Label, number>;
  progress: ArticleProgress[];
  /** The latest change to the article or any of its annotations. */
  lastActivityAt: string;
}

export interface LibraryPage {
  articles: ArticleSummary[];
  /** The page shown: the one asked for, or the last one when that was past the end. */
  page: number;
  pageSize: number;
  /** Articles matching the filters, on every page. */
  total: number;
  pageCount: number;
}

const metadataColumns = {
  id: articles.id,
  title: articles.title,
  source: articles.source,
  url: articles.url,
  publishedOn: articles.publishedOn,
  publishedTime: articles.publishedTime,
  wordCount: articles.wordCount,
  createdBy: articles.createdBy,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
  sharing: articles.sharing,
  versionNumber: articles.versionNumber,
  previousVersionId: articles.previousVersionId,
  nextVersionId: articles.nextVersionId,
  lastActivityAt: articles.lastActivityAt,
};

/** Live, latest versions: word for word the partial indexes' condition, so SQLite can use them. */
const listed = sql`${articles.deletedAt} is null and ${articles.nextVersionId} is null`;

/**
 * The articles a viewer may open, as an IN over their assignments rather than access.ts's EXISTS:
 * the same rule, written so SQLite starts from the reviewer's few assignments instead of probing
 * every listed article.
 */
function assignedTo(conn: Conn, viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return undefined;
  return inArray(articles.id, conn.select({ id: assignments.articleId }).from(assignments).where(eq(assignments.reviewerId, viewer.id)));
}

/** The viewer's own progress; "not started" includes articles they have no assignment row for. */
function progressIs(conn: Conn, viewer: Viewer, status: LibraryQuery['progress']): SQL | undefined {
  if (!status) return undefined;
  const own = (condition: SQL) => conn.select({ id: assignments.articleId }).from(assignments).where(and(eq(assignments.reviewerId, viewer.id), condition));
  if (status === 'not_started') return notInArray(articles.id, own(ne(assignments.status, 'not_started')));
  return inArray(articles.id, own(eq(assignments.status, status)));
}

function conditions(conn: Conn, viewer: Viewer, query: LibraryQuery): SQL | undefined {
  return and(
    listed,
    assignedTo(conn, viewer),
    query.source === undefined ? undefined : eq(articles.source, query.source),
    query.from === undefined ? undefined : gte(articles.publishedOn, query.from),
    query.to === undefined ? undefined : lte(articles.publishedOn, query.to),
    progressIs(conn, viewer, query.progress),
    query.q === undefined ? undefined : articleMatches(query.q),
  );
}

/** Each order ends on the id, so pages never overlap or skip when values tie. */
function ordering(query: LibraryQuery): SQL[] {
  const direction = query.order === 'asc' ? asc : desc;
  switch (query.sort) {
    case 'added':
      return [direction(articles.createdAt), direction(articles.id)];
    case 'activity':
      return query.order === 'asc' ? [ascEmptyFirst(articles.lastActivityAt), asc(articles.id)] : [descEmptyLast(articles.lastActivityAt), desc(articles.id)];
    case 'title':
      return [direction(caseless(articles.title)), direction(articles.id)];
    case 'date':
      // Undated articles last either way: newest first puts NULL last by itself; oldest first needs
      // the "(published_on is null)" key, which its own index serves.
      return query.order === 'desc'
        ? [descEmptyLast(articles.publishedOn), desc(articles.id)]
        : [asc(sql`(${articles.publishedOn} is null)`), asc(articles.publishedOn), asc(articles.id)];
  }
}

/** Live annotations per article and label in one layer, for the page's articles only. */
async function countsByArticle(conn: Conn, layerId: number, articleIds: number[]): Promise<Map<number, Record<Label, number>>> {
  const counts = new Map<number, Record<Label, number>>();
  if (articleIds.length === 0) return counts;
  const rows = await conn
    .select({ articleId: annotations.articleId, label: annotations.label, count: count() })
    .from(annotations)
    .where(and(eq(annotations.reviewerId, layerId), inArray(annotations.articleId, articleIds), isNull(annotations.deletedAt)))
    .groupBy(annotations.articleId, annotations.label);
  for (const row of rows) {
    const entry = counts.get(row.articleId) ?? { claim: 0, actor: 0, figure: 0 };
    entry[row.label] = row.count;
    counts.set(row.articleId, entry);
  }
  return counts;
}

/**
 * One page of the library: the live articles (latest versions) the viewer may open that match
 * the query, with the counted layer's annotations (see countedLayerId) and each reviewer's progress.
 */
export async function libraryPage(db: Database, viewer: Viewer, partial: Partial<LibraryQuery> = {}): Promise<LibraryPage> {
  const query = libraryQuery(partial);
  const layerId = await countedLayerId(db, viewer);
  return db.read(async (conn) => {
    const where = conditions(conn, viewer, query);
    const [counted] = await conn.select({ total: count() }).from(articles).where(where);
    const total = counted?.total ?? 0;
    const page = clampPage(query.page, total, query.pageSize);
    const rows =
      total === 0
        ? []
        : await conn
            .select(metadataColumns)
            .from(articles)
            .where(where)
            .orderBy(...ordering(query))
            .limit(query.pageSize)
            .offset((page - 1) * query.pageSize);
    const ids = rows.map((row) => row.id);
    const counts = await countsByArticle(conn, layerId, ids);
    const progress = await progressByArticle(db, ids);
    return {
      articles: rows.map(({ lastActivityAt, ...metadata }) => ({
        ...metadata,
        annotationCounts: counts.get(metadata.id) ?? { claim: 0, actor: 0, figure: 0 },
        progress: progress.get(metadata.id) ?? [],
        lastActivityAt: lastActivityAt ?? metadata.updatedAt,
      })),
      page,
      pageSize: query.pageSize,
      total,
      pageCount: pageCount(total, query.pageSize),
    };
  });
}

/** Enough for a select; a library with more outlets than this is filtered by typing instead. */
const MAX_SOURCES = 500;

/**
 * The sources of the articles the viewer may open, A to Z, for the library's source filter.
 * For admins a skip scan over the source index (one index seek per distinct source, however many
 * articles each has); for reviewers, the sources of their assigned articles.
 */
export async function librarySources(db: Database, viewer: Viewer): Promise<string[]> {
  return db.read(async (conn) => {
    if (!isAdmin(viewer)) {
      const distinct = await conn
        .selectDistinct({ source: articles.source })
        .from(articles)
        .where(and(listed, assignedTo(conn, viewer), ne(articles.source, '')))
        .orderBy(asc(articles.source))
        .limit(MAX_SOURCES);
      return distinct.map((row) => row.source);
    }
    const rows = await rawRows<{ source: string }>(conn, sql`
      with recursive next_source(source, n) as (
        select (select min(source) from articles where ${listed} and source > ''), 1
        union all
        select (select min(source) from articles where ${listed} and source > next_source.source), n + 1
        from next_source where next_source.source is not null and n < ${MAX_SOURCES}
      )
      select source from next_source where source is not null`);
    return rows.map((row) => row.source);
  });
}

/** Ids and titles of every listed article the viewer may open, newest first: the export page's choice. */
export async function articleChoices(db: Database, viewer: Viewer): Promise<{ id: number; title: string }[]> {
  return db.read((conn) =>
    conn
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .where(and(listed, assignedTo(conn, viewer)))
      .orderBy(desc(articles.createdAt), desc(articles.id)),
  );
}
