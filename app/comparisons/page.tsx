import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listComparisons } from '@/db/comparisons';
import { formatDateTime } from '../_client/format';
import { pageViewer } from '../_server/session';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Comparisons' };

export default async function ComparisonsPage() {
  const db = appDatabase();
  await connection();
  const comparisons = await listComparisons(db, await pageViewer('/comparisons'));
  return (
    <div className="page">
      <h1>Comparisons</h1>
      <p className="lede">Figures that speak of the same thing, set side by side — within one article or across several.</p>
      {comparisons.length === 0 ? (
        <p className="empty">
          No comparisons yet. In an article, tick two or more figures in the panel and choose <strong>Compare side by side</strong>.
        </p>
      ) : (
        <table className="library-table">
          <caption className="visually-hidden">Comparisons, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Event</th>
              <th scope="col">Layer</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Figures
              </th>
              <th scope="col" className="number">
                Articles
              </th>
              <th scope="col">Values</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map((comparison) => (
              <tr key={comparison.id} data-testid="comparison-row">
                <th scope="row">
                  <Link href={`/comparisons/${comparison.id}`}>{comparison.title}</Link>
                </th>
                <td>{comparison.eventName ?? '—'}</td>
                <td data-column="layer">{comparison.layerName}</td>
                <td>
                  <span className={`status-tag status-${comparison.status}`}>{comparison.status}</span>
                </td>
                <td className="number">{comparison.memberCount}</td>
                <td className="number">{comparison.articleCount}</td>
                <td data-column="spread">{comparison.spread}</td>
                <td>
                  <time dateTime={comparison.updatedAt}>{formatDateTime(comparison.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
