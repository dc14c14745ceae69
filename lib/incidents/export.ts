import { stringify } from 'csv-stringify/sync';
import { DEFAULT_CATEGORIES } from '../figures/types';

/*
 * Incident records as a casualty monitor keeps them (Iraq Body Count's shape):
 * one row per incident with its dates and place, the lowest and highest
 * number reported for each kind of harm, and the sources behind them.
 */

export interface ExportIncidentFigure {
  annotationId: number;
  articleTitle: string;
  /** The outlet: the article's source, else its web address's host. */
  outlet: string;
  articleUrl: string | null;
  publishedOn: string | null;
  /** Who says so: "Kataib Hezbollah". */
  source: string | null;
  quote: string;
  valueText: string;
}

export interface ExportIncidentCategory {
  category: string;
  min: number | null;
  max: number | null;
  minText: string;
  maxText: string;
  figures: ExportIncidentFigure[];
}

export interface ExportIncident {
  id: number;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  place: string | null;
  categories: ExportIncidentCategory[];
}

/** Categories in the app's usual order (killed, wounded, …), then any others alphabetically. */
export function orderedCategories(incidents: readonly ExportIncident[]): string[] {
  const present = new Set(incidents.flatMap((incident) => incident.categories.map((entry) => entry.category)));
  const known: string[] = DEFAULT_CATEGORIES.filter((category) => present.has(category));
  const others = [...present].filter((category) => !known.includes(category)).sort();
  return [...known, ...others];
}

/** "The National: Kataib Hezbollah (five of its fighters were killed)" — one per figure, deduplicated. */
function sourcesCell(incident: ExportIncident): string {
  const lines = incident.categories.flatMap((entry) =>
    entry.figures.map((figure) => `${figure.outlet || figure.articleTitle}: ${figure.source ?? 'unattributed'} (${figure.quote})`),
  );
  return [...new Set(lines)].join('; ');
}

export function incidentsCsv(incidents: readonly ExportIncident[]): string {
  const categories = orderedCategories(incidents);
  const header = ['incident_id', 'title', 'start_date', 'end_date', 'place', ...categories.flatMap((category) => [`${category}_min`, `${category}_max`]), 'sources', 'articles'];
  const rows = incidents.map((incident) => {
    const byCategory = new Map(incident.categories.map((entry) => [entry.category, entry]));
    const articles = [...new Set(incident.categories.flatMap((entry) => entry.figures.map((figure) => figure.articleUrl ?? figure.articleTitle)))];
    return [
      incident.id,
      incident.title,
      incident.startsOn,
      incident.endsOn ?? incident.startsOn,
      incident.place,
      ...categories.flatMap((category) => {
        const entry = byCategory.get(category);
        return [entry?.min ?? null, entry?.max ?? null];
      }),
      sourcesCell(incident),
      articles.join('; '),
    ];
  });
  // escape_formulas: a title or quote starting with "=" must not run as a spreadsheet formula.
  return stringify([header, ...rows], { escape_formulas: true });
}

export function incidentsJson(incidents: readonly ExportIncident[]): string {
  return `${JSON.stringify({ incidents }, null, 2)}\n`;
}
