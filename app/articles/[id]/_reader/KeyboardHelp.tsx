'use client';

import { useCallback, useEffect, useRef } from 'react';

const SHORTCUTS: [keys: string, what: string][] = [
  ['Tab', 'move into the article text; the arrow keys then move a caret through it'],
  ['Shift + arrows', 'extend the selection (with Ctrl: by word)'],
  ['1 · 2 · 3', 'tag the selected text as claim · actor · figure, or relabel the annotation open in the panel'],
  ['J · K', 'open the next · previous annotation'],
  ['Delete', 'delete the annotation open in the panel'],
  ['Ctrl + Enter', 'save the note you are typing'],
  ['Ctrl + Z', 'undo the last change'],
  ['Esc', 'clear the selection, close this help'],
  ['?', 'show this help'],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The reader's keyboard shortcuts: a button in the legend and the `?` key open them in a modal
 * dialog wide enough to read at a glance; Escape closes it and focus goes back where it was.
 */
export function KeyboardHelp() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      open();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <>
      <button type="button" className="quiet keyboard-help-button" onClick={open} aria-haspopup="dialog" aria-keyshortcuts="?">
        Keyboard <kbd aria-hidden="true">?</kbd>
      </button>
      <dialog
        ref={dialogRef}
        className="keyboard-help"
        aria-labelledby="keyboard-help-title"
        onClose={() => {
          // Escape and the Close button both end here: back to what had focus (the text, a button).
          returnFocus.current?.focus({ preventScroll: true });
          returnFocus.current = null;
        }}
      >
        <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="keyboard-help-row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="keyboard-help-actions">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
