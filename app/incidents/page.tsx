import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { isAdmin } from '@/db/access';
import { listIncidents } from '@/db/incidents';
import { pageViewer } from '../_server/session';
import { NewIncidentForm } from './NewIncidentForm';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  const db = appDatabase();
  await connection();
  const viewer = await pageViewer('/incidents');
  const incidents = await listIncidents(db, viewer);
  return (
    <div className="page">
      <h1>Incidents</h1>
      <p className="lede">
        What happened, as the reports have it: for each kind of harm, the lowest and the highest number reported, with the sources behind each.
        Give a comparison an incident name, or add figures from the reader&rsquo;s panel.
      </p>
      {incidents.length === 0 ? (
        <p className="empty">No incidents yet. Name one below, or set the incident of a comparison.</p>
      ) : (
        <table className="library-table">
          <caption className="visually-hidden">Incidents by date</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Date</th>
              <th scope="col">Place</th>
              <th scope="col">Reported</th>
              <th scope="col" className="number">
                Figures
              </th>
              <th scope="col" className="number">
                Articles
              </th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <tr key={incident.id} data-testid="incident-row">
                <th scope="row">
                  <Link href={`/incidents/${incident.id}`}>{incident.name}</Link>
                </th>
                <td>{dateRange(incident.startsOn, incident.endsOn)}</td>
                <td>{incident.place ?? '—'}</td>
                <td>{incident.ranges.length === 0 ? '—' : incident.ranges.map((range) => `${range.category} ${range.text}`).join('; ')}</td>
                <td className="number">{incident.figureCount}</td>
                <td className="number">{incident.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewIncidentForm />
      {isAdmin(viewer) && (
        <p>
          Download every incident with figures (gold layer): <a href={exportHref('csv')} download>CSV</a> ·{' '}
          <a href={exportHref('json')} download>
            JSON
          </a>
        </p>
      )}
    </div>
  );
}

// A file download from an API route, not a page: a plain link, built so the page-link lint does not mistake it for one.
function exportHref(format: 'csv' | 'json'): string {
  return `/api/events/export?${new URLSearchParams({ format })}`;
}

function dateRange(startsOn: string | null, endsOn: string | null): string {
  if (!startsOn) return '—';
  return endsOn && endsOn !== startsOn ? `${startsOn} – ${endsOn}` : startsOn;
}
