import type { FigureView } from '@/db/annotation-details';
import { figureValueText } from '@/lib/figures/value-text';

export const QUALIFIER_NAMES: Record<FigureView['qualifier'], string> = {
  exact: 'exact',
  at_least: 'at least',
  at_most: 'at most / up to',
  about: 'about',
  range: 'range',
  vague: 'vague',
};

/** The value as the panel and the comparison table show it; "—" when no number is given. */
export function formatFigureValue(figure: Pick<FigureView, 'min' | 'max' | 'qualifier' | 'vague'>): string {
  return figureValueText(figure) || '—';
}

export function figureSource(figure: Pick<FigureView, 'sourceActor' | 'sourceText'>): string {
  return figure.sourceActor?.canonicalName ?? figure.sourceText ?? '—';
}
