import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listEvents } from '@/db/comparisons';
import { conflictLayers, listConflicts, type ConflictPage } from '@/db/conflicts';
import { isAppError } from '@/lib/errors';
import { pageViewer } from '../_server/session';
import { ConflictCard } from './ConflictCard';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Conflicts' };

type Props = { searchParams: Promise<{ layer?: string; cursor?: string }> };

const ID = /^[1-9]\d{0,15}$/;

export default async function ConflictsPage(props: Props) {
  const db = appDatabase();
  await connection();
  const viewer = await pageViewer('/conflicts');
  const { layer, cursor } = await props.searchParams;
  let page: ConflictPage;
  try {
    page = await listConflicts(db, viewer, { layerId: layer && ID.test(layer) ? Number(layer) : undefined, cursor });
  } catch (error) {
    // A stale or foreign link (another reviewer's layer, an old cursor) shows the viewer's own first page.
    if (!isAppError(error) || error.status >= 500) throw error;
    page = await listConflicts(db, viewer);
  }
  const layers = await conflictLayers(db, viewer);
  const incidents = await listEvents(db, viewer);
  return (
    <div className="page conflicts-page">
      <h1>Conflicts</h1>
      <p className="lede">
        Figures from different articles that seem to report the same incident — the same kind of harm, articles published within {page.windowDays} days of
        each other, the same place or the same people counted — and disagree. Compare them, add them to an incident, or dismiss them.
      </p>
      {layers.length > 1 && (
        <nav className="conflict-layers" aria-label="Layer">
          Layer:{' '}
          {layers.map((entry, index) => (
            <span key={entry.id}>
              {index > 0 && ' · '}
              {entry.id === page.layerId ? (
                <strong aria-current="page">{entry.name}</strong>
              ) : (
                <Link href={`/conflicts?${new URLSearchParams({ layer: String(entry.id) })}`}>{entry.name}</Link>
              )}
            </span>
          ))}
        </nav>
      )}
      {!page.writable && page.conflicts.length > 0 && (
        <p className="lede" data-testid="conflicts-read-only">
          You are reading {page.layerName}’s layer: its conflicts can be compared, added to incidents or dismissed only from that layer. Switch to gold to
          act on them there.
        </p>
      )}
      {page.conflicts.length === 0 ? (
        <p className="empty" data-testid="conflicts-empty">
          {cursor
            ? 'No more conflicts in this stretch of the library.'
            : `No conflicts found in ${page.layerName === viewer.displayName ? 'your layer' : page.layerName}. Figures join the finder once they say what was counted and who or where, on articles with a date.`}
        </p>
      ) : (
        <ol className="conflict-list" aria-label="Proposed conflicts, newest first">
          {page.conflicts.map((conflict) => (
            <li key={conflict.key}>
              <ConflictCard conflict={conflict} layerId={page.layerId} incidents={incidents} writable={page.writable} />
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor !== null && (
        <p className="pager">
          {page.searchedBackTo && <span>Searched articles back to {page.searchedBackTo}. </span>}
          <Link href={`/conflicts?${new URLSearchParams({ layer: String(page.layerId), cursor: page.nextCursor })}`}>Older conflicts</Link>
        </p>
      )}
    </div>
  );
}
