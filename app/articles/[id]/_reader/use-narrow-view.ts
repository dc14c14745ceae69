'use client';

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { NarrowView } from './ReaderTabs';
import type { AnnotationView } from './types';

/**
 * Which half of the workbench a narrow screen shows (see ReaderTabs). Switching keeps the
 * reader's place: the panel opens at its top, and the text comes back where it was left, or at
 * the selected annotation when another one was chosen in the panel meanwhile.
 */
export function useNarrowView(workbenchRef: RefObject<HTMLElement | null>, selected: AnnotationView | null, reveal: (annotation: AnnotationView) => void) {
  const [view, setView] = useState<NarrowView>('text');
  const arriving = useRef<NarrowView | null>(null);
  const left = useRef<{ scrollY: number; selectedId: number | null }>({ scrollY: 0, selectedId: null });

  const changeView = useCallback(
    (next: NarrowView) => {
      if (next === view) return;
      if (next === 'panel') left.current = { scrollY: window.scrollY, selectedId: selected?.id ?? null };
      arriving.current = next;
      setView(next);
    },
    [view, selected],
  );

  // Runs again when the selection changes, but only a switch leaves `arriving` set.
  useLayoutEffect(() => {
    const arrived = arriving.current;
    arriving.current = null;
    if (!arrived || !workbenchRef.current) return;
    const headerHeight = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
    const workbenchTop = workbenchRef.current.getBoundingClientRect().top + window.scrollY - headerHeight;
    const target = selected;
    if (arrived === 'panel') {
      if (window.scrollY > workbenchTop) window.scrollTo({ top: workbenchTop, behavior: 'instant' });
    } else if (target && target.id !== left.current.selectedId) {
      reveal(target);
    } else {
      window.scrollTo({ top: left.current.scrollY, behavior: 'instant' });
    }
  }, [view, selected, workbenchRef, reveal]);

  return { view, changeView };
}
