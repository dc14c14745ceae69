'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { sameFields } from '@/lib/editing/drafts';
import type { Label } from '@/lib/labels';
import type { ActorSummary } from '@/db/actors';
import { AnnotationPanel, type LabelFilter } from './AnnotationPanel';
import { describe, type AnnotationDelta, type StoreHooks } from './annotation-store';
import { ComparePanel } from './ComparePanel';
import { FigureDraftContext, type FigureDraft, type FigureDraftStore } from './figure-drafts';
import { FLASH_HIGHLIGHT, HighlightLayer, SELECTED_HIGHLIGHT, clearAllHighlights, paintSingle } from './highlights';
import { Legend } from './Legend';
import { Reader } from './Reader';
import { ReaderTabs } from './ReaderTabs';
import { SelectionToolbar } from './SelectionToolbar';
import { StatusBar, type Status } from './StatusBar';
import { TouchTagBar } from './TouchTagBar';
import { trackCoveredEdges } from './sticky-band';
import { TextMap } from './text-map';
import type { ActorRef, AnnotationChange, AnnotationView } from './types';
import { useAnnotationStore } from './use-annotation-store';
import { usePendingSelection } from './use-pending-selection';
import { useNarrowView } from './use-narrow-view';
import { useEmptyDrag } from './use-empty-drag';
import { useReaderKeyboard } from './use-reader-keyboard';
import { useShortcuts } from './use-shortcuts';
import { useSuggestions } from './use-suggestions';
import { announceLayerCount } from '../layer-count-event';

interface Props {
  articleId: number;
  text: string;
  initialActors: ActorRef[];
  categories: string[];
  events: string[];
  /** From `?annotation=ID`: the annotation to select and scroll to on arrival. */
  initialSelectedId: number | null;
  /** The layer shown: the viewer's own, or one they may read (another reviewer's, gold). */
  layer: { id: number; name: string; writable: boolean };
}

const FLASH_MS = 1200;

/** Text selected somewhere other than the article (the legend, the panel): nothing to tag, nothing to relabel. */
function selectionOutside(reader: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return !reader?.contains(selection.getRangeAt(0).commonAncestorContainer);
}

const matches = (filter: LabelFilter, annotation: AnnotationView) => filter === 'all' || annotation.label === filter;

export function Workbench({ articleId, text, initialActors, categories, events, initialSelectedId, layer }: Props) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [actors, setActors] = useState(initialActors);
  const [selectedFigureIds, setSelectedFigureIds] = useState<number[]>([]);
  const [filter, setFilter] = useState<LabelFilter>('all');
  const [status, setStatus] = useState<Status | null>(null);
  const readerRef = useRef<HTMLDivElement>(null);
  const readerColumnRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<TextMap | null>(null);
  const highlightsRef = useRef<HighlightLayer | null>(null);
  const flashTimer = useRef<number | undefined>(undefined);

  const report = useCallback((error: unknown) => {
    setStatus({ kind: 'error', text: errorMessage(error) });
  }, []);

  const refreshActors = useCallback(async () => {
    const { actors: list } = await callApi<{ actors: ActorSummary[] }>('GET', '/api/actors');
    setActors(list.map(({ id, canonicalName }) => ({ id, canonicalName })));
  }, []);

  // Figure edits not saved yet (see figure-drafts.tsx): they outlive the form, warn before the
  // page is left, and keep the status bar from calling an annotation "Saved" while they wait.
  const figureDrafts = useRef(new Map<number, FigureDraft>());

  const storeHooks: StoreHooks = {
    status: setStatus,
    errorText: errorMessage,
    saved: async (annotation) => {
      if (annotation.label === 'actor') await refreshActors();
    },
    unsavedFigure: (id) => figureDrafts.current.get(id)?.error,
    renamed: (from, to) => {
      setSelectedId((id) => (id === from ? to : id));
      setSelectedFigureIds((ids) => (ids.includes(from) ? ids.map((id) => (id === from ? to : id)) : ids));
    },
  };
  const { store, snapshot, comparisons } = useAnnotationStore(articleId, layer.id, storeHooks);
  const { annotations, loaded, undo: undoStack } = snapshot;

  const visible = useMemo(
    () => (filter === 'all' ? annotations : annotations.filter((annotation) => annotation.label === filter)),
    [annotations, filter],
  );
  const selected = (selectedId === null ? undefined : store.get(selectedId)) ?? null;
  // Number keys and Delete act on the selected annotation only while the reviewer can see it
  // selected: its entry is open in the panel (not hidden by the label filter).
  const shownSelected = selected && matches(filter, selected) ? selected : null;

  useLayoutEffect(() => {
    if (readerRef.current) {
      mapRef.current = new TextMap(readerRef.current, text.length);
      highlightsRef.current = new HighlightLayer(mapRef.current);
    }
    return clearAllHighlights;
  }, [text]);

  // Highlights follow the store by single annotations; only the first load and a new label
  // filter paint them all.
  const filterRef = useRef(filter);
  useEffect(() => {
    filterRef.current = filter;
    highlightsRef.current?.paintAll(filter === 'all' ? store.getSnapshot().annotations : store.getSnapshot().annotations.filter((a) => a.label === filter));
  }, [filter, store]);
  useEffect(
    () =>
      store.subscribe((deltas: AnnotationDelta[] | null) => {
        const layerOfHighlights = highlightsRef.current;
        if (!layerOfHighlights) return;
        const shownFilter = filterRef.current;
        if (deltas === null) {
          layerOfHighlights.paintAll(store.getSnapshot().annotations.filter((annotation) => matches(shownFilter, annotation)));
          return;
        }
        for (const { before, after } of deltas) {
          if (before) layerOfHighlights.remove(before.id);
          if (after && matches(shownFilter, after)) layerOfHighlights.add(after);
        }
      }),
    [store],
  );

  const { pending, clearPending, releaseTagged, snapToWords, changeSnapToWords } = usePendingSelection(mapRef, text);

  // The layer bar above shows this layer's count and the viewer's progress: tell it, without
  // re-rendering the page, whenever the number of annotations here changes.
  useEffect(() => {
    if (loaded) announceLayerCount(layer.id, annotations.length);
  }, [annotations.length, layer.id, loaded]);

  useEffect(() => {
    paintSingle(SELECTED_HIGHLIGHT, mapRef.current, selected, 10);
  }, [selected]);

  const draftStore = useMemo<FigureDraftStore>(
    () => ({
      get: (id) => figureDrafts.current.get(id),
      put: (id, draft) => {
        if (draft) figureDrafts.current.set(id, draft);
        else figureDrafts.current.delete(id);
      },
      reportUnsaved: (id, error) => {
        const annotation = store.get(id);
        const what = annotation ? describe(annotation) : 'The figure';
        setStatus({ kind: 'error', text: `${what}: the figure change is not saved. ${error} Fix it or discard the change.` });
      },
    }),
    [store],
  );
  useEffect(() => {
    function warnBeforeLeaving(event: BeforeUnloadEvent) {
      const unsaved = [...figureDrafts.current.values()].some((entry) => entry.error !== null || !entry.sent || !sameFields(entry.draft, entry.sent));
      if (unsaved) event.preventDefault();
    }
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => window.removeEventListener('beforeunload', warnBeforeLeaving);
  }, []);

  const { suggestions, dismissSuggestion } = useSuggestions(articleId, layer.id, annotations, store, setStatus, report);

  const toggleFigure = useCallback((id: number) => {
    setSelectedFigureIds((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  }, []);

  const tag = useCallback(
    (label: Label) => {
      if (!layer.writable) {
        setStatus({ kind: 'info', text: `${layer.name}'s layer is read-only here. Switch to your own layer to annotate.` });
        return;
      }
      if (!pending) {
        setStatus({ kind: 'info', text: 'Select some text in the article first, then choose a label.' });
        return;
      }
      // Painted at once; the server's answer replaces it, or takes it back with the reason.
      const id = store.tag({ articleId, layerId: layer.id, label, start: pending.start, end: pending.end, quote: text.slice(pending.start, pending.end) });
      setSelectedId(id);
      releaseTagged(pending);
    },
    [articleId, layer, pending, releaseTagged, store, text],
  );

  const update = useCallback((id: number, change: AnnotationChange) => store.update(id, change), [store]);
  const destroy = useCallback((id: number) => store.destroy(id), [store]);
  const undo = useCallback(() => {
    void store.undo().then((shownAgain) => {
      if (shownAgain !== null) setSelectedId(shownAgain);
    });
  }, [store]);

  const scrollToAnnotation = useCallback((annotation: AnnotationView) => {
    const range = mapRef.current?.range(annotation.start, annotation.end);
    if (!range) return;
    const rect = range.getBoundingClientRect();
    // The text is hidden while a narrow screen shows the panel (ReaderTabs): nothing to scroll to.
    const hidden = rect.width === 0 && rect.height === 0;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!hidden) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: reduceMotion ? 'instant' : 'smooth' });
    paintSingle(FLASH_HIGHLIGHT, mapRef.current, annotation, 12);
    readerRef.current?.setAttribute('data-flashing', String(annotation.id));
    window.clearTimeout(flashTimer.current);
    flashTimer.current = window.setTimeout(() => {
      paintSingle(FLASH_HIGHLIGHT, null, null, 12);
      readerRef.current?.removeAttribute('data-flashing');
    }, FLASH_MS);
  }, []);

  const showAnnotation = useCallback(
    (annotation: AnnotationView) => {
      setSelectedId(annotation.id);
      scrollToAnnotation(annotation);
    },
    [scrollToAnnotation],
  );

  // Arriving from a link to one annotation (actors, comparisons): show it once loaded.
  const arrivedAt = useRef(initialSelectedId);
  useEffect(() => {
    if (!loaded || arrivedAt.current === null) return;
    const target = store.get(arrivedAt.current);
    arrivedAt.current = null;
    if (!target) return;
    setSelectedId(target.id);
    scrollToAnnotation(target);
  }, [loaded, scrollToAnnotation, store]);

  // A click on the text selects the innermost visible annotation under the pointer;
  // clicking the same place again steps outwards through the spans that overlap there.
  const onReaderClick = useCallback(
    (event: React.MouseEvent) => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const offset = mapRef.current?.characterAt(event.clientX, event.clientY);
      if (offset === null || offset === undefined) return;
      const under = visible
        .filter((annotation) => annotation.start <= offset && offset < annotation.end)
        .sort((a, b) => a.end - a.start - (b.end - b.start) || a.id - b.id);
      if (under.length === 0) {
        setSelectedId(null);
        return;
      }
      const position = under.findIndex((annotation) => annotation.id === selectedId);
      setSelectedId(under[(position + 1) % under.length]!.id);
    },
    [selectedId, visible],
  );

  const stepSelection = useCallback(
    (direction: 1 | -1) => {
      if (visible.length === 0) return;
      const index = visible.findIndex((annotation) => annotation.id === selectedId);
      const next = index === -1 ? (direction === 1 ? 0 : visible.length - 1) : (index + direction + visible.length) % visible.length;
      showAnnotation(visible[next]!);
    },
    [selectedId, showAnnotation, visible],
  );

  const workbenchRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrowView(workbenchRef, selected, scrollToAnnotation);

  const caret = useReaderKeyboard(readerRef, mapRef, selected);
  // Focus and scrollIntoView stop short of the sticky header, legend and status bar (see globals.css).
  useEffect(trackCoveredEdges, []);

  // A drag that selected nothing (it began on the sticky legend, say) leaves no target for the keys.
  const forgetSelection = useCallback(() => setSelectedId(null), []);
  useEmptyDrag(readerColumnRef, readerRef, forgetSelection);

  useShortcuts({
    hasPending: pending !== null,
    selectionOutside: () => selectionOutside(readerRef.current),
    editableSelectedId: shownSelected && layer.writable ? shownSelected.id : null,
    tag,
    relabel: (id, label) => void update(id, { label }),
    remove: (id) => void destroy(id),
    undo,
    clear: () => {
      window.getSelection()?.removeAllRanges();
      clearPending();
      setSelectedId(null);
    },
    step: stepSelection,
    explainOutside: () => setStatus({ kind: 'info', text: 'The selected text is not in the article. Select text in the article, then choose a label.' }),
  });

  return (
    <FigureDraftContext.Provider value={draftStore}>
    <div className="workbench" ref={workbenchRef} data-view={narrow.view}>
      <ReaderTabs view={narrow.view} onChange={narrow.changeView} annotationCount={annotations.length} />
      <div className="reader-column" ref={readerColumnRef}>
        <Legend snapToWords={snapToWords} onSnapChange={changeSnapToWords} />
        <div className="reader-frame">
          <div
            ref={readerRef}
            className="reader"
            data-testid="reader"
            role="document"
            aria-label="Article text. Select text, then press 1 for claim, 2 for actor or 3 for figure."
            tabIndex={0}
            onClick={onReaderClick}
          >
            <Reader text={text} />
          </div>
          {caret && <div className="caret" aria-hidden="true" style={{ top: caret.top, left: caret.left, height: caret.height }} />}
          {pending && layer.writable && (
            <SelectionToolbar readerRef={readerRef} mapRef={mapRef} span={pending} onTag={tag} />
          )}
          {pending && layer.writable && <TouchTagBar onTag={tag} />}
        </div>
      </div>
      <AnnotationPanel
        annotations={annotations}
        visible={visible}
        filter={filter}
        onFilterChange={setFilter}
        selectedId={selectedId}
        onShow={showAnnotation}
        onUpdate={update}
        onDelete={destroy}
        actors={actors}
        categories={categories}
        selectedFigureIds={selectedFigureIds}
        onToggleFigure={toggleFigure}
        loading={!loaded}
        readOnly={!layer.writable}
      >
        {annotations.some((annotation) => annotation.figure) && (
          <ComparePanel
            articleId={articleId}
            figures={annotations}
            selectedFigureIds={selectedFigureIds}
            onSelectionChange={setSelectedFigureIds}
            suggestions={suggestions}
            onDismiss={(suggestion) => void dismissSuggestion(suggestion)}
            comparisons={comparisons}
            events={events}
          />
        )}
      </AnnotationPanel>
      <StatusBar status={status} canUndo={undoStack.length > 0} undoLabel={undoStack.at(-1)?.description} onUndo={undo} onDismiss={() => setStatus(null)} />
    </div>
    </FigureDraftContext.Provider>
  );
}
