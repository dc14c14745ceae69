'use client';

import { useCallback, useEffect, useState, type RefObject } from 'react';
import { snapSpan } from '@/lib/anchoring/snap';
import { PENDING_HIGHLIGHT, paintSingle } from './highlights';
import type { TextMap } from './text-map';
import type { SpanOffsets } from './types';

const SNAP_PREFERENCE_KEY = 'crosscheck.snapToWords';

/**
 * The span that tagging would store right now. It is the snapped form of the live text
 * selection, recomputed on every change (mouse drag, shift+arrow, triple click) and
 * previewed as a dashed underline; the snapping preference is remembered per browser.
 */
export function usePendingSelection(mapRef: RefObject<TextMap | null>, text: string) {
  const [pending, setPending] = useState<SpanOffsets | null>(null);
  const [snapToWords, setSnapToWords] = useState(true);

  useEffect(() => {
    const stored = window.localStorage.getItem(SNAP_PREFERENCE_KEY);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a stored preference is only readable after hydration
    if (stored !== null) setSnapToWords(stored === 'true');
  }, []);

  /** The snapped span of the live text selection, read from the DOM (null when nothing is selected). */
  const selectedSpan = useCallback((): SpanOffsets | null => {
    const map = mapRef.current;
    const selection = window.getSelection();
    const range = map && selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const start = range ? map!.toOffset(range.startContainer, range.startOffset) : null;
    const end = range ? map!.toOffset(range.endContainer, range.endOffset) : null;
    return start === null || end === null ? null : snapSpan(text, start, end, { toWords: snapToWords });
  }, [mapRef, text, snapToWords]);

  const readSelection = useCallback(() => {
    const snapped = selectedSpan();
    setPending((previous) => (snapped && previous && previous.start === snapped.start && previous.end === snapped.end ? previous : snapped));
  }, [selectedSpan]);

  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the subscription's first value: a selection made before it (or before snapping changed)
    readSelection();
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [readSelection]);

  useEffect(() => {
    paintSingle(PENDING_HIGHLIGHT, mapRef.current, pending, 11);
  }, [mapRef, pending]);

  const changeSnapToWords = useCallback((value: boolean) => {
    setSnapToWords(value);
    window.localStorage.setItem(SNAP_PREFERENCE_KEY, String(value));
  }, []);

  const clearPending = useCallback(() => setPending(null), []);

  /**
   * After `span` was tagged: drop the selection, unless the reviewer has meanwhile selected
   * something else (saving takes a moment), which must survive for the next tag.
   */
  const releaseTagged = useCallback(
    (span: SpanOffsets) => {
      const now = selectedSpan();
      if (now && (now.start !== span.start || now.end !== span.end)) return;
      window.getSelection()?.collapseToEnd();
      setPending(null);
    },
    [selectedSpan],
  );

  return { pending, clearPending, releaseTagged, snapToWords, changeSnapToWords };
}
