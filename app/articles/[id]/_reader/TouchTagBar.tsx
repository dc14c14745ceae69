'use client';

import { LABELS, LABEL_INFO, type Label } from '@/lib/labels';

interface Props {
  onTag: (label: Label) => void;
}

/**
 * Select-then-tag for touch screens and narrow windows: while text is selected, a bar fixed to
 * the bottom of the screen offers the labels. The floating toolbar would sit under the phone's
 * own selection handles and copy menu, so globals.css shows this bar instead below 60rem or
 * with a coarse pointer.
 */
export function TouchTagBar({ onTag }: Props) {
  return (
    <div className="touch-tag-bar" role="toolbar" aria-label="Tag the selected text" data-testid="touch-tag-bar">
      <span className="touch-tag-hint" aria-hidden="true">
        Tag selection
      </span>
      {LABELS.map((label) => (
        <button
          key={label}
          type="button"
          className={`tag-button label-${label}`}
          // Keep the text selection alive: pressing a button would otherwise collapse it first.
          onMouseDown={(event) => event.preventDefault()}
          onPointerDown={(event) => event.preventDefault()}
          onClick={() => onTag(label)}
          title={LABEL_INFO[label].description}
        >
          <span className={`swatch label-${label}`} aria-hidden="true" />
          {LABEL_INFO[label].name}
        </button>
      ))}
    </div>
  );
}
