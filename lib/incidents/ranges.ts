import type { Qualifier } from '../figures/types';

/*
 * The casualty-desk arithmetic behind an incident record (the way Iraq Body
 * Count keeps a minimum and a maximum per incident): for each kind of harm,
 * the lowest and the highest number reported, each bound tied to the figures
 * that set it. A figure's qualifier decides which bounds it may set:
 * "at least 5" says nothing about how many at most, so it can set the low
 * bound, and the high bound only as an open one ("5 or more"); "up to 5" the
 * mirror image; a vague amount ("dozens", "many") sets neither and is listed
 * beside the numbers.
 */

export interface IncidentFigure {
  annotationId: number;
  category: string;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

export interface Bound {
  value: number;
  /** Set only by figures that do not close it: "at least 5" as the highest report reads "5 or more". */
  open: boolean;
  /** Set only by figures marked "about". */
  approximate: boolean;
  /** The figures that report exactly this bound, in the order given. */
  annotationIds: number[];
}

export interface CategoryRange {
  category: string;
  low: Bound | null;
  high: Bound | null;
  /** Every figure of the category, in the order given. */
  annotationIds: number[];
  /** Figures with no number ("dozens were wounded"): part of the record, bounding nothing. */
  unboundedIds: number[];
}

interface Interval {
  /** Lowest number the figure allows, or null when it gives only an upper end. */
  low: number | null;
  high: number | null;
}

/** The numbers a figure commits to, by its qualifier. */
export function figureInterval(figure: Pick<IncidentFigure, 'min' | 'max' | 'qualifier'>): Interval {
  const min = Number.isFinite(figure.min) ? figure.min : null;
  const max = Number.isFinite(figure.max) ? figure.max : null;
  if (min === null && max === null) return { low: null, high: null };
  if (figure.qualifier === 'at_least') return { low: min ?? max, high: null };
  if (figure.qualifier === 'at_most') return { low: null, high: max ?? min };
  const a = min ?? (max as number);
  const b = max ?? a;
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/** One range per category, in the order categories first appear. */
export function categoryRanges(figures: readonly IncidentFigure[]): CategoryRange[] {
  const byCategory = new Map<string, IncidentFigure[]>();
  for (const figure of figures) {
    const list = byCategory.get(figure.category);
    if (list) list.push(figure);
    else byCategory.set(figure.category, [figure]);
  }
  return [...byCategory].map(([category, members]) => categoryRange(category, members));
}

function categoryRange(category: string, figures: IncidentFigure[]): CategoryRange {
  const withIntervals = figures.map((figure) => ({ figure, interval: figureInterval(figure) }));
  const numbered = withIntervals.filter(({ interval }) => interval.low !== null || interval.high !== null);
  return {
    category,
    low: bound(numbered, 'low'),
    high: bound(numbered, 'high'),
    annotationIds: figures.map((figure) => figure.annotationId),
    unboundedIds: withIntervals.filter(({ interval }) => interval.low === null && interval.high === null).map(({ figure }) => figure.annotationId),
  };
}

/**
 * The lowest (or highest) number reported. A figure's own end on that side
 * closes the bound; a figure open on that side ("at least 9" for the high
 * bound) still reports its number, so it can set the bound as an open one.
 */
function bound(entries: { figure: IncidentFigure; interval: Interval }[], side: 'low' | 'high'): Bound | null {
  const other = side === 'low' ? 'high' : 'low';
  const better = (a: number, b: number) => (side === 'low' ? a < b : a > b);
  let best: number | null = null;
  for (const { interval } of entries) {
    const value = interval[side] ?? interval[other];
    if (value !== null && (best === null || better(value, best))) best = value;
  }
  if (best === null) return null;
  const setters = entries.filter(({ interval }) => (interval[side] ?? interval[other]) === best);
  return {
    value: best,
    open: setters.every(({ interval }) => interval[side] === null),
    approximate: setters.every(({ figure }) => figure.qualifier === 'about'),
    annotationIds: setters.map(({ figure }) => figure.annotationId),
  };
}

/** "5", "about 5", "5 or more", "up to 5" — a bound as a reader says it. */
export function boundText(value: Bound | null, side: 'low' | 'high'): string {
  if (!value) return '—';
  const number = new Intl.NumberFormat('en-US').format(value.value);
  const said = value.approximate ? `about ${number}` : number;
  if (!value.open) return said;
  return side === 'high' ? `${said} or more` : `up to ${said}`;
}
