import 'server-only';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/**
 * The handle a query runs on inside `Database.read` or `Database.write`. Query modules write to
 * the part of drizzle's API both engines share: build a query and `await` it (rows come back as
 * an array), `.returning()`, `onConflictDo…`; never better-sqlite3's synchronous `.get()`,
 * `.all()`, `.run()` (a lint rule refuses them in db/). SQL drizzle cannot say goes through
 * db/raw.ts, which knows each engine's words.
 */
export type Conn = BetterSQLite3Database<typeof schema>;
/** A Conn inside a write transaction: the same API, named for what it is. */
export type Tx = Conn;

export type Engine = 'sqlite' | 'postgres';

/**
 * The database context every db/ function takes beside the Viewer. Pages, actions and routes get
 * it from `appDatabase()` (db/client.ts); tests and commands open their own. No query module
 * reaches for a connection of its own.
 */
export interface Database {
  readonly engine: Engine;
  /**
   * The bare handle, outside the lock: only for a library that builds its own queries (Better
   * Auth's adapter), and only with each of its calls wrapped in `read` (see db/auth.ts).
   */
  readonly conn: Conn;
  /** Runs `work` with a handle for reads. A read inside a write runs in that write's transaction. */
  read<T>(work: (conn: Conn) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction: all of it is stored, or none of it, and the promise settles
   * once it is durable. A write inside a write joins the outer transaction.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Whether writes are queued or were in the last `withinMs`: background work yields to them. */
  writesBusy(withinMs: number): boolean;
  close(): Promise<void>;
}
