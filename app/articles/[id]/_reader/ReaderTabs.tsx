'use client';

export type NarrowView = 'text' | 'panel';

interface Props {
  view: NarrowView;
  onChange: (view: NarrowView) => void;
  annotationCount: number;
}

/**
 * Below 60rem the text and the annotation panel no longer fit side by side; instead of stacking
 * the panel under the whole article, this sticky switch shows one or the other (globals.css
 * hides it on wide screens, where both are always shown).
 */
export function ReaderTabs({ view, onChange, annotationCount }: Props) {
  return (
    <div className="reader-tabs" role="group" aria-label="Show" data-testid="reader-tabs">
      <button type="button" aria-pressed={view === 'text'} onClick={() => onChange('text')}>
        Text
      </button>
      <button type="button" aria-pressed={view === 'panel'} onClick={() => onChange('panel')}>
        Panel <span className="count">{annotationCount}</span>
      </button>
    </div>
  );
}
