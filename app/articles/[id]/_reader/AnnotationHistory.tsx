'use client';

import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { formatDateTime } from '@/app/_client/format';
import type { AnnotationHistoryEntry } from '@/db/annotations';
import { describeAnnotationChange } from '@/lib/history/describe-change';

const ACTION_NAMES: Record<AnnotationHistoryEntry['action'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
};

type State = Record<string, unknown> | null;

/** Who changed this annotation, when, and what: loaded when the reviewer opens it. */
export function AnnotationHistory({ annotationId, version }: { annotationId: number; version: number }) {
  const [entries, setEntries] = useState<AnnotationHistoryEntry[] | null>(null);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      const { history } = await callApi<{ history: AnnotationHistoryEntry[] }>('GET', `/api/annotations/${annotationId}/history`);
      setEntries(history);
      setLoadedVersion(version);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <details
      className="annotation-history"
      onToggle={(event) => {
        if (event.currentTarget.open && loadedVersion !== version) void load();
      }}
    >
      <summary>History</summary>
      {error && <p className="form-error">{error}</p>}
      {entries && (
        <ol aria-label="Changes, oldest first">
          {entries.map((entry) => {
            const changes = entry.action === 'update' ? describeAnnotationChange(entry.before as State, entry.after as State) : [];
            return (
              <li key={entry.id}>
                <span className="history-action">{ACTION_NAMES[entry.action]}</span> by {entry.reviewerName},{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {changes.length > 0 && (
                  <ul>
                    {changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
