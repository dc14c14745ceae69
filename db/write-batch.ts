import type Database from 'better-sqlite3';
import { getDb, getSqlite, type Tx } from './client';

/*
 * Group commit. With synchronous=FULL every COMMIT waits for an fsync, and better-sqlite3 waits
 * on the event loop's thread, so one transaction per request caps the server at one fsync per
 * write and stalls every other request meanwhile. Writes queued while the server is busy are
 * committed together instead: one IMMEDIATE transaction per batch, each write inside its own
 * SAVEPOINT so that a write that fails is rolled back alone and its batch-mates still commit.
 * A write's promise settles only after the COMMIT returned, so an acknowledged write is durable.
 */

interface Job {
  work: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Savepoints {
  sqlite: Database.Database;
  open: Database.Statement;
  release: Database.Statement;
  rollback: Database.Statement;
}

let queue: Job[] = [];
let flushScheduled = false;
let lastQueuedAt = 0;
let savepoints: Savepoints | null = null;

function savepointStatements(): Savepoints {
  const sqlite = getSqlite();
  // Prepared once per connection: these run twice for every write of a batch.
  if (savepoints?.sqlite !== sqlite) {
    savepoints = {
      sqlite,
      open: sqlite.prepare('SAVEPOINT batch_item'),
      release: sqlite.prepare('RELEASE batch_item'),
      rollback: sqlite.prepare('ROLLBACK TO batch_item'),
    };
  }
  return savepoints;
}

/**
 * Runs `work` in the next batch and resolves with its result once the batch is committed, or
 * rejects with the error `work` threw (nothing of it written) or with the error that stopped
 * the whole batch (a busy or failing database: nothing of the batch written). `work` must be
 * synchronous, like any better-sqlite3 transaction.
 */
export function queueWrite<T>(work: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    lastQueuedAt = performance.now();
    if (!flushScheduled) {
      flushScheduled = true;
      // After the I/O callbacks of this turn: requests that arrived together share a commit.
      setImmediate(flushWrites);
    }
  });
}

/** Whether writes are waiting, or one was queued in the last `withinMs`: background work yields to them. */
export function writesBusy(withinMs: number): boolean {
  return queue.length > 0 || performance.now() - lastQueuedAt < withinMs;
}

/** Commits every queued write as one batch. Exported for tests; the queue calls it by itself. */
export function flushWrites(): void {
  flushScheduled = false;
  const jobs = queue;
  queue = [];
  if (jobs.length === 0) return;
  const outcomes: Outcome[] = [];
  try {
    const { open, release, rollback } = savepointStatements();
    getDb().transaction(
      (tx) => {
        for (const job of jobs) {
          open.run();
          try {
            const value = job.work(tx);
            release.run();
            outcomes.push({ ok: true, value });
          } catch (error) {
            rollback.run();
            release.run();
            outcomes.push({ ok: false, error });
          }
        }
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // BEGIN or COMMIT failed (another process holds the lock, the disk refused): nothing of this batch is stored.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
