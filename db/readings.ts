import 'server-only';
import { eq } from 'drizzle-orm';
import { visibleAnnotation, type Viewer } from './access';
import { readLabel, storeLabelReading, type LabelReading } from './annotation-details';
import { articleText } from './article-text';
import { categoryNames } from './categories';
import type { Conn, Database } from './database';
import { annotations, pendingReadings } from './schema';

/*
 * Figure and claim readings, after the write. Reading a span (compromise's part-of-speech
 * tagging of its sentence) costs milliseconds of CPU, far more than storing it, so the API
 * stores the span with a pending_readings row and answers; the reading runs here afterwards,
 * one at a time, outside any transaction, and its details are stored by a `db.write` of their
 * own. Readings yield to writes: one runs when no write was queued for a moment, or when none
 * ran for MAX_DELAY_MS, so a reviewer's span is never held up by a reading, and under a burst
 * the readings catch up after.
 */

const QUIET_MS = 5;
const MAX_DELAY_MS = 250;

interface Readings {
  queue: number[];
  queued: Set<number>;
  waiting: Map<number, (() => void)[]>;
  timer: ReturnType<typeof setTimeout> | null;
  /** A reading is being made (between its read and the queueing of its write). */
  running: boolean;
  lastRunAt: number;
}

// On globalThis: Next may load this module once per route bundle; the POST that queues a
// reading and the GET that waits for it must share one queue. One queue per database.
const registry = globalThis as typeof globalThis & { crosscheckReadings?: WeakMap<Database, Readings> };

function state(db: Database): Readings {
  registry.crosscheckReadings ??= new WeakMap();
  let readings = registry.crosscheckReadings.get(db);
  if (!readings) {
    readings = { queue: [], queued: new Set(), waiting: new Map(), timer: null, running: false, lastRunAt: 0 };
    registry.crosscheckReadings.set(db, readings);
  }
  return readings;
}

/**
 * Queues the reading of an annotation that has a pending_readings row. Call it once the write
 * that stored that row has settled, never from inside a transaction.
 */
export function queueReading(db: Database, annotationId: number): void {
  const readings = state(db);
  if (readings.queued.has(annotationId)) return;
  readings.queued.add(annotationId);
  readings.queue.push(annotationId);
  schedule(db, 0);
}

/** On start: readings acknowledged but not stored before the last stop (a crash) are queued again. */
export async function resumePendingReadings(db: Database): Promise<number> {
  const ids = await db.read((conn) => conn.select({ id: pendingReadings.annotationId }).from(pendingReadings).orderBy(pendingReadings.annotationId));
  for (const { id } of ids) queueReading(db, id);
  return ids.length;
}

async function hasPendingReading(conn: Conn, annotationId: number): Promise<boolean> {
  const [row] = await conn
    .select({ id: pendingReadings.annotationId })
    .from(pendingReadings)
    .where(eq(pendingReadings.annotationId, annotationId))
    .limit(1);
  return row !== undefined;
}

/** Whether the reading of an annotation the viewer may see is still to be stored (404 for one they may not see). */
export async function isReadingPending(db: Database, viewer: Viewer, annotationId: number): Promise<boolean> {
  return db.read(async (conn) => {
    await visibleAnnotation(conn, viewer, annotationId);
    return hasPendingReading(conn, annotationId);
  });
}

/**
 * Resolves when the annotation's reading is stored, or at once when it has none pending, or
 * after `timeoutMs` (the caller then answers with what there is). The caller checks access.
 */
export async function readingSettled(db: Database, annotationId: number, timeoutMs: number): Promise<void> {
  if (!(await db.read((conn) => hasPendingReading(conn, annotationId)))) return;
  // A reading left from before a restart that nothing queued yet.
  queueReading(db, annotationId);
  return new Promise((resolve) => {
    const waiting = state(db).waiting;
    const timer = setTimeout(resolve, timeoutMs);
    waiting.set(annotationId, [...(waiting.get(annotationId) ?? []), () => (clearTimeout(timer), resolve())]);
  });
}

function schedule(db: Database, delayMs: number): void {
  const readings = state(db);
  if (readings.timer !== null || readings.running || readings.queue.length === 0) return;
  readings.timer = setTimeout(() => void runNext(db), delayMs);
}

async function runNext(db: Database): Promise<void> {
  const readings = state(db);
  readings.timer = null;
  if (readings.queue.length === 0) return;
  if (db.writesBusy(QUIET_MS) && performance.now() - readings.lastRunAt < MAX_DELAY_MS) {
    schedule(db, QUIET_MS);
    return;
  }
  const annotationId = readings.queue.shift()!;
  readings.queued.delete(annotationId);
  readings.lastRunAt = performance.now();
  readings.running = true;
  let reading: LabelReading | null = null;
  try {
    reading = await readNow(db, annotationId);
  } catch (error) {
    // A reading that fails leaves empty details (as an import does) rather than a span pending for ever.
    console.error(`Reading annotation ${annotationId} failed; it gets empty details`, error);
  } finally {
    readings.running = false;
  }
  db.write(async (tx) => {
    const removed = await tx.delete(pendingReadings).where(eq(pendingReadings.annotationId, annotationId)).returning({ id: pendingReadings.annotationId });
    if (removed.length === 0) return;
    const [annotation] = await tx
      .select({ id: annotations.id, label: annotations.label, articleId: annotations.articleId })
      .from(annotations)
      .where(eq(annotations.id, annotationId))
      .limit(1);
    if (annotation) await storeLabelReading(tx, annotation, reading);
  }).then(
    () => settle(db, annotationId),
    (error: unknown) => {
      // The write failed (a busy database): the pending row is still there, so try again later.
      console.error(`Storing the reading of annotation ${annotationId} failed; it will be retried`, error);
      setTimeout(() => queueReading(db, annotationId), 1000);
    },
  );
  schedule(db, 0);
}

/** The slow part, outside any transaction: the NLP reading of the span as it is labelled now. */
async function readNow(db: Database, annotationId: number): Promise<LabelReading | null> {
  const found = await db.read(async (conn) => {
    const [annotation] = await conn
      .select({ label: annotations.label, start: annotations.start, end: annotations.end, articleId: annotations.articleId })
      .from(annotations)
      .where(eq(annotations.id, annotationId))
      .limit(1);
    if (!annotation) return null;
    return { annotation, text: await articleText(db, annotation.articleId), categories: await categoryNames(conn) };
  });
  if (!found) return null;
  // Outside the read: the connection is free for others while the CPU reads the span.
  return readLabel(found.text, found.annotation, found.categories);
}

function settle(db: Database, annotationId: number): void {
  const waiting = state(db).waiting;
  const callbacks = waiting.get(annotationId) ?? [];
  waiting.delete(annotationId);
  for (const callback of callbacks) callback();
}
