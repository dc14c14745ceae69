import { describe as group, expect, it } from 'vitest';
import { ApiError } from '@/app/_client/api';
import { AnnotationStore, type AnnotationDelta, type StoreStatus } from './annotation-store';
import type { AnnotationView } from './types';

const TEXT = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';

function annotation(id: number, start: number, end: number, extra: Partial<AnnotationView> = {}): AnnotationView {
  return {
    id,
    articleId: 1,
    reviewerId: 7,
    reviewerName: 'Alice',
    label: 'claim',
    start,
    end,
    quote: TEXT.slice(start, end),
    prefix: '',
    suffix: '',
    note: '',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    carriedFromId: null,
    actor: null,
    figure: null,
    claim: null,
    readingPending: false,
    ...extra,
  };
}

interface Call {
  method: string;
  url: string;
  body: unknown;
  answer(value: unknown): void;
  refuse(error: unknown): void;
}

/** A server the test answers by hand, one request at a time, to see what shows in between. */
function harness() {
  const calls: Call[] = [];
  const statuses: StoreStatus[] = [];
  const deltas: (AnnotationDelta[] | null)[] = [];
  const renames: [number, number][] = [];
  const store = new AnnotationStore(
    <T,>(method: string, url: string, body?: unknown) =>
      new Promise<T>((resolve, reject) => calls.push({ method, url, body, answer: (value) => resolve(value as T), refuse: reject })),
    {
      status: (status) => statuses.push(status),
      errorText: (error) => (error instanceof Error ? error.message : 'Something went wrong.'),
      renamed: (from, to) => renames.push([from, to]),
    },
  );
  store.subscribe((change) => deltas.push(change));
  /** Lets queued work run up to its next request. */
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const shown = () => store.getSnapshot().annotations.map((a) => `${a.id}:${a.label}:${a.quote}`);
  return { store, calls, statuses, deltas, renames, tick, shown };
}

const tagInput = (start: number, end: number) => ({ articleId: 1, layerId: 7, label: 'figure' as const, start, end, quote: TEXT.slice(start, end) });

group('AnnotationStore', () => {
  it('shows a tag at once under a provisional id, then the server’s annotation in its place', async () => {
    const { store, calls, statuses, deltas, renames, tick, shown } = harness();
    store.load([annotation(1, 0, 16)]);
    const provisional = store.tag(tagInput(22, 26));
    expect(provisional).toBeLessThan(0);
    expect(shown()).toEqual(['1:claim:Kataib Hezbollah', `${provisional}:figure:five`]);
    // Only the new annotation changed: one delta, nothing about the others.
    expect(deltas.at(-1)).toEqual([{ before: undefined, after: expect.objectContaining({ id: provisional }) }]);

    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.body).toEqual({ label: 'figure', start: 22, end: 26, quote: 'five', layerId: 7 });
    calls[0]!.answer({ annotation: annotation(40, 22, 26, { label: 'figure' }) });
    await store.settled();

    expect(shown()).toEqual(['1:claim:Kataib Hezbollah', '40:figure:five']);
    expect(store.get(provisional)?.id).toBe(40);
    expect(renames).toEqual([[provisional, 40]]);
    expect(statuses.at(-1)).toEqual({ kind: 'info', text: 'Tagged Figure “five”.' });
    expect(store.getSnapshot().undo.map((entry) => entry.kind)).toEqual(['create']);
  });

  it('takes a refused tag back and says why', async () => {
    const { store, calls, statuses, tick, shown } = harness();
    store.load([]);
    store.tag(tagInput(22, 26));
    expect(shown()).toHaveLength(1);
    await tick();
    calls[0]!.refuse(new ApiError(409, 'duplicate', '“five” is already tagged figure.'));
    await store.settled();
    expect(shown()).toEqual([]);
    expect(statuses.at(-1)).toEqual({ kind: 'error', text: 'Not tagged: “five” is already tagged figure. The highlight was removed.' });
    expect(store.getSnapshot().undo).toEqual([]);
  });

  it('sends queued writes one at a time, in order, each with the version the previous one returned', async () => {
    const { store, calls, tick, shown } = harness();
    store.load([annotation(1, 0, 16)]);
    void store.update(1, { label: 'actor' });
    void store.update(1, { note: 'who?' });
    void store.destroy(1);
    // All three show at once ...
    expect(shown()).toEqual([]);
    await tick();
    // ... but only the first request is out.
    expect(calls.map((call) => call.method)).toEqual(['PATCH']);
    expect(calls[0]!.body).toEqual({ label: 'actor', version: 1 });
    calls[0]!.answer({ annotation: annotation(1, 0, 16, { label: 'actor', version: 2 }) });
    await tick();
    expect(calls.map((call) => call.method)).toEqual(['PATCH', 'PATCH']);
    expect(calls[1]!.body).toEqual({ note: 'who?', version: 2 });
    calls[1]!.answer({ annotation: annotation(1, 0, 16, { label: 'actor', note: 'who?', version: 3 }) });
    await tick();
    expect(calls[2]!.method).toBe('DELETE');
    expect(calls[2]!.url).toBe('/api/annotations/1?version=3');
    calls[2]!.answer(undefined);
    await store.settled();
    expect(shown()).toEqual([]);
    expect(store.getSnapshot().undo.map((entry) => entry.kind)).toEqual(['update', 'update', 'delete']);
  });

  it('a change to a provisional annotation waits for its id and goes to the stored one', async () => {
    const { store, calls, tick } = harness();
    store.load([]);
    const provisional = store.tag(tagInput(0, 16));
    void store.update(provisional, { label: 'actor' });
    expect(store.get(provisional)?.label).toBe('actor');
    await tick();
    calls[0]!.answer({ annotation: annotation(9, 0, 16, { label: 'figure' }) });
    await tick();
    // The label change still shows over the stored annotation while its PATCH is out.
    expect(store.get(9)?.label).toBe('actor');
    expect(calls[1]!.url).toBe('/api/annotations/9');
    calls[1]!.answer({ annotation: annotation(9, 0, 16, { label: 'actor', version: 2 }) });
    await store.settled();
    expect(store.get(provisional)).toEqual(expect.objectContaining({ id: 9, label: 'actor', version: 2 }));
  });

  it('a refused label change or delete puts the annotation back as the server has it', async () => {
    const { store, calls, statuses, tick, shown } = harness();
    store.load([annotation(1, 0, 16)]);
    void store.update(1, { label: 'figure' });
    expect(shown()).toEqual(['1:figure:Kataib Hezbollah']);
    await tick();
    calls[0]!.refuse(new ApiError(409, 'conflict', 'Someone else changed it.'));
    await tick();
    expect(shown()).toEqual(['1:claim:Kataib Hezbollah']);
    expect(statuses.at(-1)?.text).toBe('Not saved: Someone else changed it. The change was taken back.');

    void store.destroy(1);
    expect(shown()).toEqual([]);
    await tick();
    calls[1]!.refuse(new ApiError(403, 'read_only', 'This layer is read-only.'));
    await store.settled();
    expect(shown()).toEqual(['1:claim:Kataib Hezbollah']);
    expect(statuses.at(-1)).toEqual({ kind: 'error', text: 'Not deleted: This layer is read-only. The annotation is back.' });
  });

  it('undoes a confirmed label change by sending the old label with the current version', async () => {
    const { store, calls, statuses, tick, shown } = harness();
    store.load([annotation(1, 0, 16, { note: 'first' })]);
    void store.update(1, { label: 'actor' });
    await tick();
    calls[0]!.answer({ annotation: annotation(1, 0, 16, { label: 'actor', note: 'first', version: 2 }) });
    await store.settled();
    const undone = store.undo();
    await tick();
    expect(calls[1]!.method).toBe('PATCH');
    expect(calls[1]!.body).toEqual({ label: 'claim', note: 'first', version: 2 });
    calls[1]!.answer({ annotation: annotation(1, 0, 16, { note: 'first', version: 3 }) });
    expect(await undone).toBe(1);
    expect(shown()).toEqual(['1:claim:Kataib Hezbollah']);
    expect(statuses.at(-1)?.text).toBe('Undid the change to Claim “Kataib Hezbollah”.');
    expect(store.getSnapshot().undo).toEqual([]);
  });

  it('undoes a confirmed delete by restoring the same annotation', async () => {
    const { store, calls, tick, shown } = harness();
    store.load([annotation(1, 0, 16)]);
    void store.destroy(1);
    await tick();
    calls[0]!.answer(undefined);
    await store.settled();
    void store.undo();
    await tick();
    expect(calls[1]!.url).toBe('/api/annotations/1/restore');
    calls[1]!.answer({ annotation: annotation(1, 0, 16, { version: 3 }) });
    await store.settled();
    expect(shown()).toEqual(['1:claim:Kataib Hezbollah']);
  });

  it('keeps the list in text order as annotations come and go', () => {
    const { store, shown } = harness();
    store.load([annotation(2, 22, 26), annotation(1, 0, 16)]);
    store.tag(tagInput(7, 16));
    store.tag(tagInput(0, 6));
    expect(shown().map((entry) => entry.split(':')[2])).toEqual(['Kataib Hezbollah', 'Kataib', 'Hezbollah', 'five']);
  });
});
