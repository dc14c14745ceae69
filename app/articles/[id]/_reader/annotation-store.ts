import { LABEL_INFO, type Label } from '@/lib/labels';
import { restoringChange, type AnnotationChange, type AnnotationView, type UndoEntry } from './types';

/*
 * The reader's annotations: what the server confirmed, with the reviewer's own changes laid
 * over it. A tag, a label or note change and a delete show at once (an optimistic change); the
 * request waits its turn in one write queue, and when the server answers, its annotation
 * becomes the truth. When it refuses, the change is taken back and the status bar says why.
 * Listeners hear which annotations changed, so the highlights and the panel change by one
 * annotation, not by all of them. No React here: the store is tested on its own.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Api = <T>(method: Method, url: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

export interface StoreStatus {
  kind: 'info' | 'error';
  text: string;
}

export interface StoreHooks {
  status(status: StoreStatus): void;
  errorText(error: unknown): string;
  /** After the server stored an annotation or a change (e.g. refresh the actor list). */
  saved?(annotation: AnnotationView, change: AnnotationChange): Promise<void> | void;
  /** Why a figure edit of this annotation is not saved, when it is not (figure drafts). */
  unsavedFigure?(id: number): string | null | undefined;
  /** An optimistic annotation got its server id: whoever holds the old one should follow. */
  renamed?(from: number, to: number): void;
}

/** How one annotation changed: `before` or `after` is missing for one added or removed. */
export interface AnnotationDelta {
  before: AnnotationView | undefined;
  after: AnnotationView | undefined;
}

/** `null` means everything changed (the first load). */
export type StoreListener = (deltas: AnnotationDelta[] | null) => void;

export interface StoreSnapshot {
  annotations: readonly AnnotationView[];
  loaded: boolean;
  undo: readonly UndoEntry[];
}

export interface TagInput {
  articleId: number;
  layerId: number;
  label: Label;
  start: number;
  end: number;
  quote: string;
}

interface Overlay {
  id: number;
  apply: (annotation: AnnotationView | undefined) => AnnotationView | undefined;
}

const UNDO_LIMIT = 100;

export function inTextOrder(a: AnnotationView, b: AnnotationView): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

export function describe(annotation: Pick<AnnotationView, 'label' | 'quote'>): string {
  const quote = annotation.quote.length > 48 ? `${annotation.quote.slice(0, 47)}…` : annotation.quote;
  return `${LABEL_INFO[annotation.label].name} “${quote}”`;
}

/** The first index whose annotation sorts at or after `annotation` (binary search). */
function lowerBound(list: readonly AnnotationView[], annotation: AnnotationView): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (inTextOrder(list[mid]!, annotation) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What a label or note change looks like before the server answers. */
function applyLocally(annotation: AnnotationView, change: AnnotationChange): AnnotationView {
  const next = { ...annotation };
  if (change.note !== undefined) next.note = change.note.trim();
  if (change.label !== undefined && change.label !== annotation.label) {
    // The details of the old label no longer apply; the server's answer brings the new ones.
    next.label = change.label;
    next.figure = null;
    next.claim = null;
    next.actor = null;
  }
  return next;
}

export class AnnotationStore {
  private readonly confirmed = new Map<number, AnnotationView>();
  private readonly shown = new Map<number, AnnotationView>();
  private overlays: Overlay[] = [];
  private readonly aliases = new Map<number, number>();
  private snapshot: StoreSnapshot = { annotations: [], loaded: false, undo: [] };
  private readonly listeners = new Set<StoreListener>();
  private queue: Promise<void> = Promise.resolve();
  private nextProvisionalId = -1;

  constructor(
    private readonly api: Api,
    private readonly hooks: StoreHooks,
  ) {}

  readonly subscribe = (listener: StoreListener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): StoreSnapshot => this.snapshot;

  /** The annotation as shown now (with changes not yet confirmed), by any id it has had. */
  get(id: number): AnnotationView | undefined {
    return this.shown.get(this.resolve(id));
  }

  /** The id an annotation has now: a provisional id becomes the server's once it is stored. */
  resolve(id: number): number {
    let resolved = id;
    while (this.aliases.has(resolved)) resolved = this.aliases.get(resolved)!;
    return resolved;
  }

  /** Everything the server holds, as it arrived: replaces the whole state. */
  load(annotations: readonly AnnotationView[]): void {
    this.confirmed.clear();
    this.shown.clear();
    this.overlays = [];
    for (const annotation of annotations) {
      this.confirmed.set(annotation.id, annotation);
      this.shown.set(annotation.id, annotation);
    }
    this.snapshot = { ...this.snapshot, annotations: [...annotations].sort(inTextOrder), loaded: true };
    for (const listener of this.listeners) listener(null);
    for (const annotation of annotations) if (annotation.readingPending) void this.fillInReading(annotation.id);
  }

  /**
   * A figure or claim the server stored before reading it (readingPending): its details arrive
   * moments later. The panel shows "Reading…" until then. An answer that comes after the reviewer
   * changed the annotation is dropped, since that change's own answer is newer.
   */
  private async fillInReading(id: number): Promise<void> {
    try {
      const { annotation } = await this.api<{ annotation: AnnotationView }>('GET', `/api/annotations/${id}?wait=reading`);
      const current = this.confirmed.get(id);
      if (current?.readingPending && current.version === annotation.version) this.confirm(annotation, null);
    } catch {
      // Deleted meanwhile, or the network failed: the entry keeps "Reading…" until the next load.
    }
  }

  /** Waits for every queued write (tests, and anything that must see the settled state). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Paints the new annotation at once and queues its POST; returns its provisional id. */
  tag(input: TagInput): number {
    const id = this.nextProvisionalId--;
    const now = new Date().toISOString();
    const provisional: AnnotationView = {
      id,
      articleId: input.articleId,
      reviewerId: input.layerId,
      reviewerName: '',
      readingPending: false,
      label: input.label,
      start: input.start,
      end: input.end,
      quote: input.quote,
      prefix: '',
      suffix: '',
      note: '',
      version: 0,
      createdAt: now,
      updatedAt: now,
      carriedFromId: null,
      actor: null,
      figure: null,
      claim: null,
    };
    const overlay = this.lay(id, () => provisional);
    void this.enqueue(async () => {
      let annotation: AnnotationView;
      try {
        ({ annotation } = await this.api<{ annotation: AnnotationView }>('POST', `/api/articles/${input.articleId}/annotations`, {
          label: input.label,
          start: input.start,
          end: input.end,
          quote: input.quote,
          layerId: input.layerId,
          // The span is answered once stored; the figure's or claim's reading follows (fillInReading).
        }, { Prefer: 'respond-async' }));
      } catch (error) {
        this.lift(overlay);
        this.hooks.status({ kind: 'error', text: `Not tagged: ${this.hooks.errorText(error)} The highlight was removed.` });
        return;
      }
      this.confirmProvisional(overlay, annotation);
      if (annotation.readingPending) void this.fillInReading(annotation.id);
      this.pushUndo({ kind: 'create', annotationId: annotation.id, description: `tagging ${describe(annotation)}` });
      this.hooks.status({ kind: 'info', text: `Tagged ${describe(annotation)}.` });
      await this.hooks.saved?.(annotation, { label: annotation.label });
    });
    return id;
  }

  /**
   * Sends a change. A label or note shows at once; figure, claim and actor details wait for
   * the server, which reads and normalises them.
   */
  update(id: number, change: AnnotationChange): Promise<void> {
    const optimistic = change.label !== undefined || change.note !== undefined;
    const overlay = optimistic && this.get(id) ? this.lay(this.resolve(id), (annotation) => annotation && applyLocally(annotation, change)) : null;
    return this.enqueue(async () => {
      const target = this.stillThere(id, overlay);
      if (!target) return;
      const { realId, before } = target;
      let updated: AnnotationView;
      try {
        ({ annotation: updated } = await this.api<{ annotation: AnnotationView }>('PATCH', `/api/annotations/${realId}`, {
          ...change,
          version: before.version,
        }));
      } catch (error) {
        if (overlay) this.lift(overlay);
        this.hooks.status({ kind: 'error', text: `Not saved: ${this.hooks.errorText(error)}${overlay ? ' The change was taken back.' : ''}` });
        return;
      }
      this.confirm(updated, overlay);
      if (updated.version !== before.version) {
        this.pushUndo({ kind: 'update', annotationId: realId, before: restoringChange(before), description: `the change to ${describe(before)}` });
        const unsavedFigure = this.hooks.unsavedFigure?.(realId);
        this.hooks.status(
          unsavedFigure
            ? { kind: 'error', text: `Saved ${describe(updated)}, but not its figure change: ${unsavedFigure}` }
            : { kind: 'info', text: `Saved ${describe(updated)}.` },
        );
      }
      if (change.label) await this.hooks.saved?.(updated, change);
    });
  }

  /**
   * When a queued change comes to run: the annotation's stored id and its confirmed state, or null
   * when its tag was refused or it was deleted meanwhile, with the change's optimistic overlay
   * taken back, as there is nothing left to change.
   */
  private stillThere(id: number, overlay: Overlay | null): { realId: number; before: AnnotationView } | null {
    const realId = this.resolve(id);
    const before = this.confirmed.get(realId);
    if (before) return { realId, before };
    if (overlay) this.lift(overlay);
    return null;
  }

  /** Removes the annotation at once and queues its DELETE. */
  destroy(id: number): Promise<void> {
    const overlay = this.get(id) ? this.lay(this.resolve(id), () => undefined) : null;
    return this.enqueue(async () => {
      const target = this.stillThere(id, overlay);
      if (!target) return;
      const { realId, before } = target;
      try {
        await this.api('DELETE', `/api/annotations/${realId}?version=${before.version}`);
      } catch (error) {
        if (overlay) this.lift(overlay);
        this.hooks.status({ kind: 'error', text: `Not deleted: ${this.hooks.errorText(error)} The annotation is back.` });
        return;
      }
      this.confirmed.delete(realId);
      if (overlay) this.dropOverlay(overlay);
      this.refresh([realId]);
      this.pushUndo({ kind: 'delete', annotationId: realId, description: `deleting ${describe(before)}` });
      this.hooks.status({ kind: 'info', text: `Deleted ${describe(before)}. Press Ctrl+Z to undo.` });
    });
  }

  /** Reverses the newest undo entry, after every write queued before it. Resolves to the annotation shown again, if any. */
  undo(): Promise<number | null> {
    let shownAgain: number | null = null;
    return this.enqueue(async () => {
      const entry = this.snapshot.undo.at(-1);
      if (!entry) {
        this.hooks.status({ kind: 'info', text: 'Nothing to undo.' });
        return;
      }
      // Popped before the request: an entry whose annotation is gone or was changed
      // elsewhere can never be undone, and must not block the entries beneath it.
      this.setUndo(this.snapshot.undo.slice(0, -1));
      const version = this.confirmed.get(entry.annotationId)?.version;
      try {
        if (entry.kind === 'create') {
          await this.api('DELETE', `/api/annotations/${entry.annotationId}${version ? `?version=${version}` : ''}`);
          this.confirmed.delete(entry.annotationId);
          this.refresh([entry.annotationId]);
        } else {
          const { annotation } =
            entry.kind === 'update'
              ? await this.api<{ annotation: AnnotationView }>('PATCH', `/api/annotations/${entry.annotationId}`, { ...entry.before, version })
              : await this.api<{ annotation: AnnotationView }>('POST', `/api/annotations/${entry.annotationId}/restore`);
          this.confirm(annotation, null);
          shownAgain = annotation.id;
        }
      } catch (error) {
        this.hooks.status({ kind: 'error', text: this.hooks.errorText(error) });
        return;
      }
      this.hooks.status({ kind: 'info', text: `Undid ${entry.description}.` });
    }).then(() => shownAgain);
  }

  /** Any other write (dismissing a suggestion) in the same queue, so it never overtakes a change. */
  run(work: () => Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      try {
        await work();
      } catch (error) {
        this.hooks.status({ kind: 'error', text: this.hooks.errorText(error) });
      }
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    // Each step handles its own failures; the catch only keeps one surprise from stopping the queue.
    this.queue = this.queue.then(work).catch((error: unknown) => this.hooks.status({ kind: 'error', text: this.hooks.errorText(error) }));
    return this.queue;
  }

  private lay(id: number, apply: Overlay['apply']): Overlay {
    const overlay = { id, apply };
    this.overlays.push(overlay);
    this.refresh([id]);
    return overlay;
  }

  /** Takes a refused change back: the annotation shows as confirmed, with the other changes still waiting. */
  private lift(overlay: Overlay): void {
    this.dropOverlay(overlay);
    this.refresh([overlay.id]);
  }

  private dropOverlay(overlay: Overlay): void {
    this.overlays = this.overlays.filter((other) => other !== overlay);
  }

  private confirm(annotation: AnnotationView, overlay: Overlay | null): void {
    this.confirmed.set(annotation.id, annotation);
    if (overlay) this.dropOverlay(overlay);
    this.refresh([annotation.id]);
  }

  private confirmProvisional(overlay: Overlay, annotation: AnnotationView): void {
    const provisionalId = overlay.id;
    this.dropOverlay(overlay);
    this.aliases.set(provisionalId, annotation.id);
    // Changes made to the provisional annotation meanwhile now apply to the stored one.
    for (const other of this.overlays) if (other.id === provisionalId) other.id = annotation.id;
    this.confirmed.set(annotation.id, annotation);
    this.refresh([provisionalId, annotation.id]);
    this.hooks.renamed?.(provisionalId, annotation.id);
  }

  /** Recomputes how these annotations show, updates the list by them alone and tells the listeners. */
  private refresh(ids: number[]): void {
    const deltas: AnnotationDelta[] = [];
    let list: AnnotationView[] | null = null;
    for (const id of ids) {
      let view = this.confirmed.get(id);
      for (const overlay of this.overlays) if (overlay.id === id) view = overlay.apply(view);
      const before = this.shown.get(id);
      if (before === view) continue;
      list ??= [...this.snapshot.annotations];
      if (before) list.splice(lowerBound(list, before), 1);
      if (view) {
        list.splice(lowerBound(list, view), 0, view);
        this.shown.set(id, view);
      } else {
        this.shown.delete(id);
      }
      deltas.push({ before, after: view });
    }
    if (!list) return;
    this.snapshot = { ...this.snapshot, annotations: list };
    for (const listener of this.listeners) listener(deltas);
  }

  private pushUndo(entry: UndoEntry): void {
    this.setUndo([...this.snapshot.undo.slice(-(UNDO_LIMIT - 1)), entry]);
  }

  private setUndo(undo: UndoEntry[]): void {
    this.snapshot = { ...this.snapshot, undo };
    for (const listener of this.listeners) listener([]);
  }
}
