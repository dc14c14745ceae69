'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { sameFields } from '@/lib/editing/drafts';
import { LABEL_INFO, labelForShortcut, type Label } from '@/lib/labels';
import type { ActorSummary } from '@/db/actors';
import type { SuggestionView } from '@/db/comparisons';
import { AnnotationPanel, type LabelFilter } from './AnnotationPanel';
import { ComparePanel, type ArticleComparison } from './ComparePanel';
import { FigureDraftContext, type FigureDraft, type FigureDraftStore } from './figure-drafts';
import { FLASH_HIGHLIGHT, SELECTED_HIGHLIGHT, clearAllHighlights, paintAnnotations, paintSingle } from './highlights';
import { Legend } from './Legend';
import { Reader } from './Reader';
import { ReaderTabs } from './ReaderTabs';
import { SelectionToolbar } from './SelectionToolbar';
import { StatusBar, type Status } from './StatusBar';
import { TouchTagBar } from './TouchTagBar';
import { trackCoveredEdges } from './sticky-band';
import { TextMap } from './text-map';
import { restoringChange, type ActorRef, type AnnotationChange, type AnnotationView, type UndoEntry } from './types';
import { usePendingSelection } from './use-pending-selection';
import { useNarrowView } from './use-narrow-view';
import { useEmptyDrag } from './use-empty-drag';
import { useReaderKeyboard } from './use-reader-keyboard';
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

function inTextOrder(a: AnnotationView, b: AnnotationView): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

function describe(annotation: Pick<AnnotationView, 'label' | 'quote'>): string {
  const quote = annotation.quote.length > 48 ? `${annotation.quote.slice(0, 47)}…` : annotation.quote;
  return `${LABEL_INFO[annotation.label].name} “${quote}”`;
}

/** Text selected somewhere other than the article (the legend, the panel): nothing to tag, nothing to relabel. */
function selectionOutside(reader: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return !reader?.contains(selection.getRangeAt(0).commonAncestorContainer);
}

function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function Workbench({ articleId, text, initialActors, categories, events, initialSelectedId, layer }: Props) {
  const [annotations, setAnnotations] = useState<AnnotationView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [actors, setActors] = useState(initialActors);
  const [selectedFigureIds, setSelectedFigureIds] = useState<number[]>([]);
  const [suggestions, setSuggestions] = useState<SuggestionView[]>([]);
  const [comparisons, setComparisons] = useState<ArticleComparison[]>([]);
  const [filter, setFilter] = useState<LabelFilter>('all');
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const readerRef = useRef<HTMLDivElement>(null);
  const readerColumnRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<TextMap | null>(null);
  const flashTimer = useRef<number | undefined>(undefined);

  const visible = useMemo(
    () => (filter === 'all' ? annotations : annotations.filter((annotation) => annotation.label === filter)),
    [annotations, filter],
  );
  const selected = annotations.find((annotation) => annotation.id === selectedId) ?? null;
  // Number keys and Delete act on the selected annotation only while the reviewer can see it
  // selected: its entry is open in the panel (not hidden by the label filter).
  const shownSelected = selected && visible.includes(selected) ? selected : null;

  useLayoutEffect(() => {
    if (readerRef.current) mapRef.current = new TextMap(readerRef.current, text.length);
    return clearAllHighlights;
  }, [text]);

  const { pending, clearPending, releaseTagged, snapToWords, changeSnapToWords } = usePendingSelection(mapRef, text);

  // The layer bar above shows this layer's count and the viewer's progress: tell it, without
  // re-rendering the page, whenever the number of annotations here changes.
  useEffect(() => {
    if (loaded) announceLayerCount(layer.id, annotations.length);
  }, [annotations.length, layer.id, loaded]);

  useEffect(() => {
    if (mapRef.current) paintAnnotations(mapRef.current, visible);
  }, [visible]);

  useEffect(() => {
    paintSingle(SELECTED_HIGHLIGHT, mapRef.current, selected, 10);
  }, [selected]);

  const report = useCallback((error: unknown) => {
    setStatus({ kind: 'error', text: errorMessage(error) });
  }, []);

  const undoStackRef = useRef<UndoEntry[]>([]);
  const pushUndo = useCallback((entry: UndoEntry) => {
    undoStackRef.current = [...undoStackRef.current.slice(-99), entry];
    setUndoStack(undoStackRef.current);
  }, []);

  // Writes run one after another, each reading the latest state when its turn comes, so a
  // note saved on blur and a label changed right after never race or send a stale version.
  // `latest` is updated synchronously with every change, not after the next render.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(annotations);
  const current = useCallback((id: number) => latest.current.find((annotation) => annotation.id === id), []);

  const replace = useCallback((annotation: AnnotationView) => {
    latest.current = [...latest.current.filter((a) => a.id !== annotation.id), annotation].sort(inTextOrder);
    setAnnotations(latest.current);
  }, []);

  /**
   * A figure or claim is stored before the server has read it (readingPending): its details
   * arrive moments later. The entry shows "Reading…" until then; an answer that comes after
   * the reviewer changed the entry is dropped, since that change's own answer is newer.
   */
  const fillInReading = useCallback(
    async (id: number) => {
      try {
        const { annotation } = await callApi<{ annotation: AnnotationView }>('GET', `/api/annotations/${id}?wait=reading`);
        const shown = latest.current.find((a) => a.id === id);
        if (shown?.readingPending && shown.version === annotation.version) replace(annotation);
      } catch {
        // Deleted meanwhile, or the network failed: the entry keeps "Reading…" until the next load.
      }
    },
    [replace],
  );

  const remove = useCallback((id: number) => {
    latest.current = latest.current.filter((a) => a.id !== id);
    setAnnotations(latest.current);
    setSelectedId((selected) => (selected === id ? null : selected));
  }, []);

  // Figure edits not saved yet (see figure-drafts.tsx): they outlive the form, warn before the
  // page is left, and keep the status bar from calling an annotation "Saved" while they wait.
  const figureDrafts = useRef(new Map<number, FigureDraft>());
  const draftStore = useMemo<FigureDraftStore>(
    () => ({
      get: (id) => figureDrafts.current.get(id),
      put: (id, draft) => {
        if (draft) figureDrafts.current.set(id, draft);
        else figureDrafts.current.delete(id);
      },
      reportUnsaved: (id, error) => {
        const annotation = current(id);
        const what = annotation ? describe(annotation) : 'The figure';
        setStatus({ kind: 'error', text: `${what}: the figure change is not saved. ${error} Fix it or discard the change.` });
      },
    }),
    [current],
  );
  useEffect(() => {
    function warnBeforeLeaving(event: BeforeUnloadEvent) {
      const unsaved = [...figureDrafts.current.values()].some((entry) => entry.error !== null || !entry.sent || !sameFields(entry.draft, entry.sent));
      if (unsaved) event.preventDefault();
    }
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => window.removeEventListener('beforeunload', warnBeforeLeaving);
  }, []);

  const run = useCallback(
    (work: () => Promise<void>) => {
      queue.current = queue.current.then(work).catch(report);
      return queue.current;
    },
    [report],
  );

  const refreshActors = useCallback(async () => {
    const { actors: list } = await callApi<{ actors: ActorSummary[] }>('GET', '/api/actors');
    setActors(list.map(({ id, canonicalName }) => ({ id, canonicalName })));
  }, []);

  // Suggestions depend on every figure's details: reload them whenever a figure changes.
  const figureSignature = annotations
    .filter((annotation) => annotation.figure)
    .map((annotation) => `${annotation.id}:${annotation.version}`)
    .join(',');
  useEffect(() => {
    let cancelled = false;
    callApi<{ suggestions: SuggestionView[] }>('GET', `/api/suggestions?articleId=${articleId}&layer=${layer.id}`)
      .then(({ suggestions: list }) => {
        if (!cancelled) setSuggestions(list);
      })
      .catch(report);
    return () => {
      cancelled = true;
    };
  }, [articleId, figureSignature, layer.id, report]);

  // The annotations are fetched, not rendered into the page: thousands of them would make the
  // HTML several times larger than the article, and a page restored from the router's cache
  // (back/forward) would show them as they were. The text renders meanwhile.
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      callApi<{ annotations: AnnotationView[] }>('GET', `/api/articles/${articleId}/annotations?layer=${layer.id}`),
      callApi<{ comparisons: ArticleComparison[] }>('GET', `/api/articles/${articleId}/comparisons?layer=${layer.id}`),
    ])
      .then(([fresh, compared]) => {
        if (cancelled) return;
        latest.current = [...fresh.annotations].sort(inTextOrder);
        setAnnotations(latest.current);
        setComparisons(compared.comparisons);
        setLoaded(true);
        for (const annotation of fresh.annotations) if (annotation.readingPending) void fillInReading(annotation.id);
      })
      .catch(report);
    return () => {
      cancelled = true;
    };
  }, [articleId, fillInReading, layer.id, report]);

  const dismissSuggestion = useCallback(
    (suggestion: SuggestionView) =>
      run(async () => {
        await callApi('POST', '/api/suggestions/dismissals', { annotationIds: suggestion.annotationIds });
        setSuggestions((list) => list.filter((item) => item.key !== suggestion.key));
        setStatus({ kind: 'info', text: 'Suggestion dismissed; it will not be offered again.' });
      }),
    [run],
  );

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
      const span = pending;
      void run(async () => {
        const { annotation } = await callApi<{ annotation: AnnotationView }>('POST', `/api/articles/${articleId}/annotations`, {
          label,
          start: span.start,
          end: span.end,
          quote: text.slice(span.start, span.end),
          layerId: layer.id,
        }, { Prefer: 'respond-async' });
        replace(annotation);
        setSelectedId(annotation.id);
        if (annotation.readingPending) void fillInReading(annotation.id);
        if (annotation.label === 'actor') await refreshActors();
        releaseTagged(span);
        pushUndo({ kind: 'create', annotationId: annotation.id, description: `tagging ${describe(annotation)}` });
        setStatus({ kind: 'info', text: `Tagged ${describe(annotation)}.` });
      });
    },
    [articleId, fillInReading, layer, pending, pushUndo, refreshActors, releaseTagged, replace, run, text],
  );

  const update = useCallback(
    (id: number, change: AnnotationChange) =>
      run(async () => {
        const before = current(id);
        if (!before) return;
        const { annotation: updated } = await callApi<{ annotation: AnnotationView }>('PATCH', `/api/annotations/${id}`, {
          ...change,
          version: before.version,
        });
        replace(updated);
        if (updated.label === 'actor' && change.label) await refreshActors();
        if (updated.version !== before.version) {
          pushUndo({
            kind: 'update',
            annotationId: id,
            before: restoringChange(before),
            description: `the change to ${describe(before)}`,
          });
          const unsavedFigure = figureDrafts.current.get(id)?.error;
          setStatus(
            unsavedFigure
              ? { kind: 'error', text: `Saved ${describe(updated)}, but not its figure change: ${unsavedFigure}` }
              : { kind: 'info', text: `Saved ${describe(updated)}.` },
          );
        }
      }),
    [current, pushUndo, refreshActors, replace, run],
  );

  const destroy = useCallback(
    (id: number) =>
      run(async () => {
        const before = current(id);
        if (!before) return;
        await callApi('DELETE', `/api/annotations/${id}?version=${before.version}`);
        remove(id);
        pushUndo({ kind: 'delete', annotationId: id, description: `deleting ${describe(before)}` });
        setStatus({ kind: 'info', text: `Deleted ${describe(before)}. Press Ctrl+Z to undo.` });
      }),
    [current, pushUndo, remove, run],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const entry = undoStackRef.current.at(-1);
        if (!entry) {
          setStatus({ kind: 'info', text: 'Nothing to undo.' });
          return;
        }
        // Popped before the request: an entry whose annotation is gone or was changed
        // elsewhere can never be undone, and must not block the entries beneath it.
        undoStackRef.current = undoStackRef.current.slice(0, -1);
        setUndoStack(undoStackRef.current);
        const version = current(entry.annotationId)?.version;
        if (entry.kind === 'create') {
          await callApi('DELETE', `/api/annotations/${entry.annotationId}${version ? `?version=${version}` : ''}`);
          remove(entry.annotationId);
        } else {
          const { annotation } =
            entry.kind === 'update'
              ? await callApi<{ annotation: AnnotationView }>('PATCH', `/api/annotations/${entry.annotationId}`, { ...entry.before, version })
              : await callApi<{ annotation: AnnotationView }>('POST', `/api/annotations/${entry.annotationId}/restore`);
          replace(annotation);
          setSelectedId(annotation.id);
        }
        setStatus({ kind: 'info', text: `Undid ${entry.description}.` });
      }),
    [current, remove, replace, run],
  );

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
    const target = latest.current.find((annotation) => annotation.id === arrivedAt.current);
    arrivedAt.current = null;
    if (!target) return;
    setSelectedId(target.id);
    scrollToAnnotation(target);
  }, [loaded, scrollToAnnotation]);

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

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Keys pressed inside a dialog (the keyboard help) are the dialog's, not the reader's.
      if (event.defaultPrevented || isFormField(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
        return;
      }
      if (mod || event.altKey) return;
      const label = labelForShortcut(event.key);
      if (label) {
        event.preventDefault();
        if (pending) tag(label);
        else if (selectionOutside(readerRef.current)) setStatus({ kind: 'info', text: 'The selected text is not in the article. Select text in the article, then choose a label.' });
        else if (shownSelected && layer.writable) void update(shownSelected.id, { label });
        else tag(label);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && shownSelected && !pending && layer.writable) {
        event.preventDefault();
        void destroy(shownSelected.id);
      } else if (event.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
        clearPending();
        setSelectedId(null);
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        stepSelection(event.key === 'j' ? 1 : -1);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [clearPending, destroy, layer.writable, pending, shownSelected, stepSelection, tag, undo, update]);


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
