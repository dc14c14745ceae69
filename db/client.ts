import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { preparePrivateDatabaseFile } from './file-safety';
import { ensureStartupData } from './startup-data';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle passed to a transaction callback: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface OpenDatabase {
  path: string;
  sqlite: Database.Database;
  db: Db;
}

// Next may evaluate this module more than once per process (route bundles, dev reloads);
// one connection per database file keeps WAL and the busy timeout meaningful.
const registry = globalThis as typeof globalThis & { crosscheckDatabase?: OpenDatabase };

export function databasePath(): string {
  // turbopackIgnore: the database lives outside the build; nothing here is to be traced or bundled.
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'crosscheck.db'));
}

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
 * How long a writer waits for another's lock. better-sqlite3 waits synchronously, so in the
 * server every request stalls meanwhile: it waits 1 s, then answers 503 `database_busy`
 * (nothing written; the browser retries). Command-line jobs have no one else to serve and wait 5 s.
 */
function busyTimeoutMs(): number {
  return process.env.NEXT_RUNTIME ? 1000 : 5000;
}

function open(file: string): OpenDatabase {
  preparePrivateDatabaseFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${synchronousMode()}`);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations') });
  ensureStartupData(db);
  return { path: file, sqlite, db };
}

/** The app's database: opened, migrated and seeded on first use. */
export function getDb(): Db {
  const file = databasePath();
  if (registry.crosscheckDatabase?.path !== file) {
    registry.crosscheckDatabase?.sqlite.close();
    registry.crosscheckDatabase = open(file);
  }
  return registry.crosscheckDatabase.db;
}

/** The raw connection, for what drizzle has no words for (pragmas, VACUUM INTO). Query modules use getDb(). */
export function getSqlite(): Database.Database {
  getDb();
  return registry.crosscheckDatabase!.sqlite;
}

/**
 * Runs `work` in an IMMEDIATE transaction: the write lock is taken up front, so two
 * writers queue on the busy timeout instead of failing half-way with SQLITE_BUSY.
 * `work` must be synchronous: better-sqlite3 commits at the first await.
 */
export function writeTransaction<T>(work: (tx: Tx) => T): T {
  return getDb().transaction(work, { behavior: 'immediate' });
}
