import type { FigureQualifier } from '../vocabulary';

export interface FigureValueParts {
  min: number | null;
  max: number | null;
  qualifier: FigureQualifier;
  vague: boolean;
}

const PREFIX: Record<FigureQualifier, string> = {
  exact: '',
  range: '',
  at_least: 'at least ',
  at_most: 'up to ',
  about: 'about ',
  vague: '',
};

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A figure's value in words, the one wording every screen and export uses: "5",
 * "at least 5", "up to 5", "about 5", "3–5", "≥ 2,000 (vague)"; "" when it names no
 * number ("vague" for an amount given without one). `grouping: false` writes plain
 * numbers ("2000"), for cells that must read the same in every locale.
 */
export function figureValueText(figure: FigureValueParts, options: { grouping: boolean } = { grouping: true }): string {
  const format = (n: number) => (options.grouping ? grouped.format(n) : String(n));
  const interval = (low: number, high: number) => (low === high ? format(low) : `${format(low)}–${format(high)}`);
  const { min, max, qualifier } = figure;
  // A vague amount ("thousands") is the least the words can mean, with no upper bound.
  if (qualifier === 'vague') {
    if (min === null && max === null) return 'vague';
    if (max === null) return `≥ ${format(min!)} (vague)`;
    if (min === null) return `≤ ${format(max)} (vague)`;
    return `${interval(Math.min(min, max), Math.max(min, max))} (vague)`;
  }
  if (min === null && max === null) return figure.vague ? 'vague' : '';
  const a = min ?? max!;
  const b = max ?? a;
  const text = `${PREFIX[qualifier]}${interval(Math.min(a, b), Math.max(a, b))}`;
  // The flag survives a reviewer changing the qualifier of "at least dozens".
  return figure.vague ? `${text} (vague)` : text;
}
