import type { Fields } from '@/lib/editing/drafts';
import type { FigureView } from '@/db/annotation-details';
import type { FigurePatch } from './types';

/** "Not a tagged actor": the source is only the attribution text. */
export const FREE_TEXT_SOURCE = '';

export type FigureFieldName = 'qualifier' | 'min' | 'max' | 'category' | 'counted' | 'place' | 'time' | 'sourceActorId' | 'sourceText';
export type FigureDraftFields = Fields<FigureFieldName>;

/** What the figure form shows for a stored figure. */
export function figureFields(figure: FigureView): FigureDraftFields {
  return {
    qualifier: figure.qualifier,
    min: figure.min?.toString() ?? '',
    max: figure.max?.toString() ?? '',
    category: figure.category,
    counted: figure.counted ?? '',
    place: figure.place ?? '',
    time: figure.time ?? '',
    sourceActorId: figure.sourceActor ? String(figure.sourceActor.id) : FREE_TEXT_SOURCE,
    sourceText: figure.sourceText ?? '',
  };
}

function numberOrNull(value: string): number | null | 'invalid' {
  if (value.trim() === '') return null;
  const parsed = Number(value.replace(/,/g, ''));
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : 'invalid';
}

/** The change to send for a draft, or why it cannot be saved as it stands. */
export function figurePatch(fields: FigureDraftFields): { patch: FigurePatch } | { error: string } {
  const low = numberOrNull(fields.min);
  const high = numberOrNull(fields.max);
  if (low === 'invalid' || high === 'invalid') return { error: 'Values must be numbers of zero or more, such as 5 or 1200.' };
  if (low !== null && high !== null && low > high) return { error: `The lowest value (${low}) is greater than the highest (${high}).` };
  const qualifier = fields.qualifier as FigureView['qualifier'];
  return {
    patch: {
      min: low,
      max: high,
      qualifier,
      vague: qualifier === 'vague',
      category: fields.category,
      counted: fields.counted,
      place: fields.place,
      time: fields.time,
      sourceActorId: fields.sourceActorId === FREE_TEXT_SOURCE ? null : Number(fields.sourceActorId),
      sourceText: fields.sourceText,
    },
  };
}
