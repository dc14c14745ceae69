import type { ProgressStatus } from '../vocabulary';

/*
 * What one page of the library shows: the query a reader can put in the URL (and the API takes),
 * its defaults, and the page arithmetic. The database module applies it; the page and the API
 * only read it from their query strings.
 */

/** added: when it entered the library; date: its publication date; activity: its last change. */
export const LIBRARY_SORTS = ['added', 'date', 'activity', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export const LIBRARY_PAGE_SIZE = 50;
/** Enough for a script walking the library; more per request only makes one response slow. */
export const LIBRARY_MAX_PAGE_SIZE = 200;

export interface LibraryQuery {
  page: number;
  pageSize: number;
  sort: LibrarySort;
  order: SortOrder;
  source?: string;
  /** Publication dates, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** The viewer's own progress on the article. */
  progress?: ProgressStatus;
  /** Words that must all appear (as word prefixes) in the title, source or text. */
  q?: string;
}

/** Titles read A to Z first; dates and activity newest first. */
export function defaultOrder(sort: LibrarySort): SortOrder {
  return sort === 'title' ? 'asc' : 'desc';
}

export function libraryQuery(partial: Partial<LibraryQuery> = {}): LibraryQuery {
  const sort = partial.sort ?? 'added';
  const pageSize = Math.min(Math.max(Math.trunc(partial.pageSize ?? LIBRARY_PAGE_SIZE), 1), LIBRARY_MAX_PAGE_SIZE);
  const query: LibraryQuery = { page: Math.max(Math.trunc(partial.page ?? 1), 1), pageSize, sort, order: partial.order ?? defaultOrder(sort) };
  const source = partial.source?.trim();
  if (source) query.source = source;
  if (partial.from) query.from = partial.from;
  if (partial.to) query.to = partial.to;
  if (partial.progress) query.progress = partial.progress;
  const q = partial.q?.trim();
  if (q) query.q = q;
  return query;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page past the end shows the last page, so a link kept after deletions still lands somewhere. */
export function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(page, 1), pageCount(total, pageSize));
}

/** The 1-based positions shown on a page: { first: 51, last: 100 } of 312; { first: 0, last: 0 } when empty. */
export function shownRange(page: number, pageSize: number, total: number): { first: number; last: number } {
  if (total === 0) return { first: 0, last: 0 };
  const first = (page - 1) * pageSize + 1;
  return { first, last: Math.min(total, page * pageSize) };
}

/**
 * The page numbers the pagination offers: the first, the last and two either side of the
 * current one; `null` marks a gap ("…"). 1 … 4 5 [6] 7 8 … 20.
 */
export function pageLinks(current: number, count: number): (number | null)[] {
  const wanted = new Set([1, count]);
  for (let page = current - 2; page <= current + 2; page += 1) if (page >= 1 && page <= count) wanted.add(page);
  const sorted = [...wanted].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous === 2) links.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) links.push(null);
    links.push(page);
  });
  return links;
}

/**
 * The query as URL parameters, leaving out defaults so links stay short (`?page=2&sort=title`);
 * `changes` replace parts of it (a filter change starts again at page 1 unless it says otherwise).
 */
export function librarySearchParams(query: LibraryQuery, changes: Partial<LibraryQuery> = {}): URLSearchParams {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.source) params.set('source', next.source);
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.progress) params.set('progress', next.progress);
  if (next.sort !== 'added') params.set('sort', next.sort);
  if (next.order !== defaultOrder(next.sort)) params.set('order', next.order);
  if (next.pageSize !== LIBRARY_PAGE_SIZE) params.set('pageSize', String(next.pageSize));
  if (next.page > 1) params.set('page', String(next.page));
  return params;
}
