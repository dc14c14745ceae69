'use client';

import { useEffect, useState, type RefObject } from 'react';
import { keepInView, uncoveredBand } from './sticky-band';
import type { TextMap } from './text-map';
import type { SpanOffsets } from './types';

export interface CaretBox {
  top: number;
  left: number;
  height: number;
}

const MOVES: Record<string, { direction: 'forward' | 'backward'; granularity: string }> = {
  ArrowRight: { direction: 'forward', granularity: 'character' },
  ArrowLeft: { direction: 'backward', granularity: 'character' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  End: { direction: 'forward', granularity: 'lineboundary' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
};

/**
 * Keyboard selection in read-only text. Browsers show no caret outside editable content,
 * so when the reader has focus the arrow keys move a caret we draw ourselves, shift
 * extends the selection, and ctrl/alt move by word: the same keys as in a text editor.
 * Returns where to draw the caret (relative to the reader's frame), or null.
 */
/** The first character of the article the reviewer can see (below the sticky legend), or null. */
function firstVisibleOffset(reader: HTMLElement, map: TextMap): number | null {
  const box = reader.getBoundingClientRect();
  const band = uncoveredBand();
  const x = box.left + 2;
  for (let y = Math.max(band.top, box.top) + 2; y < Math.min(band.bottom, box.bottom); y += 6) {
    const offset = map.characterAt(x, y);
    if (offset !== null) return offset;
  }
  return null;
}

export function useReaderKeyboard(
  readerRef: RefObject<HTMLDivElement | null>,
  mapRef: RefObject<TextMap | null>,
  selected: SpanOffsets | null,
): CaretBox | null {
  const [caret, setCaret] = useState<CaretBox | null>(null);

  useEffect(() => {
    const reader = readerRef.current;
    if (!reader) return;

    /** Draws the caret where the selection's focus is; `reveal` also scrolls it out from under the sticky edges. */
    function placeCaret(reveal = false) {
      const selection = window.getSelection();
      const frame = reader!.parentElement;
      if (!frame || !selection || selection.rangeCount === 0 || document.activeElement !== reader || !selection.focusNode || !reader!.contains(selection.focusNode)) {
        setCaret(null);
        return;
      }
      const focus = document.createRange();
      focus.setStart(selection.focusNode, selection.focusOffset);
      const rect = focus.getClientRects()[0] ?? focus.getBoundingClientRect();
      const frameRect = frame.getBoundingClientRect();
      if (rect.height === 0) {
        setCaret(null);
        return;
      }
      // Scrolling moves the caret and its frame alike: the position below stays right.
      if (reveal) keepInView(rect);
      setCaret({ top: rect.top - frameRect.top, left: rect.left - frameRect.left, height: rect.height });
    }

    function onKeyDown(event: KeyboardEvent) {
      const move = MOVES[event.key];
      const selection = window.getSelection();
      if (!move || !selection || event.metaKey) return;
      event.preventDefault();
      if (selection.rangeCount === 0 || !selection.focusNode || !reader!.contains(selection.focusNode)) {
        // No caret yet: start at the selected annotation, else at the first line the reviewer
        // sees (not at the top of an article scrolled away under the legend).
        const map = mapRef.current;
        const from = selected?.start ?? (map ? firstVisibleOffset(reader!, map) : null) ?? 0;
        const start = map?.toDom(from, 'start');
        if (!start) return;
        selection.collapse(start.node, start.offset);
        if (!event.shiftKey) {
          placeCaret(true);
          return;
        }
      }
      const byWord = (event.ctrlKey || event.altKey) && move.granularity === 'character';
      selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, byWord ? 'word' : move.granularity);
      placeCaret(true);
    }

    reader.addEventListener('keydown', onKeyDown);
    const redraw = () => placeCaret();
    reader.addEventListener('focus', redraw);
    reader.addEventListener('blur', redraw);
    document.addEventListener('selectionchange', redraw);
    window.addEventListener('resize', redraw);
    return () => {
      reader.removeEventListener('keydown', onKeyDown);
      reader.removeEventListener('focus', redraw);
      reader.removeEventListener('blur', redraw);
      document.removeEventListener('selectionchange', redraw);
      window.removeEventListener('resize', redraw);
    };
  }, [readerRef, mapRef, selected]);

  return caret;
}
