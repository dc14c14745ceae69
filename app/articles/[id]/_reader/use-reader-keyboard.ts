'use client';

import { useEffect, useState, type RefObject } from 'react';
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
export function useReaderKeyboard(
  readerRef: RefObject<HTMLDivElement | null>,
  mapRef: RefObject<TextMap | null>,
  selected: SpanOffsets | null,
): CaretBox | null {
  const [caret, setCaret] = useState<CaretBox | null>(null);

  useEffect(() => {
    const reader = readerRef.current;
    if (!reader) return;

    function placeCaret() {
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
      setCaret({ top: rect.top - frameRect.top, left: rect.left - frameRect.left, height: rect.height });
    }

    function onKeyDown(event: KeyboardEvent) {
      const move = MOVES[event.key];
      const selection = window.getSelection();
      if (!move || !selection || event.metaKey) return;
      event.preventDefault();
      if (selection.rangeCount === 0 || !selection.focusNode || !reader!.contains(selection.focusNode)) {
        // No caret yet: start at the selected annotation, else at the top of the article.
        const start = mapRef.current?.toDom(selected?.start ?? 0, 'start');
        if (!start) return;
        selection.collapse(start.node, start.offset);
        if (!event.shiftKey) {
          placeCaret();
          return;
        }
      }
      const byWord = (event.ctrlKey || event.altKey) && move.granularity === 'character';
      selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, byWord ? 'word' : move.granularity);
      placeCaret();
    }

    reader.addEventListener('keydown', onKeyDown);
    reader.addEventListener('focus', placeCaret);
    reader.addEventListener('blur', placeCaret);
    document.addEventListener('selectionchange', placeCaret);
    window.addEventListener('resize', placeCaret);
    return () => {
      reader.removeEventListener('keydown', onKeyDown);
      reader.removeEventListener('focus', placeCaret);
      reader.removeEventListener('blur', placeCaret);
      document.removeEventListener('selectionchange', placeCaret);
      window.removeEventListener('resize', placeCaret);
    };
  }, [readerRef, mapRef, selected]);

  return caret;
}
