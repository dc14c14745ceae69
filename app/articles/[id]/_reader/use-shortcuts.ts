'use client';

import { useEffect, useRef } from 'react';
import { labelForShortcut, type Label } from '@/lib/labels';

/** What the reader's shortcuts act on, read afresh at every key press. */
export interface ShortcutActions {
  /** The span tagging would store now (the snapped selection), if any. */
  hasPending: boolean;
  /** Text is selected, but outside the article (the legend, the panel). */
  selectionOutside(): boolean;
  /** The annotation whose entry is open and visible in the panel, when the layer may be changed. */
  editableSelectedId: number | null;
  tag(label: Label): void;
  relabel(id: number, label: Label): void;
  remove(id: number): void;
  undo(): void;
  /** Esc: clear the selection and the pending span. */
  clear(): void;
  step(direction: 1 | -1): void;
  explainOutside(): void;
}

function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The reader's single-key shortcuts (see KeyboardHelp): 1–3 tag or relabel, Delete, Ctrl+Z,
 * Esc, J/K. One listener for the page's life; it reads the latest actions from a ref, so a
 * change in what is selected never re-subscribes it.
 */
export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Keys pressed inside a dialog (the keyboard help) are the dialog's, not the reader's.
      if (event.defaultPrevented || isFormField(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const act = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        act.undo();
        return;
      }
      if (mod || event.altKey) return;
      const label = labelForShortcut(event.key);
      if (label) {
        event.preventDefault();
        if (act.hasPending) act.tag(label);
        else if (act.selectionOutside()) act.explainOutside();
        else if (act.editableSelectedId !== null) act.relabel(act.editableSelectedId, label);
        else act.tag(label);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && act.editableSelectedId !== null && !act.hasPending) {
        event.preventDefault();
        act.remove(act.editableSelectedId);
      } else if (event.key === 'Escape') {
        act.clear();
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        act.step(event.key === 'j' ? 1 : -1);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
