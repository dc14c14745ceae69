import { stringify } from 'csv-stringify/sync';
import { figureSourceName } from './figure-source';
import { figureValueText } from '../figures/value-text';
import type { ExportArticle, ExportComparedFigure, ExportComparison, ExportFigure, ExportFormat } from './types';

/*
 * Two spreadsheets: every annotation as a row, and every comparison as a row
 * with its figures side by side. Both are written article by article, each
 * chunk through csv-stringify, which does the quoting.
 *
 * `escape_formulas` makes csv-stringify put a `'` before any text cell that
 * starts with = + - @ tab or carriage return (and their full-width forms), so
 * a spreadsheet shows a reviewer's note "=HYPERLINK(...)" instead of running
 * it (OWASP "CSV injection"). It only touches strings: numbers go in as
 * numbers, so a negative count stays a number.
 */

type Cell = string | number | null;

function rows(records: Cell[][]): string {
  return stringify(records, { escape_formulas: true });
}

/** The figure's source as a reader would name it, "(inferred)" marked. */
function figureSource(figure: ExportFigure): string | null {
  return figureSourceName(figure);
}

/** Plain numbers ("2000"), so a cell reads the same in every locale. */
export const csvValueText = (figure: ExportFigure) => figureValueText(figure, { grouping: false });

export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'annotation_id',
  'label',
  'start',
  'end',
  'quote',
  'note',
  'author',
  'created_at',
  'updated_at',
  'figure_min',
  'figure_max',
  'figure_qualifier',
  'figure_category',
  'figure_counted',
  'figure_place',
  'figure_time',
  'figure_source',
  'claim_status',
  'claim_claimant',
  'actor',
] as const;

/** One row per annotation; `start`/`end` are UTF-16 code units, the unit the text is stored in. */
export function annotationRows(article: ExportArticle): Cell[][] {
  return article.annotations.map((a) => {
    const figure = a.figure;
    return [
      article.id,
      article.title,
      a.id,
      a.label,
      a.start,
      a.end,
      a.quote,
      a.note,
      a.author.username,
      a.createdAt,
      a.updatedAt,
      figure?.min ?? null,
      figure?.max ?? null,
      figure?.qualifier ?? null,
      figure?.category ?? null,
      figure?.counted ?? null,
      figure?.place ?? null,
      figure?.time ?? null,
      figure ? figureSource(figure) : null,
      a.claim?.status ?? null,
      a.claim?.claimant?.name ?? null,
      a.actor?.name ?? null,
    ];
  });
}

export const csvFormat: ExportFormat = {
  name: 'csv',
  description: 'CSV: one row per annotation with its figure, claim and actor details',
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  async *write(articles) {
    yield rows([[...CSV_COLUMNS]]);
    for await (const article of articles) {
      const records = annotationRows(article);
      if (records.length > 0) yield rows(records);
    }
  },
};

/*
 * The header must go out before the first comparison is seen, so the number
 * of figure column groups is fixed rather than the largest comparison's:
 * FIGURE_SLOTS groups, and any figures beyond them go, whole, as a JSON array
 * in the last column `more_figures` (empty when none). Comparisons rarely hold
 * more than a handful of sources.
 */
export const FIGURE_SLOTS = 8;

const FIGURE_FIELDS = [
  'article_id',
  'annotation_id',
  'value',
  'category',
  'qualifier',
  'counted',
  'source',
  'quote',
] as const;

export const FIGURES_CSV_COLUMNS: readonly string[] = [
  'comparison_id',
  'title',
  'status',
  'event',
  'resolution_note',
  'figure_count',
  ...Array.from({ length: FIGURE_SLOTS }, (_, i) => FIGURE_FIELDS.map((field) => `figure_${i + 1}_${field}`)).flat(),
  'more_figures',
];

function figureCells(compared: ExportComparedFigure): Cell[] {
  const { figure } = compared;
  return [
    compared.articleId,
    compared.annotationId,
    csvValueText(figure),
    figure.category,
    figure.qualifier,
    figure.counted,
    figureSource(figure),
    compared.quote,
  ];
}

/** The same fields as the figure columns, keyed by their names, for `more_figures`. */
function figureObject(compared: ExportComparedFigure): Record<string, Cell> {
  const cells = figureCells(compared);
  return Object.fromEntries(FIGURE_FIELDS.map((field, i) => [field, cells[i] ?? null]));
}

export function comparisonRow(comparison: ExportComparison): Cell[] {
  const shown = comparison.figures.slice(0, FIGURE_SLOTS);
  const rest = comparison.figures.slice(FIGURE_SLOTS);
  const empty: Cell[] = Array.from({ length: FIGURE_FIELDS.length }, () => null);
  return [
    comparison.id,
    comparison.title,
    comparison.status,
    comparison.event,
    comparison.resolutionNote,
    comparison.figures.length,
    ...Array.from({ length: FIGURE_SLOTS }, (_, i) => {
      const compared = shown[i];
      return compared ? figureCells(compared) : empty;
    }).flat(),
    rest.length > 0 ? JSON.stringify(rest.map(figureObject)) : null,
  ];
}

export const figuresCsvFormat: ExportFormat = {
  name: 'figures-csv',
  description: `CSV: one row per comparison with up to ${FIGURE_SLOTS} figures side by side`,
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  async *write(articles) {
    yield rows([[...FIGURES_CSV_COLUMNS]]);
    // A comparison across several articles arrives with each; the ids seen are
    // the only state kept, one number per comparison.
    const written = new Set<number>();
    for await (const article of articles) {
      const records: Cell[][] = [];
      for (const comparison of article.comparisons) {
        if (written.has(comparison.id)) continue;
        written.add(comparison.id);
        records.push(comparisonRow(comparison));
      }
      if (records.length > 0) yield rows(records);
    }
  },
};
