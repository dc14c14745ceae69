import { eq } from 'drizzle-orm';
import { readLabel, storeLabelReading, type LabelReading } from './annotation-details';
import { articleText } from './article-text';
import { categoryNames } from './categories';
import { getDb } from './client';
import { annotations, pendingReadings } from './schema';
import { queueWrite, writesBusy } from './write-batch';

/*
 * Figure and claim readings, after the write. Reading a span (compromise's part-of-speech
 * tagging of its sentence) costs milliseconds of CPU, far more than storing it, so the API
 * stores the span with a pending_readings row and answers; the reading runs here afterwards,
 * one at a time, and its details are stored through the write queue. Readings yield to writes:
 * one runs when no write was queued for a moment, or when none ran for MAX_DELAY_MS, so a
 * reviewer's span is never held up by a reading, and under a burst the readings catch up after.
 */

const QUIET_MS = 5;
const MAX_DELAY_MS = 250;

interface Readings {
  queue: number[];
  queued: Set<number>;
  waiting: Map<number, (() => void)[]>;
  timer: ReturnType<typeof setTimeout> | null;
  lastRunAt: number;
}

// On globalThis: Next may load this module once per route bundle; the POST that queues a
// reading and the GET that waits for it must share one queue.
const registry = globalThis as typeof globalThis & { crosscheckReadings?: Readings };

function state(): Readings {
  registry.crosscheckReadings ??= { queue: [], queued: new Set(), waiting: new Map(), timer: null, lastRunAt: 0 };
  return registry.crosscheckReadings;
}

/** Queues the reading of an annotation that has a pending_readings row. */
export function queueReading(annotationId: number): void {
  const readings = state();
  if (readings.queued.has(annotationId)) return;
  readings.queued.add(annotationId);
  readings.queue.push(annotationId);
  schedule(0);
}

/** On start: readings acknowledged but not stored before the last stop (a crash) are queued again. */
export function resumePendingReadings(): number {
  const ids = getDb().select({ id: pendingReadings.annotationId }).from(pendingReadings).orderBy(pendingReadings.annotationId).all();
  for (const { id } of ids) queueReading(id);
  return ids.length;
}

export function isReadingPending(annotationId: number): boolean {
  return getDb().select({ id: pendingReadings.annotationId }).from(pendingReadings).where(eq(pendingReadings.annotationId, annotationId)).get() !== undefined;
}

/**
 * Resolves when the annotation's reading is stored, or at once when it has none pending, or
 * after `timeoutMs` (the caller then answers with what there is). The caller checks access.
 */
export function readingSettled(annotationId: number, timeoutMs: number): Promise<void> {
  if (!isReadingPending(annotationId)) return Promise.resolve();
  // A reading left from before a restart that nothing queued yet.
  queueReading(annotationId);
  return new Promise((resolve) => {
    const waiting = state().waiting;
    const timer = setTimeout(resolve, timeoutMs);
    waiting.set(annotationId, [...(waiting.get(annotationId) ?? []), () => (clearTimeout(timer), resolve())]);
  });
}

function schedule(delayMs: number): void {
  const readings = state();
  if (readings.timer !== null || readings.queue.length === 0) return;
  readings.timer = setTimeout(runNext, delayMs);
}

function runNext(): void {
  const readings = state();
  readings.timer = null;
  if (readings.queue.length === 0) return;
  if (writesBusy(QUIET_MS) && performance.now() - readings.lastRunAt < MAX_DELAY_MS) {
    schedule(QUIET_MS);
    return;
  }
  const annotationId = readings.queue.shift()!;
  readings.queued.delete(annotationId);
  readings.lastRunAt = performance.now();
  let reading: LabelReading | null = null;
  try {
    reading = readNow(annotationId);
  } catch (error) {
    // A reading that fails leaves empty details (as an import does) rather than a span pending for ever.
    console.error(`Reading annotation ${annotationId} failed; it gets empty details`, error);
  }
  queueWrite((tx) => {
    const pending = tx.delete(pendingReadings).where(eq(pendingReadings.annotationId, annotationId)).run();
    if (pending.changes === 0) return;
    const annotation = tx.select({ id: annotations.id, label: annotations.label, articleId: annotations.articleId }).from(annotations).where(eq(annotations.id, annotationId)).get();
    if (annotation) storeLabelReading(tx, annotation, reading);
  }).then(
    () => settle(annotationId),
    (error: unknown) => {
      // The batch failed (a busy database): the pending row is still there, so try again later.
      console.error(`Storing the reading of annotation ${annotationId} failed; it will be retried`, error);
      setTimeout(() => queueReading(annotationId), 1000);
    },
  );
  schedule(0);
}

/** The slow part, outside any transaction: the NLP reading of the span as it is labelled now. */
function readNow(annotationId: number): LabelReading | null {
  const db = getDb();
  const annotation = db
    .select({ label: annotations.label, start: annotations.start, end: annotations.end, articleId: annotations.articleId })
    .from(annotations)
    .where(eq(annotations.id, annotationId))
    .get();
  if (!annotation) return null;
  return readLabel(articleText(annotation.articleId), annotation, categoryNames(db));
}

function settle(annotationId: number): void {
  const waiting = state().waiting;
  const callbacks = waiting.get(annotationId) ?? [];
  waiting.delete(annotationId);
  for (const callback of callbacks) callback();
}
