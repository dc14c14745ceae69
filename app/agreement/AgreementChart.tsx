import type { LabelScores, PairAgreement } from '@/lib/agreement/types';
import { LABEL_INFO, LABELS } from '@/lib/labels';
import { formatScore, pairName } from './format';

/*
 * A horizontal grouped bar chart: for each reviewer pair, one group per label
 * with a bar per measure. Horizontal, because many reviewers make many pairs
 * and the chart then grows downwards, where a page can scroll, with every
 * name still readable. Drawn on the server as plain SVG: no script, and the
 * colours come from the stylesheet.
 */

const MEASURES = [
  { score: 'exactF1', name: 'Exact F1', className: 'measure-exact' },
  { score: 'overlapF1', name: 'Overlap F1', className: 'measure-overlap' },
  { score: 'kappa', name: 'Kappa', className: 'measure-kappa' },
] as const satisfies readonly { score: keyof LabelScores; name: string; className: string }[];

const WIDTH = 640;
const PLOT_LEFT = 170;
const PLOT_WIDTH = 400;
const AXIS_HEIGHT = 26;
const PAIR_HEADING_HEIGHT = 24;
const BAR_HEIGHT = 10;
const BAR_GAP = 3;
const GROUP_GAP = 12;
const GROUP_HEIGHT = MEASURES.length * BAR_HEIGHT + (MEASURES.length - 1) * BAR_GAP + GROUP_GAP;
const PAIR_HEIGHT = PAIR_HEADING_HEIGHT + LABELS.length * GROUP_HEIGHT;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Scores run from 0 to 1 except kappa, which can fall below 0; such a bar stays at 0 and its number says the rest. */
function barWidth(score: number): number {
  return Math.min(1, Math.max(0, score)) * PLOT_WIDTH;
}

/** What a screen reader hears instead of the bars: the scale, the extent, and where exact F1 is highest and lowest. */
function chartSummary(pairs: PairAgreement[]): string {
  const scored = pairs.flatMap((pair) =>
    LABELS.flatMap((label) => {
      const exact = pair.byLabel[label].exactF1;
      return exact === null ? [] : [{ exact, where: `${pair.reviewerA} and ${pair.reviewerB} on ${LABEL_INFO[label].name.toLowerCase()}` }];
    }),
  );
  const pairCount = `${pairs.length} reviewer pair${pairs.length === 1 ? '' : 's'}`;
  const intro = `Bar chart of exact F1, overlap F1 and kappa, on a 0 to 1 scale, per label for ${pairCount}.`;
  const lowest = scored.reduce<(typeof scored)[number] | undefined>((low, entry) => (low && low.exact <= entry.exact ? low : entry), undefined);
  const highest = scored.reduce<(typeof scored)[number] | undefined>((high, entry) => (high && high.exact >= entry.exact ? high : entry), undefined);
  const extent =
    lowest && highest
      ? ` Exact F1 ranges from ${formatScore(lowest.exact)} (${lowest.where}) to ${formatScore(highest.exact)} (${highest.where}).`
      : ' No label has spans, so no exact F1 is defined.';
  return `${intro}${extent} The tables give every number.`;
}

export function AgreementChart({ pairs }: { pairs: PairAgreement[] }) {
  const height = AXIS_HEIGHT + pairs.length * PAIR_HEIGHT;
  return (
    <figure className="agreement-chart">
      <svg role="img" aria-label={chartSummary(pairs)} width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
        {TICKS.map((tick) => {
          const x = PLOT_LEFT + tick * PLOT_WIDTH;
          return (
            <g key={tick}>
              <line className={tick === 0 ? 'axis-zero' : 'grid-line'} x1={x} x2={x} y1={AXIS_HEIGHT - 6} y2={height} />
              <text className="tick" x={x} y={AXIS_HEIGHT - 10} textAnchor="middle">
                {tick}
              </text>
            </g>
          );
        })}
        {pairs.map((pair, pairIndex) => {
          const pairTop = AXIS_HEIGHT + pairIndex * PAIR_HEIGHT;
          return (
            <g key={`${pair.reviewerA}\u0000${pair.reviewerB}`}>
              <text className="pair-name" x={0} y={pairTop + PAIR_HEADING_HEIGHT - 8}>
                {pairName(pair)}
              </text>
              {LABELS.map((label, labelIndex) => {
                const groupTop = pairTop + PAIR_HEADING_HEIGHT + labelIndex * GROUP_HEIGHT;
                const groupMiddle = groupTop + (GROUP_HEIGHT - GROUP_GAP) / 2;
                return (
                  <g key={label}>
                    <text className="label-name" x={PLOT_LEFT - 10} y={groupMiddle} dominantBaseline="middle" textAnchor="end">
                      {LABEL_INFO[label].name}
                    </text>
                    {MEASURES.map((measure, measureIndex) => {
                      const score = pair.byLabel[label][measure.score];
                      const y = groupTop + measureIndex * (BAR_HEIGHT + BAR_GAP);
                      const width = score === null ? 0 : barWidth(score);
                      return (
                        <g key={measure.score}>
                          <rect className={measure.className} x={PLOT_LEFT} y={y} width={width} height={BAR_HEIGHT} />
                          <text className="value" x={PLOT_LEFT + width + 4} y={y + BAR_HEIGHT / 2} dominantBaseline="middle">
                            {formatScore(score)}
                          </text>
                        </g>
                      );
                    })}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="agreement-legend" aria-label="Legend">
          {MEASURES.map((measure) => (
            <li key={measure.score}>
              <span className={`swatch ${measure.className}`} aria-hidden="true" />
              {measure.name}
            </li>
          ))}
        </ul>
        <p className="hint">Bars run from 0 to 1. A negative kappa (less agreement than chance) has no bar; its number is beside the axis.</p>
      </figcaption>
    </figure>
  );
}
