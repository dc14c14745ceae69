import Link from 'next/link';
import { formatFigureValue } from '@/app/_client/figure-format';
import { LABEL_INFO } from '@/lib/labels';
import type { FigureChangeView, OrphanView } from '@/db/versions';

function value(bounds: { min: number | null; max: number | null }): string {
  if (bounds.min === null && bounds.max === null) return 'no number';
  return formatFigureValue({ ...bounds, qualifier: bounds.min === bounds.max ? 'exact' : 'range', vague: false });
}

/**
 * What changed for this layer since the version it was carried from: figures whose number
 * changed (shown beside their earlier self) and annotations that could not be placed.
 */
export function VersionChanges({ layerId, changes, orphans }: { layerId: number; changes: FigureChangeView[]; orphans: OrphanView[] }) {
  if (changes.length === 0 && orphans.length === 0) return null;
  return (
    <section className="version-changes" aria-label="Changes from the earlier version">
      {changes.length > 0 && (
        <div>
          <h2>Figures that changed</h2>
          <ul>
            {changes.map((change) => (
              <li key={change.annotationId} data-testid="figure-change">
                <Link href={`?annotation=${change.annotationId}&layer=${layerId}`}>“{change.quote}”</Link>: was {value(change.was)} in version {change.fromVersion}, now {value(change.now)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {orphans.length > 0 && (
        <div>
          <h2>Not found in this version</h2>
          <ul>
            {orphans.map((orphan) => (
              <li key={orphan.annotationId} data-testid="orphan">
                <span className="orphan-label">{LABEL_INFO[orphan.label].name}</span> “{orphan.quote}”
                {orphan.note && <span className="orphan-note"> — {orphan.note}</span>} <span className="hint">(version {orphan.fromVersion})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
