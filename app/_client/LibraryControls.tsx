import Link from 'next/link';
import { defaultOrder, librarySearchParams, pageLinks, type LibraryQuery, type LibrarySort } from '@/lib/library/query';
import { PROGRESS_STATUSES } from '@/lib/vocabulary';
import { PROGRESS_TEXT } from './ProgressList';

/*
 * The library's filters, sortable headings and pagination. Plain links and one GET form: the
 * whole state is in the URL, so it works without JavaScript, can be bookmarked or sent, and the
 * back button returns to the previous page of results.
 */

export function libraryHref(query: LibraryQuery, changes: Partial<LibraryQuery> = {}): string {
  const params = librarySearchParams(query, changes).toString();
  return params ? `/?${params}` : '/';
}

export function LibraryFilters({ query, sources }: { query: LibraryQuery; sources: string[] }) {
  // A source given in the link but not in the list (renamed since) stays selectable.
  const sourceChoices = query.source && !sources.includes(query.source) ? [query.source, ...sources] : sources;
  return (
    <form className="library-filters" method="get" action="/" role="search" aria-label="Filter the library">
      <div className="library-filter library-filter-search">
        <label htmlFor="library-q">Search titles and text</label>
        <input id="library-q" type="search" name="q" defaultValue={query.q ?? ''} />
      </div>
      <div className="library-filter">
        <label htmlFor="library-source">Source</label>
        <select id="library-source" name="source" defaultValue={query.source ?? ''}>
          <option value="">All sources</option>
          {sourceChoices.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filter">
        <label htmlFor="library-from">Published from</label>
        <input id="library-from" type="date" name="from" defaultValue={query.from ?? ''} />
      </div>
      <div className="library-filter">
        <label htmlFor="library-to">Published to</label>
        <input id="library-to" type="date" name="to" defaultValue={query.to ?? ''} />
      </div>
      <div className="library-filter">
        <label htmlFor="library-progress">Your progress</label>
        <select id="library-progress" name="progress" defaultValue={query.progress ?? ''}>
          <option value="">Any</option>
          {PROGRESS_STATUSES.map((status) => (
            <option key={status} value={status}>
              {PROGRESS_TEXT[status]}
            </option>
          ))}
        </select>
      </div>
      {/* Filtering keeps the order chosen in the headings and starts again at page 1. */}
      {query.sort !== 'added' && <input type="hidden" name="sort" value={query.sort} />}
      {query.order !== defaultOrder(query.sort) && <input type="hidden" name="order" value={query.order} />}
      <div className="library-filter-actions">
        <button type="submit" className="primary">
          Filter
        </button>
        <Link href={libraryHref({ ...query, q: undefined, source: undefined, from: undefined, to: undefined, progress: undefined }, { page: 1 })}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

const ORDER_WORDS: Record<LibrarySort, Record<'asc' | 'desc', string>> = {
  added: { desc: 'newest added first', asc: 'oldest added first' },
  date: { desc: 'newest first', asc: 'oldest first' },
  activity: { desc: 'most recent first', asc: 'least recent first' },
  title: { asc: 'A to Z', desc: 'Z to A' },
};

const SORT_NAMES: Record<LibrarySort, string> = { added: 'date added', date: 'date published', activity: 'last activity', title: 'title' };

/** "sorted by title, A to Z". */
export function describeOrder(query: LibraryQuery): string {
  return `sorted by ${SORT_NAMES[query.sort]}, ${ORDER_WORDS[query.sort][query.order]}`;
}

/** A column heading that sorts by it; a second click reverses the order. */
export function SortHeading({ query, sort, children, className }: { query: LibraryQuery; sort: LibrarySort; children: string; className?: string }) {
  const active = query.sort === sort;
  const order = active ? (query.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return (
    <th scope="col" className={className} aria-sort={active ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link className="sort-link" href={libraryHref(query, { sort, order, page: 1 })} title={`Sort by ${SORT_NAMES[sort]}, ${ORDER_WORDS[sort][order]}`}>
        {children}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (query.order === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </Link>
    </th>
  );
}

export function LibraryPagination({ query, page, pageCount }: { query: LibraryQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={libraryHref(query, { page: page - 1 })} rel="prev">
          Previous page
        </Link>
      ) : (
        <span className="pagination-end" aria-hidden="true">
          Previous page
        </span>
      )}
      <ul>
        {pageLinks(page, pageCount).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={number}>
              <Link href={libraryHref(query, { page: number })} aria-label={`Page ${number} of ${pageCount}`} aria-current={number === page ? 'page' : undefined}>
                {number}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={libraryHref(query, { page: page + 1 })} rel="next">
          Next page
        </Link>
      ) : (
        <span className="pagination-end" aria-hidden="true">
          Next page
        </span>
      )}
    </nav>
  );
}
