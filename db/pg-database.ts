import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import type { Conn, Database, Tx } from './database';
import * as schema from './pg-schema';

type PgConn = NodePgDatabase<typeof schema>;

// Any constant shared by every process of one library: migrations run under this advisory lock, so
// two app servers starting together against one database do not both try to create the tables.
const MIGRATION_LOCK = 0x63726f73; // "cros"
// Held by every write transaction, in every process: one writer at a time, as on SQLite.
const WRITE_LOCK = 0x63726f77; // "crow"

const MAX_ATTEMPTS = 8;

/** serialization_failure and deadlock_detected: the transaction did nothing and may simply run again. */
function isSerializationConflict(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === '40001' || code === '40P01') return true;
  }
  return false;
}

/** How many connections one app process keeps; several processes share the server's limit. */
function poolSize(): number {
  const chosen = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(chosen) && chosen > 0 ? chosen : 10;
}

/** The transaction an async flow is in, while it is still open (a timer started inside inherits the store but not the transaction). */
interface OpenTransaction {
  tx: PgConn;
  open: boolean;
}

/**
 * PostgreSQL through node-postgres: a pool of connections, each transaction on one of them. Reads
 * outside a transaction take any pooled connection; the server keeps concurrent transactions apart,
 * so no lock is needed here. The query modules are written against the SQLite types (see
 * db/schema.ts); at run time they get the pg tables and this handle, which understand the same calls.
 */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly conn: Conn;
  private readonly pg: PgConn;
  private readonly flow = new AsyncLocalStorage<OpenTransaction>();
  private ready: Promise<void> = Promise.resolve();
  private lastWriteAt = 0;
  private writesInFlight = 0;

  constructor(readonly pool: Pool) {
    this.pg = drizzle(pool, { schema });
    this.conn = this.pg as unknown as Conn;
  }

  static open(url: string, migrationsFolder: string): PostgresDatabase {
    const pool = new Pool({ connectionString: url, max: poolSize() });
    // An idle connection the server dropped (a restart, a network blip) must not crash the process.
    pool.on('error', (error) => console.error('PostgreSQL connection error', error));
    const database = new PostgresDatabase(pool);
    database.ready = database.migrate(migrationsFolder);
    database.ready.catch(() => {});
    return database;
  }

  private async migrate(migrationsFolder: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  /** Runs `work` in one transaction once the migrations are applied and before anything queued after it. */
  startWith(work: (tx: Tx) => Promise<void>): void {
    const migrated = this.ready;
    this.ready = migrated.then(() => this.transaction(work));
    this.ready.catch(() => {});
  }

  private current(): OpenTransaction | undefined {
    const store = this.flow.getStore();
    return store?.open ? store : undefined;
  }

  async read<T>(work: (conn: Conn) => Promise<T>): Promise<T> {
    const inside = this.current();
    if (inside) return work(inside.tx as unknown as Conn);
    await this.ready;
    return work(this.conn);
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const inside = this.current();
    if (inside) return work(inside.tx as unknown as Tx);
    await this.ready;
    this.writesInFlight += 1;
    try {
      return await this.transaction(work);
    } finally {
      this.writesInFlight -= 1;
      this.lastWriteAt = performance.now();
    }
  }

  /**
   * One transaction, holding the library's write lock (a transaction-scoped advisory lock) from its
   * first statement to its COMMIT. The query modules read, check and then write (a version, a free
   * name), which SQLite's single writer makes safe by itself; with several servers writing at once
   * at READ COMMITTED, two could both pass the check. Taking one lock for every write, in every
   * process, gives PostgreSQL the same one-writer-at-a-time order (reads stay concurrent), and each
   * statement after the lock sees every write committed before it. Serializable isolation would
   * refuse the losers instead and have them run again, but writes to one article all touch its row
   * (its last activity), so under load they collided again and again. A deadlock or serialization
   * failure (none expected) is run again: work has no effects outside the database (db/database.ts).
   */
  private async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pg.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
          const state: OpenTransaction = { tx: tx as unknown as PgConn, open: true };
          try {
            return await this.flow.run(state, () => work(tx as unknown as Tx));
          } finally {
            state.open = false;
          }
        });
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isSerializationConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  writesBusy(withinMs: number): boolean {
    return this.writesInFlight > 0 || performance.now() - this.lastWriteAt < withinMs;
  }

  private closing: Promise<void> | null = null;

  /** Ends the pool once, whoever asks (the registry replacing it, a test, a command). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.ready.catch(() => {});
      await this.pool.end();
    })();
    return this.closing;
  }
}
