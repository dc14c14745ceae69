import 'server-only';
import BetterSqlite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ConnectionLock } from './connection-lock';
import type { Conn, Database, Tx } from './database';
import { preparePrivateDatabaseFile } from './file-safety';
import * as schema from './sqlite-schema';

/**
 * How hard a commit is pushed to disk. FULL (the default) fsyncs the WAL on every commit, so a
 * write the API acknowledged survives a power loss or an OS crash; NORMAL skips that fsync
 * (faster; an OS crash can lose the last commits, a process crash cannot). See bench/ for the cost.
 */
export function synchronousMode(): 'FULL' | 'NORMAL' {
  const chosen = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (chosen !== 'FULL' && chosen !== 'NORMAL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not ${JSON.stringify(process.env.SQLITE_SYNCHRONOUS)}.`);
  }
  return chosen;
}

/**
 * How long a writer waits for another process's lock. better-sqlite3 waits synchronously, so in
 * the server every request stalls meanwhile: it waits 1 s, then answers 503 `database_busy`
 * (nothing written; the browser retries). Command-line jobs have no one else to serve and wait 5 s.
 */
function busyTimeoutMs(): number {
  return process.env.NEXT_RUNTIME ? 1000 : 5000;
}

// Group commit: writes queued while one batch runs are committed by the next as one transaction.
// A batch stops taking newcomers at this size so that reads queued behind it get their turn.
const MAX_BATCH = 256;

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * SQLite through better-sqlite3: one connection per process, WAL, a busy timeout, IMMEDIATE
 * transactions.
 *
 * Writes are group-committed. With synchronous=FULL every COMMIT waits for an fsync on the event
 * loop's thread, so one transaction per request caps the server at one fsync per write. Writes
 * that arrive while the connection is busy are run together in one IMMEDIATE transaction, each
 * inside its own SAVEPOINT, so a write that fails is rolled back alone and its batch-mates still
 * commit; each write's promise settles only after the COMMIT, so an acknowledged write is durable.
 *
 * Every read and every batch holds the connection lock (db/connection-lock.ts), because a
 * transaction now spans awaits and one connection cannot keep two conversations apart.
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  readonly conn: Conn;
  private readonly lock = new ConnectionLock();
  private queue: Job[] = [];
  private flushScheduled = false;
  private lastQueuedAt = 0;
  /** Start-up work (rows every library needs); everything else waits for it and fails if it failed. */
  private ready: Promise<void> = Promise.resolve();
  private readonly savepoint: { open: BetterSqlite.Statement; release: BetterSqlite.Statement; rollback: BetterSqlite.Statement };

  constructor(
    readonly file: string,
    readonly sqlite: BetterSqlite.Database,
  ) {
    this.conn = drizzle(sqlite, { schema });
    this.savepoint = {
      open: sqlite.prepare('SAVEPOINT write_item'),
      release: sqlite.prepare('RELEASE write_item'),
      rollback: sqlite.prepare('ROLLBACK TO write_item'),
    };
  }

  /** Opens (creating if need be) the file, sets the pragmas and applies the committed migrations. */
  static open(file: string, migrationsFolder: string): SqliteDatabase {
    preparePrivateDatabaseFile(file);
    const sqlite = new BetterSqlite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`synchronous = ${synchronousMode()}`);
    migrate(drizzle(sqlite, { schema }), { migrationsFolder });
    return new SqliteDatabase(file, sqlite);
  }

  /** Runs `work` in one transaction before any read or write queued after this call. */
  startWith(work: (tx: Tx) => Promise<void>): void {
    // DEFERRED: on a library that has its start-up rows the work only reads, and a command started
    // beside a busy server (a backup) must not wait for the write lock just to find that out.
    this.ready = this.lock.run(() => this.transactionNow(work, 'DEFERRED'));
    // Awaited by every read and write; this keeps an early failure from being reported as unhandled too.
    this.ready.catch(() => {});
  }

  read<T>(work: (conn: Conn) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      await this.ready;
      return work(this.conn);
    });
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.lock.heldHere()) {
      // Called from inside a read or a write of this flow: join its transaction, or open one now.
      return this.sqlite.inTransaction ? work(this.conn) : this.transactionNow(work);
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.lastQueuedAt = performance.now();
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // After the I/O callbacks of this turn: requests that arrived together share a commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  writesBusy(withinMs: number): boolean {
    return this.queue.length > 0 || performance.now() - this.lastQueuedAt < withinMs;
  }

  /** Runs every queued write now. Exported for tests; the queue calls it by itself. */
  async flush(): Promise<void> {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    await this.lock.run(async () => {
      try {
        await this.ready;
      } catch (error) {
        for (const job of this.queue.splice(0, this.queue.length)) job.reject(error);
        return;
      }
      const done: { job: Job; ok: boolean; value: unknown }[] = [];
      let batch: Job[] = [];
      try {
        this.sqlite.prepare('BEGIN IMMEDIATE').run();
      } catch (error) {
        // Another process holds the write lock past the busy timeout: nothing of these is stored.
        batch = this.queue.splice(0, this.queue.length);
        for (const job of batch) job.reject(error);
        return;
      }
      try {
        while (this.queue.length > 0 && done.length < MAX_BATCH) {
          const job = this.queue.shift()!;
          batch.push(job);
          this.savepoint.open.run();
          try {
            const value = await job.work(this.conn);
            this.savepoint.release.run();
            done.push({ job, ok: true, value });
          } catch (error) {
            this.savepoint.rollback.run();
            this.savepoint.release.run();
            done.push({ job, ok: false, value: error });
          }
        }
        this.sqlite.prepare('COMMIT').run();
      } catch (error) {
        // COMMIT failed (the disk refused): nothing of this batch is stored.
        if (this.sqlite.inTransaction) this.sqlite.prepare('ROLLBACK').run();
        for (const job of batch) job.reject(error);
        return;
      } finally {
        if (this.queue.length > 0 && !this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => void this.flush());
        }
      }
      for (const { job, ok, value } of done) {
        if (ok) job.resolve(value);
        else job.reject(value);
      }
    });
  }

  private async transactionNow<T>(work: (tx: Tx) => Promise<T>, mode: 'IMMEDIATE' | 'DEFERRED' = 'IMMEDIATE'): Promise<T> {
    this.sqlite.prepare(`BEGIN ${mode}`).run();
    try {
      const value = await work(this.conn);
      this.sqlite.prepare('COMMIT').run();
      return value;
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.prepare('ROLLBACK').run();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.lock.run(async () => {
      this.sqlite.close();
    });
  }
}
