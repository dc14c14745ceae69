import Link from 'next/link';
import { formatDateTime } from '@/app/_client/format';
import type { VersionSummary } from '@/db/versions';
import { NewVersionForm } from './NewVersionForm';

/** "Version 2 of 2 · 2 Dec 2026 …" with links to the other versions, and (admins, latest only) the form for the next one. */
export function VersionBar({ articleId, versions, canAddVersion }: { articleId: number; versions: VersionSummary[]; canAddVersion: boolean }) {
  const current = versions.find((version) => version.id === articleId);
  const latest = versions[versions.length - 1];
  if (!current || !latest) return null;
  const others = versions.filter((version) => version.id !== articleId);
  if (others.length === 0 && !canAddVersion) return null;
  return (
    <nav className="version-bar" aria-label="Versions">
      <p data-testid="version-status">
        Version {current.versionNumber} of {latest.versionNumber} · {formatDateTime(current.createdAt)}
        {current.id !== latest.id && (
          <>
            {' · '}
            <strong>An older version.</strong> <Link href={`/articles/${latest.id}`}>Read the latest (version {latest.versionNumber})</Link>
          </>
        )}
      </p>
      {others.length > 0 && (
        <ul className="version-links">
          {versions.map((version) => (
            <li key={version.id}>
              {version.id === articleId ? (
                <span aria-current="page">Version {version.versionNumber}</span>
              ) : (
                <Link href={`/articles/${version.id}`}>Version {version.versionNumber}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAddVersion && current.id === latest.id && <NewVersionForm articleId={articleId} />}
    </nav>
  );
}
