import type { ComparableFigure } from './types';
import { figureNumbers, formatInterval, formatNumber, valueText } from './value';

/*
 * The range of numbers a comparison spans, for its summary line: how far
 * apart the sources are, at a glance, without hiding an open end.
 */

export interface ValueSpread {
  low: number | null;
  high: number | null;
  text: string;
}

/**
 * The lowest and highest number any figure mentions, min and max alike.
 * The text is "5", "1–5" or "—" (no numbers). When the highest number is an
 * open lower bound ("at least 5", no maximum), nothing caps the count and the
 * text says so with a "+": "5 – 5+" for {5, at least 5}, "5+" when every
 * figure says "at least 5". When every figure only caps the count ("up to
 * 5"), the text is "up to 5".
 */
export function valueSpread(figures: readonly ComparableFigure[]): ValueSpread {
  let low: number | null = null;
  let high: number | null = null;
  let allAtLeast = true;
  let allAtMost = true;
  const openTops: number[] = [];
  for (const figure of figures) {
    const numbers = figureNumbers(figure);
    if (numbers === null) continue;
    low = low === null ? numbers.low : Math.min(low, numbers.low);
    high = high === null ? numbers.high : Math.max(high, numbers.high);
    const single = numbers.low === numbers.high;
    if (single && figure.qualifier === 'at_least') openTops.push(numbers.high);
    else allAtLeast = false;
    if (!(single && figure.qualifier === 'at_most')) allAtMost = false;
  }
  if (low === null || high === null) return { low: null, high: null, text: '—' };
  const top = high;
  const openTop = openTops.includes(top);
  let text: string;
  if (allAtMost) text = `up to ${formatNumber(high)}`;
  else if (!openTop) text = formatInterval({ low, high });
  else if (allAtLeast && low === high) text = `${formatNumber(high)}+`;
  else text = `${formatNumber(low)} – ${formatNumber(high)}+`;
  return { low, high, text };
}

/** Each figure's value as it reads, qualifier included, in the figures' order: "5, at least 5, 5". */
export function valueList(figures: readonly ComparableFigure[]): string {
  return figures.length === 0 ? '—' : figures.map((figure) => valueText(figure)).join(', ');
}
