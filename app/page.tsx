import Link from 'next/link';
import { connection } from 'next/server';
import { listArticles } from '@/db/articles';
import { pageViewer } from './_server/session';
import { ProgressList } from './_client/ProgressList';
import { LABELS, LABEL_INFO } from '@/lib/labels';
import { formatDate, formatDateTime } from './_client/format';

export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  // The library lives in the database: render on every request, never at build time.
  await connection();
  const viewer = await pageViewer('/');
  const admin = viewer.role === 'admin';
  // Set by "Delete article" on the way back here, so the admin sees what just happened.
  const { deleted } = await searchParams;
  const articles = listArticles(viewer);
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
      {articles.length === 0 ? (
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
          <table className="library-table">
            <caption className="visually-hidden">Articles, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Source</th>
                <th scope="col">Date</th>
                <th scope="col" className="number">
                  Words
                </th>
                {LABELS.map((label) => (
                  <th key={label} scope="col" className="number">
                    {LABEL_INFO[label].name}s
                  </th>
                ))}
                <th scope="col">{admin ? 'Reviewers' : 'Your progress'}</th>
                <th scope="col">Last activity</th>
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
        </>
      )}
    </div>
  );
}
