import 'server-only';
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { toMatchQuery, toTsQuery } from '../lib/search/query';
import { configuredEngine } from './engine';
import { articles } from './schema';

/*
 * The few things the two engines say differently, in one place, so query modules stay written once.
 * The engine is the process's (DATABASE_URL), like the tables db/schema.ts hands out.
 */
const onPostgres = configuredEngine() === 'postgres';

/** A condition no row meets (PostgreSQL wants a boolean where SQLite takes 0). */
export const noRow: SQL = sql`1 = 0`;

/**
 * A boolean column is true, written as each engine's partial indexes state it (`stale = 1` on
 * SQLite, `stale` on PostgreSQL), so the planner can use an index made for those rows.
 */
export function isTrue(column: AnyColumn): SQL {
  return onPostgres ? sql`${column}` : sql`${column} = 1`;
}

/** A text column compared and sorted without regard to case: SQLite's NOCASE, PostgreSQL's lower(); each has its index. */
export function caseless(column: AnyColumn): SQL {
  return onPostgres ? sql`lower(${column})` : sql`${column} collate nocase`;
}

/**
 * Ordering with empty values last (newest first) or first (oldest first), as SQLite does by
 * itself; PostgreSQL sorts NULL as the largest value and is told explicitly.
 */
export function ascEmptyFirst(column: AnyColumn | SQL): SQL {
  return onPostgres ? sql`${column} asc nulls first` : asc(column);
}

export function descEmptyLast(column: AnyColumn | SQL): SQL {
  return onPostgres ? sql`${column} desc nulls last` : desc(column);
}

/** The words of an article that full-text search reads, as migration 0001 (PostgreSQL) indexes them. */
const articleWords = sql`to_tsvector('simple', ${articles.title} || ' ' || ${articles.source} || ' ' || ${articles.text})`;

/**
 * Articles whose title, source or text hold every word of `input` (each as a prefix), through the
 * engine's full-text index: FTS5's article_search on SQLite, a GIN index on PostgreSQL. Input with
 * no letters or digits matches nothing rather than everything.
 */
export function articleMatches(input: string): SQL {
  if (onPostgres) {
    const query = toTsQuery(input);
    return query === null ? noRow : sql`${articleWords} @@ to_tsquery('simple', ${query})`;
  }
  const match = toMatchQuery(input);
  return match === null ? noRow : sql`${articles.id} in (select rowid from article_search where article_search match ${match})`;
}

/** Annotations whose quote, note, actor or figure fields hold every word of `input`. */
export function annotationMatches(annotationId: AnyColumn, input: string): SQL {
  if (onPostgres) {
    const query = toTsQuery(input);
    return query === null ? noRow : sql`${annotationId} in (select annotation_id from annotation_search where body @@ to_tsquery('simple', ${query}))`;
  }
  const match = toMatchQuery(input);
  return match === null ? noRow : sql`${annotationId} in (select rowid from annotation_search where annotation_search match ${match})`;
}

/** Best article matches first: FTS5's bm25 (title weighs most), PostgreSQL's ts_rank with the same idea. */
export function articleRelevance(input: string): SQL {
  if (onPostgres) {
    const query = toTsQuery(input) ?? '';
    const weighted = sql`setweight(to_tsvector('simple', ${articles.title}), 'A') || setweight(to_tsvector('simple', ${articles.source}), 'B') || setweight(to_tsvector('simple', ${articles.text}), 'D')`;
    return sql`ts_rank(${weighted}, to_tsquery('simple', ${query})) desc`;
  }
  return sql`bm25(article_search, 10.0, 2.0, 1.0)`;
}

/** A stretch of the text around the match, the matched words between « and ». */
export function articleSnippet(input: string): SQL<string> {
  if (onPostgres) {
    const query = toTsQuery(input) ?? '';
    return sql<string>`ts_headline('simple', ${articles.text}, to_tsquery('simple', ${query}), 'StartSel=«, StopSel=», MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')`;
  }
  return sql<string>`snippet(article_search, 2, '«', '»', '…', 16)`;
}
