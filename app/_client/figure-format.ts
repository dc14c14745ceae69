import type { FigureView } from '@/db/annotation-details';

const number = new Intl.NumberFormat('en');

export const QUALIFIER_NAMES: Record<FigureView['qualifier'], string> = {
  exact: 'exact',
  at_least: 'at least',
  at_most: 'at most / up to',
  about: 'about',
  range: 'range',
  vague: 'vague',
};

/** "5", "at least 5", "up to 5", "about 5", "3–5", "≥ 2,000 (vague)", "—". */
export function formatFigureValue(figure: Pick<FigureView, 'min' | 'max' | 'qualifier' | 'vague'>): string {
  const { min, max, qualifier } = figure;
  const low = min === null ? null : number.format(min);
  const high = max === null ? null : number.format(max);
  if (low === null && high === null) return '—';
  let text: string;
  if (qualifier === 'at_least') text = `at least ${low ?? high}`;
  else if (qualifier === 'at_most') text = `up to ${high ?? low}`;
  else if (qualifier === 'about') text = `about ${low ?? high}`;
  else if (low !== null && high !== null && low !== high) text = `${low}–${high}`;
  else if (low !== null && high === null) text = `≥ ${low}`;
  else text = low ?? high ?? '—';
  return figure.vague ? `${text} (vague)` : text;
}

export function figureSource(figure: Pick<FigureView, 'sourceActor' | 'sourceText'>): string {
  return figure.sourceActor?.canonicalName ?? figure.sourceText ?? '—';
}
