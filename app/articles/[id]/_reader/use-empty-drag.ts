'use client';

import { useEffect, type RefObject } from 'react';

/** Below this distance a press and release is a click, not a drag. */
const DRAG_PX = 4;

/**
 * Calls `onEmptyDrag` after a mouse drag that started in `area` (the article and its sticky
 * legend) but left no text of the article selected, e.g. one that began on the legend over
 * the text. The reviewer meant to select something: whatever was selected before must not
 * stay the target of the number keys, invisible to them.
 */
export function useEmptyDrag(area: RefObject<HTMLElement | null>, reader: RefObject<HTMLElement | null>, onEmptyDrag: () => void): void {
  useEffect(() => {
    let start: { x: number; y: number } | null = null;

    function onPointerDown(event: PointerEvent) {
      const inArea = event.button === 0 && event.target instanceof Node && area.current?.contains(event.target);
      start = inArea ? { x: event.clientX, y: event.clientY } : null;
    }

    function onPointerUp(event: PointerEvent) {
      if (!start) return;
      const dragged = Math.hypot(event.clientX - start.x, event.clientY - start.y) >= DRAG_PX;
      start = null;
      if (!dragged) return;
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
      const selectedInArticle = range !== null && reader.current !== null && reader.current.contains(range.commonAncestorContainer);
      if (!selectedInArticle) onEmptyDrag();
    }

    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [area, reader, onEmptyDrag]);
}
