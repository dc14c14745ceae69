import Link from 'next/link';
import { connection } from 'next/server';
import { libraryPage, librarySources } from '@/db/library';
import { libraryQuery, shownRange } from '@/lib/library/query';
import { pageViewer } from './_server/session';
import { lenientLibraryQuery } from './_server/library-query';
import { ProgressList } from './_client/ProgressList';
import { describeOrder, LibraryFilters, LibraryPagination, SortHeading } from './_client/LibraryControls';
import { LABELS, LABEL_INFO } from '@/lib/labels';
import { formatDate, formatDateTime } from './_client/format';
import { appDatabase } from '@/db/client';

type Params = Record<string, string | string[] | undefined>;

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Params> }) {
  // The library lives in the database: render on every request, never at build time.
  const db = appDatabase();
  await connection();
  const viewer = await pageViewer('/');
  const admin = viewer.role === 'admin';
  // Set by "Delete article" on the way back here, so the admin sees what just happened.
  const params = await searchParams;
  const { deleted } = params;
  // Page, order and filters all come from the URL (see LibraryControls), so every view is a link.
  const query = libraryQuery(lenientLibraryQuery(params));
  const result = await libraryPage(db, viewer, query);
  const shown = { ...query, page: result.page };
  const { articles } = result;
  const filtered = query.q !== undefined || query.source !== undefined || query.from !== undefined || query.to !== undefined || query.progress !== undefined;
  const range = shownRange(result.page, result.pageSize, result.total);
  return (
    <div className="page library">
      <div className="page-heading">
        <h1>Library</h1>
        {admin && (
          <Link className="button primary" href="/articles/new">
            Add article
          </Link>
        )}
      </div>
      {admin && typeof deleted === 'string' && deleted !== '' && (
        <p className="library-notice" role="status">
          Deleted “{deleted.slice(0, 200)}”. Its annotations and history are kept in the database.
        </p>
      )}
      {(result.total > 0 || filtered) && <LibraryFilters query={shown} sources={await librarySources(db, viewer)} />}
      {articles.length === 0 && filtered ? (
        <p className="empty" data-testid="library-range">
          No article matches these filters.
        </p>
      ) : articles.length === 0 ? (
        admin ? (
          <p className="empty">
            The library is empty. <Link href="/articles/new">Add an article</Link> by pasting text or uploading a .txt or .md file.
          </p>
        ) : (
          <p className="empty">No articles are assigned to you yet. An admin assigns articles to reviewers.</p>
        )
      ) : (
        <>
          <p className="hint" data-testid="counted-layer">
            {admin
              ? 'Claims, actors and figures count the gold layer, the adjudicated result; each reviewer’s own count is beside their progress.'
              : 'Claims, actors and figures count your own layer.'}
          </p>
          <p className="library-range" data-testid="library-range">
            Showing {range.first.toLocaleString('en')}–{range.last.toLocaleString('en')} of {result.total.toLocaleString('en')}{' '}
            {result.total === 1 ? 'article' : 'articles'}, {describeOrder(shown)}.
          </p>
          <table className="library-table">
            <caption className="visually-hidden">Articles, {describeOrder(shown)}</caption>
            <thead>
              <tr>
                <SortHeading query={shown} sort="title">
                  Title
                </SortHeading>
                <th scope="col">Source</th>
                <SortHeading query={shown} sort="date">
                  Date
                </SortHeading>
                <th scope="col" className="number">
                  Words
                </th>
                {LABELS.map((label) => (
                  <th key={label} scope="col" className="number">
                    {LABEL_INFO[label].name}s
                  </th>
                ))}
                <th scope="col">{admin ? 'Reviewers' : 'Your progress'}</th>
                <SortHeading query={shown} sort="activity">
                  Last activity
                </SortHeading>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} data-testid="library-row">
                  <th scope="row">
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                  </th>
                  <td>{article.source || '—'}</td>
                  <td>{article.publishedOn ? formatDate(article.publishedOn) : '—'}</td>
                  <td className="number" data-column="words">
                    {article.wordCount.toLocaleString('en')}
                  </td>
                  {LABELS.map((label) => (
                    <td key={label} className="number" data-label={label}>
                      {article.annotationCounts[label]}
                    </td>
                  ))}
                  <td data-testid="progress">
                    <ProgressList
                      progress={admin ? article.progress : article.progress.filter((entry) => entry.reviewerId === viewer.id)}
                      emptyText={admin ? 'Nobody assigned' : 'Not started'}
                      showNames={admin}
                      showCounts={admin}
                    />
                  </td>
                  <td>
                    <time dateTime={article.lastActivityAt}>{formatDateTime(article.lastActivityAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LibraryPagination query={shown} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </div>
  );
}
