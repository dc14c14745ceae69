import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/db/access';
import { getIncident, type IncidentDetail, type IncidentFigureView } from '@/db/incidents';
import { isAppError } from '@/lib/errors';
import { formatPublication } from '@/lib/dates/publication-time';
import { pageViewer } from '@/app/_server/session';
import { IncidentForm } from './IncidentForm';
import { RemoveFigureButton } from './RemoveFigureButton';
import { Timeline } from './Timeline';
import { appDatabase } from '@/db/client';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ layer?: string }> };

async function load(props: Props): Promise<{ viewer: Viewer; incident: IncidentDetail }> {
  const db = appDatabase();
  const { id } = await props.params;
  const { layer } = await props.searchParams;
  const viewer = await pageViewer(`/incidents/${id}`);
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  const layerId = layer && /^[1-9]\d{0,15}$/.test(layer) ? Number(layer) : undefined;
  try {
    return { viewer, incident: await getIncident(db, viewer, Number(id), layerId) };
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).incident.event.name };
}

export default async function IncidentPage(props: Props) {
  const { incident } = await load(props);
  const { event } = incident;
  const figures = new Map(incident.categories.flatMap((entry) => entry.figures.map((figure) => [figure.annotationId, figure] as const)));
  const otherLayers = incident.layers.filter((layer) => layer.layerId !== incident.layerId);
  return (
    <div className="page incident-page">
      <p>
        <Link href="/incidents">← All incidents</Link>
      </p>
      <h1>{event.name}</h1>
      <p className="lede" data-testid="incident-facts">
        {event.startsOn ? (event.endsOn && event.endsOn !== event.startsOn ? `${event.startsOn} – ${event.endsOn}` : event.startsOn) : 'Date not set'}
        {' · '}
        {event.place ?? 'Place not set'}
      </p>
      {otherLayers.length > 0 && (
        <p className="incident-layers">
          Also in:{' '}
          {otherLayers.map((layer, index) => (
            <span key={layer.layerId}>
              {index > 0 && ', '}
              <Link href={`/incidents/${event.id}?layer=${layer.layerId}`}>
                {layer.name} ({layer.figureCount} {layer.figureCount === 1 ? 'figure' : 'figures'})
              </Link>
            </span>
          ))}
        </p>
      )}

      <section aria-labelledby="ranges-heading">
        <h2 id="ranges-heading">Reported numbers</h2>
        {incident.categories.length === 0 ? (
          <p className="empty">No figures in this layer yet. Set this incident on a comparison, or add figures from the reader&rsquo;s panel.</p>
        ) : (
          <table className="library-table incident-ranges" data-testid="incident-ranges">
            <caption className="visually-hidden">Lowest and highest number reported for each kind of harm</caption>
            <thead>
              <tr>
                <th scope="col">Kind of harm</th>
                <th scope="col">Lowest</th>
                <th scope="col">Highest</th>
                <th scope="col">Set by</th>
              </tr>
            </thead>
            <tbody>
              {incident.categories.map((entry) => (
                <tr key={entry.category} data-testid="incident-range" data-category={entry.category}>
                  <th scope="row">{entry.category}</th>
                  <td data-column="min">{entry.minText}</td>
                  <td data-column="max">{entry.maxText}</td>
                  <td>
                    <BoundSources label="Lowest" ids={entry.minFigureIds} figures={figures} />
                    {entry.maxFigureIds.join() !== entry.minFigureIds.join() && <BoundSources label="Highest" ids={entry.maxFigureIds} figures={figures} />}
                    {entry.unboundedFigureIds.length > 0 && <BoundSources label="No number" ids={entry.unboundedFigureIds} figures={figures} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {incident.timeline.length > 0 && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">As the reports came in</h2>
          <Timeline figures={incident.timeline} />
          <table className="library-table" data-testid="incident-timeline">
            <caption className="visually-hidden">Every report in order of publication</caption>
            <thead>
              <tr>
                <th scope="col">Published</th>
                <th scope="col">Outlet</th>
                <th scope="col">Kind of harm</th>
                <th scope="col">Reported</th>
                <th scope="col">Who says so</th>
                <th scope="col">Quote</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {incident.timeline.map((figure) => (
                <tr key={figure.annotationId} data-testid="timeline-row">
                  <td>{formatPublication(figure.publishedOn, figure.publishedTime)}</td>
                  <td>{figure.outlet || figure.articleTitle}</td>
                  <td>{figure.category}</td>
                  <td>{figure.valueText}</td>
                  <td>{figure.source ?? 'unattributed'}</td>
                  <td>
                    <Link href={`/articles/${figure.articleId}?annotation=${figure.annotationId}&layer=${incident.layerId}`}>“{figure.quote}”</Link>
                  </td>
                  <td>{figure.direct && <RemoveFigureButton incidentId={event.id} annotationId={figure.annotationId} quote={figure.quote} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {incident.comparisons.length > 0 && (
        <section aria-labelledby="comparisons-heading">
          <h2 id="comparisons-heading">Comparisons</h2>
          <ul>
            {incident.comparisons.map((comparison) => (
              <li key={comparison.id}>
                <Link href={`/comparisons/${comparison.id}`}>{comparison.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <IncidentForm incident={event} />
    </div>
  );
}

function BoundSources({ label, ids, figures }: { label: string; ids: number[]; figures: Map<number, IncidentFigureView> }) {
  if (ids.length === 0) return null;
  return (
    <p className="bound-sources">
      <span className="bound-label">{label}:</span>{' '}
      {ids.map((id, index) => {
        const figure = figures.get(id);
        if (!figure) return null;
        return (
          <span key={id}>
            {index > 0 && '; '}
            {figure.outlet || figure.articleTitle}, {figure.source ?? 'unattributed'} — “{figure.quote}”
          </span>
        );
      })}
    </p>
  );
}
