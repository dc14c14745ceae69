'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { figureSource, formatFigureValue } from '@/app/_client/figure-format';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import type { ConflictFigureView, ConflictView } from '@/db/conflicts';

interface Props {
  conflict: ConflictView;
  layerId: number;
  /** Another reviewer's layer, read by an admin: the actions would be refused, so none are offered. */
  writable: boolean;
  incidents: { id: number; name: string }[];
}

const NEW_INCIDENT = 'new';

/** One proposed group: its figures side by side, why it is proposed, and what a reviewer can do with it. */
export function ConflictCard({ conflict, layerId, incidents, writable }: Props) {
  const router = useRouter();
  const id = useId();
  const [incident, setIncident] = useState(NEW_INCIDENT);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
      setBusy(false);
    }
  }

  const compare = () =>
    run(async () => {
      const created = await callApi<{ comparison: { id: number } }>('POST', '/api/comparisons', { title: conflict.title, annotationIds: conflict.annotationIds });
      router.push(`/comparisons/${created.comparison.id}`);
    });

  const addToIncident = () =>
    run(async () => {
      const eventId =
        incident === NEW_INCIDENT ? (await callApi<{ event: { id: number } }>('POST', '/api/events', { name: conflict.title })).event.id : Number(incident);
      for (const annotationId of conflict.annotationIds) await callApi('POST', `/api/events/${eventId}/figures`, { annotationId });
      router.push(`/incidents/${eventId}?layer=${layerId}`);
    });

  const dismiss = () =>
    run(async () => {
      await callApi('POST', '/api/conflicts/dismiss', { annotationIds: conflict.annotationIds });
      router.refresh();
    });

  return (
    <article className="conflict-card" aria-labelledby={`${id}-title`} data-testid="conflict">
      <h2 id={`${id}-title`}>{conflict.title}</h2>
      <p className="reason">{conflict.reason}</p>
      <ul className="conflict-figures">
        {conflict.figures.map((figure) => (
          <li key={figure.annotationId} data-testid="conflict-figure">
            <FigureColumn figure={figure} layerId={layerId} />
          </li>
        ))}
      </ul>
      {writable && (
      <div className="form-actions conflict-actions">
        <button type="button" className="primary" onClick={() => void compare()} disabled={busy}>
          Compare
        </button>
        <label>
          Incident
          <select value={incident} onChange={(event) => setIncident(event.target.value)} disabled={busy}>
            <option value={NEW_INCIDENT}>New: {conflict.title}</option>
            {incidents.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void addToIncident()} disabled={busy}>
          Add to incident
        </button>
        <button type="button" className="quiet" onClick={() => void dismiss()} disabled={busy} aria-label={`Dismiss “${conflict.title}”`}>
          Dismiss
        </button>
      </div>
      )}
      <FormMessage message={message} />
    </article>
  );
}

function FigureColumn({ figure, layerId }: { figure: ConflictFigureView; layerId: number }) {
  const details = figure.figure;
  const at = figure.sentence.indexOf(figure.quote);
  return (
    <>
      <p className="conflict-value">
        <strong>{formatFigureValue(details)}</strong> {details.category}
      </p>
      <blockquote>
        {at < 0 ? (
          figure.sentence
        ) : (
          <>
            {figure.sentence.slice(0, at)}
            <mark>{figure.quote}</mark>
            {figure.sentence.slice(at + figure.quote.length)}
          </>
        )}
      </blockquote>
      <dl className="conflict-fields">
        <dt>Who is counted</dt>
        <dd>{details.counted ?? '—'}</dd>
        <dt>Where</dt>
        <dd>{details.place ?? '—'}</dd>
        <dt>Source</dt>
        <dd>{figureSource(details)}</dd>
      </dl>
      <p className="conflict-article">
        <Link href={`/articles/${figure.articleId}?annotation=${figure.annotationId}&layer=${layerId}`}>{figure.articleTitle}</Link>
        {figure.articleSource && ` · ${figure.articleSource}`} · <time dateTime={figure.publishedOn}>{figure.publishedOn}</time>
      </p>
    </>
  );
}
