'use client';

import { createContext, useContext } from 'react';
import type { FigureDraftFields } from './figure-draft';

/** A figure form's state: what the reviewer typed, and the stored figure it was last in step with. */
export interface FigureDraft {
  draft: FigureDraftFields;
  base: FigureDraftFields;
  /** The draft last sent to be saved, so its stored (normalised) form can replace it. */
  sent: FigureDraftFields | null;
  /** Why the draft could not be saved, shown until it is fixed or discarded. */
  error: string | null;
}

/**
 * Unsaved figure edits, kept by the workbench for as long as the page lives. The figure form
 * lives only while its annotation is selected: an edit that could not be saved yet (a value
 * that is not a number) waits here when the reviewer moves on, and is shown again, with its
 * error, when they come back.
 */
export interface FigureDraftStore {
  get(annotationId: number): FigureDraft | undefined;
  /** Records the form's state; `null` when nothing is unsaved. */
  put(annotationId: number, draft: FigureDraft | null): void;
  /** Tells the reviewer (status bar) that an edit to this figure is not saved, and why. */
  reportUnsaved(annotationId: number, error: string): void;
}

export const FigureDraftContext = createContext<FigureDraftStore | null>(null);

export function useFigureDrafts(): FigureDraftStore {
  const store = useContext(FigureDraftContext);
  if (!store) throw new Error('useFigureDrafts needs a FigureDraftContext provider (the workbench).');
  return store;
}
