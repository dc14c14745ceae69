'use client';

import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { LABELS, LABEL_INFO, type Label } from '@/lib/labels';
import { uncoveredBand } from './sticky-band';
import type { TextMap } from './text-map';
import type { SpanOffsets } from './types';

interface Props {
  readerRef: RefObject<HTMLElement | null>;
  mapRef: RefObject<TextMap | null>;
  span: SpanOffsets;
  onTag: (label: Label) => void;
}

const GAP_PX = 8;

/**
 * Floats above the selection, or below it when above would cover the sticky header or legend;
 * positioned absolutely so nothing reflows.
 */
export function SelectionToolbar({ readerRef, mapRef, span, onTag }: Props) {
  const [position, setPosition] = useState<{ top: number; left: number; below: boolean } | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const frame = readerRef.current?.parentElement;
    const range = mapRef.current?.range(span.start, span.end);
    if (!frame || !range) return;
    const rects = range.getClientRects();
    const first = rects[0] ?? range.getBoundingClientRect();
    const frameRect = frame.getBoundingClientRect();
    const height = toolbarRef.current?.offsetHeight ?? 0;
    const below = first.top - GAP_PX - height < uncoveredBand().top;
    const anchor = below ? (rects[rects.length - 1] ?? first) : first;
    setPosition({
      top: (below ? anchor.bottom + GAP_PX : anchor.top - GAP_PX) - frameRect.top,
      left: Math.max(0, Math.min(anchor.left - frameRect.left, frameRect.width - 260)),
      below,
    });
  }, [readerRef, mapRef, span]);

  return (
    <div
      ref={toolbarRef}
      className={`selection-toolbar${position?.below ? ' below' : ''}`}
      role="toolbar"
      aria-label="Tag the selected text"
      data-testid="selection-toolbar"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      {LABELS.map((label) => (
        <button
          key={label}
          type="button"
          className={`tag-button label-${label}`}
          // Keep the text selection alive: a mousedown on a button would otherwise clear it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTag(label)}
          aria-keyshortcuts={LABEL_INFO[label].shortcut}
          title={`${LABEL_INFO[label].description} (${LABEL_INFO[label].shortcut})`}
        >
          {LABEL_INFO[label].name}
          <kbd aria-hidden="true">{LABEL_INFO[label].shortcut}</kbd>
        </button>
      ))}
    </div>
  );
}
