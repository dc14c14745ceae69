import type { PairAgreement } from '@/lib/agreement/types';
import { LABEL_INFO, LABELS } from '@/lib/labels';
import { cellTestId, formatScore, pairName } from './format';

/** Span agreement, one row per reviewer pair and label, the pair's rows grouped under its name. */
export function SpanAgreementTable({ pairs }: { pairs: PairAgreement[] }) {
  return (
    <table className="library-table agreement-table">
      <caption>Span agreement per reviewer pair and label</caption>
      <thead>
        <tr>
          <th scope="col">Reviewers</th>
          <th scope="col">Label</th>
          <th scope="col" className="number">
            Spans (A / B)
          </th>
          <th scope="col" className="number">
            Exact F1
          </th>
          <th scope="col" className="number">
            Overlap F1
          </th>
          <th scope="col" className="number">
            Kappa
          </th>
        </tr>
      </thead>
      {pairs.map((pair) => (
        <tbody key={`${pair.reviewerA}\u0000${pair.reviewerB}`}>
          {LABELS.map((label, index) => {
            const scores = pair.byLabel[label];
            return (
              <tr key={label}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={LABELS.length}>
                    {pairName(pair)}
                  </th>
                )}
                <th scope="row">{LABEL_INFO[label].name}</th>
                <td className="number" data-testid={cellTestId(pair, `${label}-spans`)}>
                  {scores.countA} / {scores.countB}
                </td>
                <td className="number" data-testid={cellTestId(pair, `${label}-exact`)}>
                  {formatScore(scores.exactF1)}
                </td>
                <td className="number" data-testid={cellTestId(pair, `${label}-overlap`)}>
                  {formatScore(scores.overlapF1)}
                </td>
                <td className="number" data-testid={cellTestId(pair, `${label}-kappa`)}>
                  {formatScore(scores.kappa)}
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}

/** How alike the pair read the figures both tagged at the same offsets. */
export function FigureAgreementTable({ pairs }: { pairs: PairAgreement[] }) {
  return (
    <table className="library-table agreement-table">
      <caption>Figure readings per reviewer pair, over figures both tagged at the same offsets</caption>
      <thead>
        <tr>
          <th scope="col">Reviewers</th>
          <th scope="col" className="number">
            Matched figures
          </th>
          <th scope="col" className="number">
            Value agreement
          </th>
          <th scope="col" className="number">
            Category agreement
          </th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair) => (
          <tr key={`${pair.reviewerA}\u0000${pair.reviewerB}`}>
            <th scope="row">{pairName(pair)}</th>
            <td className="number" data-testid={cellTestId(pair, 'figures-matched')}>
              {pair.figures.matched}
            </td>
            <td className="number" data-testid={cellTestId(pair, 'figures-value')}>
              {formatScore(pair.figures.valueAgreement)}
            </td>
            <td className="number" data-testid={cellTestId(pair, 'figures-category')}>
              {formatScore(pair.figures.categoryAgreement)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
