import type { IncidentFigureView } from '@/db/incidents';

/*
 * Counts as the reports came in: one column per publication date, one mark per
 * figure at its reported number (the high end of a range), a line per kind of
 * harm. Plain SVG: the table below it carries the same facts for screen readers,
 * so the drawing is hidden from them.
 */

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 16, top: 16, bottom: 32 };
const SERIES_CLASSES = ['series-a', 'series-b', 'series-c', 'series-d'];

export function Timeline({ figures }: { figures: IncidentFigureView[] }) {
  const dated = figures.filter((figure) => figure.publishedOn !== null && reported(figure) !== null);
  if (dated.length === 0) return <p className="empty">No dated reports with a number to draw; the table lists every report.</p>;
  const dates = [...new Set(dated.map((figure) => figure.publishedOn as string))].sort();
  const categories = [...new Set(dated.map((figure) => figure.category))];
  const top = Math.max(1, ...dated.map((figure) => reported(figure) ?? 0));
  const x = (date: string) => PAD.left + (dates.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (dates.indexOf(date) / (dates.length - 1)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure className="incident-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation" aria-hidden="true" focusable="false">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.left - 6} y={y(top)} textAnchor="end" dominantBaseline="middle" className="tick">
          {top}
        </text>
        <text x={PAD.left - 6} y={y(0)} textAnchor="end" dominantBaseline="middle" className="tick">
          0
        </text>
        {dates.map((date) => (
          <text key={date} x={x(date)} y={HEIGHT - 10} textAnchor="middle" className="tick">
            {date}
          </text>
        ))}
        {categories.map((category, index) => {
          const points = dated.filter((figure) => figure.category === category);
          const seriesClass = SERIES_CLASSES[index % SERIES_CLASSES.length];
          return (
            <g key={category} className={seriesClass}>
              <polyline points={points.map((figure) => `${x(figure.publishedOn as string)},${y(reported(figure) ?? 0)}`).join(' ')} className="series-line" />
              {points.map((figure) => (
                <circle key={figure.annotationId} cx={x(figure.publishedOn as string)} cy={y(reported(figure) ?? 0)} r={5} className="series-point" />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {categories.map((category, index) => (
          <span key={category} className={`legend-key ${SERIES_CLASSES[index % SERIES_CLASSES.length]}`}>
            {category}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function reported(figure: IncidentFigureView): number | null {
  return figure.max ?? figure.min;
}
