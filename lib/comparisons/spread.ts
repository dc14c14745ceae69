import type { ComparableFigure } from './types';
import { figureNumbers, formatInterval } from './value';

/*
 * The range of numbers a comparison spans, for its summary line: how far
 * apart the sources are, at a glance.
 */

export interface ValueSpread {
  low: number | null;
  high: number | null;
  text: string;
}

/**
 * The lowest and highest number any figure mentions, min and max alike.
 * The text is "5", "1–5" or "—" (no numbers). When every figure with a
 * number is an open lower bound ("at least 5", no maximum), nothing caps
 * the count, so the text says so: "≥ 5", or "≥ 5–8" when the floors differ.
 */
export function valueSpread(figures: readonly ComparableFigure[]): ValueSpread {
  let low: number | null = null;
  let high: number | null = null;
  let allOpen = true;
  for (const figure of figures) {
    const numbers = figureNumbers(figure);
    if (numbers === null) continue;
    low = low === null ? numbers.low : Math.min(low, numbers.low);
    high = high === null ? numbers.high : Math.max(high, numbers.high);
    if (figure.qualifier !== 'at_least' || numbers.low !== numbers.high) allOpen = false;
  }
  if (low === null || high === null) return { low: null, high: null, text: '—' };
  const interval = formatInterval({ low, high });
  return { low, high, text: allOpen ? `≥ ${interval}` : interval };
}
