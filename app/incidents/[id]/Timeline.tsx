import type { IncidentFigureView } from '@/db/incidents';
import { formatClockTime, publicationInstant } from '@/lib/dates/publication-time';

/*
 * Counts as the reports came in: one column per publication date (and time, when the
 * article has one), one mark per
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
  // Columns in the order the reports were published (offsets taken into account).
  const moments = [...new Set(dated.map(momentOf))].sort((a, b) => instantOf(a) - instantOf(b));
  const categories = [...new Set(dated.map((figure) => figure.category))];
  const top = Math.max(1, ...dated.map((figure) => reported(figure) ?? 0));
  const x = (moment: string) =>
    PAD.left + (moments.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (moments.indexOf(moment) / (moments.length - 1)) * (WIDTH - PAD.left - PAD.right));
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
        {moments.map((moment, index) => {
          const [date, time] = moment.split('|');
          // The outer labels lean inwards so a long "17:05 UTC+03:00" is not cut off at the edge.
          const anchor = moments.length === 1 ? 'middle' : index === 0 ? 'start' : index === moments.length - 1 ? 'end' : 'middle';
          return (
            <text key={moment} x={x(moment)} y={HEIGHT - (time ? 18 : 10)} textAnchor={anchor} className="tick">
              {date}
              {time && (
                <tspan x={x(moment)} dy="1.1em">
                  {formatClockTime(time)}
                </tspan>
              )}
            </text>
          );
        })}
        {categories.map((category, index) => {
          const points = dated.filter((figure) => figure.category === category);
          const seriesClass = SERIES_CLASSES[index % SERIES_CLASSES.length];
          return (
            <g key={category} className={seriesClass}>
              <polyline points={points.map((figure) => `${x(momentOf(figure))},${y(reported(figure) ?? 0)}`).join(' ')} className="series-line" />
              {points.map((figure) => (
                <circle key={figure.annotationId} cx={x(momentOf(figure))} cy={y(reported(figure) ?? 0)} r={5} className="series-point" />
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

/** "2023-11-22" or "2023-11-22|14:05Z": one column of the drawing. */
function momentOf(figure: IncidentFigureView): string {
  return figure.publishedTime ? `${figure.publishedOn}|${figure.publishedTime}` : (figure.publishedOn as string);
}

function instantOf(moment: string): number {
  const [date, time] = moment.split('|');
  return publicationInstant(date ?? null, time ?? null) ?? 0;
}

function reported(figure: IncidentFigureView): number | null {
  return figure.max ?? figure.min;
}
