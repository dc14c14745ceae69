import type { PendingComparison } from '@/db/gold-comparisons';

interface Props {
  comparisons: PendingComparison[];
  disabled: boolean;
  onSettle: (comparison: PendingComparison, settlement: 'accept' | 'drop') => void;
}

/**
 * Reviewers' comparisons whose figures are only partly in gold. One whose figures are all
 * accepted comes into gold by itself; these need the curator to say which way they go.
 */
export function ComparisonsToSettle({ comparisons, disabled, onSettle }: Props) {
  if (comparisons.length === 0) return null;
  return (
    <section className="comparisons-to-settle" aria-labelledby="comparisons-to-settle">
      <h2 id="comparisons-to-settle">Comparisons to settle ({comparisons.length})</h2>
      <p className="hint">
        Some figures of these comparisons are in gold and some are not. <strong>Accept the rest</strong> copies the missing figures into
        gold and brings the comparison along; <strong>Drop</strong> leaves gold as it is.
      </p>
      <ul className="pending-comparisons">
        {comparisons.map((comparison) => (
          <li key={comparison.id} data-testid="pending-comparison" aria-labelledby={`pending-comparison-${comparison.id}`}>
            <h3 id={`pending-comparison-${comparison.id}`}>
              {comparison.title} <span className="hint">({comparison.layerName}&rsquo;s layer)</span>
            </h3>
            <ul>
              {comparison.figures.map((figure) => (
                <li key={figure.annotationId} data-in-gold={figure.goldId !== null}>
                  “{figure.quote}” — {figure.goldId !== null ? 'in gold' : 'not in gold yet'}
                </li>
              ))}
            </ul>
            <div className="form-actions">
              <button type="button" disabled={disabled} onClick={() => onSettle(comparison, 'accept')}>
                Accept the rest
              </button>
              <button type="button" className="quiet" disabled={disabled} onClick={() => onSettle(comparison, 'drop')}>
                Drop
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
