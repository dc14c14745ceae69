'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import { PROGRESS_TEXT, ProgressList } from '@/app/_client/ProgressList';
import type { ArticleProgress } from '@/db/assignments';
import type { LayerSummary } from '@/db/layers';
import type { ArticleSharing, ProgressStatus } from '@/lib/vocabulary';
import { onLayerCount } from './layer-count-event';

interface Props {
  articleId: number;
  layers: LayerSummary[];
  shownLayerId: number;
  progress: ProgressStatus;
  sharing: ArticleSharing;
  admin: boolean;
  team: ArticleProgress[];
  reviewers: { id: number; username: string; displayName: string }[];
}

function layerHref(articleId: number, layer: LayerSummary): string {
  if (layer.own) return `/articles/${articleId}`;
  return `/articles/${articleId}?layer=${layer.kind === 'gold' ? 'gold' : layer.reviewerId}`;
}

/**
 * Whose annotations are on screen, the viewer's own progress, and for admins the team:
 * who is assigned, blind or shared, and the way to the curation view.
 */
export function LayerBar({ articleId, layers, shownLayerId, progress, sharing, admin, team, reviewers }: Props) {
  const router = useRouter();
  const id = useId();
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [assignee, setAssignee] = useState('');
  const [liveCounts, setLiveCounts] = useState<Record<number, number>>({});
  const [startedHere, setStartedHere] = useState(false);
  const ownId = layers.find((layer) => layer.own)?.reviewerId;
  useEffect(
    () =>
      onLayerCount(({ layerId, count }) => {
        setLiveCounts((counts) => ({ ...counts, [layerId]: count }));
        if (layerId === ownId && count > 0) setStartedHere(true);
      }),
    [ownId],
  );
  const shownProgress = progress === 'not_started' && startedHere ? 'in_progress' : progress;
  // Shown at once on click; the server's answer (or an error) settles it after the refresh.
  const [shownSharing, setShownSharing] = useState(sharing);
  const [savedSharing, setSavedSharing] = useState(sharing);
  if (savedSharing !== sharing) {
    setSavedSharing(sharing);
    setShownSharing(sharing);
  }
  const othersHidden = !admin && sharing === 'blind' && progress !== 'done';
  const unassigned = reviewers.filter((reviewer) => !team.some((member) => member.reviewerId === reviewer.id));

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'info', text: done });
      router.refresh();
    } catch (error) {
      setShownSharing(sharing);
      setMessage({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="layer-bar" aria-label="Layers and progress">
      <nav aria-label="Layers" className="layer-tabs">
        {layers.map((layer) => (
          <Link
            key={layer.reviewerId}
            href={layerHref(articleId, layer)}
            aria-current={layer.reviewerId === shownLayerId ? 'page' : undefined}
            className="layer-tab"
            data-layer={layer.kind === 'gold' ? 'gold' : layer.username}
          >
            {layer.own ? 'My annotations' : layer.displayName}
            <span className="count">{liveCounts[layer.reviewerId] ?? layer.annotationCount}</span>
            {!layer.writable && <span className="visually-hidden"> (read-only)</span>}
          </Link>
        ))}
      </nav>
      <div className="progress-controls">
        {admin && (
          <Link className="button" href={`/articles/${articleId}/curate`}>
            Curate into gold
          </Link>
        )}
        <span data-testid="own-progress" data-status={shownProgress}>
          Your progress: <strong>{PROGRESS_TEXT[shownProgress]}</strong>
        </span>
        {shownProgress === 'done' ? (
          <button type="button" disabled={busy} onClick={() => void act(() => callApi('PUT', `/api/articles/${articleId}/progress`, { status: 'in_progress' }), 'Reopened: your work is in progress again.')}>
            Reopen my work
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => callApi('PUT', `/api/articles/${articleId}/progress`, { status: 'done' }), 'Marked done.')}>
            Mark my work done
          </button>
        )}
      </div>
      {othersHidden && (
        <p className="hint" data-testid="blind-notice">
          Blind annotation: other reviewers’ layers stay hidden until you mark your work done.
        </p>
      )}
      {admin && (
        <details className="team-panel">
          <summary>
            Team: {team.length === 0 ? 'nobody assigned' : `${team.length} reviewer${team.length === 1 ? '' : 's'}`} · {sharing === 'blind' ? 'blind' : 'shared'}
          </summary>
          <div className="team-list">
            <ProgressList progress={team} emptyText="Nobody assigned" showNames />
          </div>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (assignee) void act(() => callApi('POST', `/api/articles/${articleId}/assignments`, { reviewerId: Number(assignee) }), 'Assigned.');
            }}
          >
            <label htmlFor={`${id}-assignee`}>Assign</label>
            <select id={`${id}-assignee`} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
              <option value="">Choose a reviewer…</option>
              {unassigned.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.displayName} ({reviewer.username})
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || !assignee}>
              Assign
            </button>
          </form>
          {team.length > 0 && (
            <ul className="unassign-list" aria-label="Assigned reviewers">
              {team.map((member) => (
                <li key={member.reviewerId}>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={`Unassign ${member.username}`}
                    onClick={() => void act(() => callApi('DELETE', `/api/articles/${articleId}/assignments/${member.reviewerId}`), `Unassigned ${member.displayName}.`)}
                  >
                    Unassign {member.displayName}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label className="sharing-toggle">
            <input
              type="checkbox"
              checked={shownSharing === 'shared'}
              disabled={busy}
              onChange={(event) => {
                const next = event.target.checked ? 'shared' : 'blind';
                setShownSharing(next);
                void act(() => callApi('PUT', `/api/articles/${articleId}/sharing`, { sharing: next }), next === 'shared' ? 'Reviewers now see each other’s layers.' : 'Blind again: reviewers see others only once done.');
              }}
            />
            Shared: reviewers see each other’s layers before they are done
          </label>
        </details>
      )}
      <FormMessage message={message} />
    </section>
  );
}
