import { figureValueText } from '../figures/value-text';
import type { ComparableFigure } from './types';

/*
 * The numbers of a figure as reviewers read them. Shared by the disagreement
 * marks, the spread and the suggestion reasons so that all three agree on
 * when two values are "the same".
 */

export interface FigureNumbers {
  low: number;
  high: number;
}

/**
 * The interval a figure names, or null when it names no number. One number
 * (only min, only max, or both equal) is a single point whatever the
 * qualifier: "at least 5" and "5" both say 5, and the qualifier is compared
 * on its own. Ends given the wrong way round are put in order.
 */
export function figureNumbers(figure: Pick<ComparableFigure, 'min' | 'max'>): FigureNumbers | null {
  const min = Number.isFinite(figure.min) ? figure.min : null;
  const max = Number.isFinite(figure.max) ? figure.max : null;
  if (min === null && max === null) return null;
  const a = min ?? (max as number);
  const b = max ?? a;
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/** Equal for two figures exactly when their numbers are the same. */
export function valueKey(numbers: FigureNumbers): string {
  return `${numbers.low}/${numbers.high}`;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function formatInterval(numbers: FigureNumbers): string {
  const low = formatNumber(numbers.low);
  return numbers.low === numbers.high ? low : `${low}–${formatNumber(numbers.high)}`;
}

/** How a figure's value reads in a sentence: "5", "at least 5", "3–7" (the wording of lib/figures/value-text.ts). */
export function valueText(figure: Pick<ComparableFigure, 'min' | 'max' | 'qualifier'> & { vague?: boolean }): string {
  return figureValueText({ vague: false, ...figure }) || 'no number';
}
