import 'server-only';
import path from 'node:path';
import type { Database as AppDatabase } from './database';
import { configuredEngine } from './engine';
import { PostgresDatabase } from './pg-database';
import { SqliteDatabase, synchronousMode } from './sqlite-database';
import { ensureStartupData } from './startup-data';

export { synchronousMode };

// Next may evaluate this module more than once per process (route bundles, dev reloads);
// one connection per database file keeps WAL, the busy timeout and the connection lock meaningful.
const registry = globalThis as typeof globalThis & { crosscheckDatabase?: SqliteDatabase; crosscheckPostgres?: { url: string; database: PostgresDatabase } };

export function databasePath(): string {
  // turbopackIgnore: the database lives outside the build; nothing here is to be traced or bundled.
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'crosscheck.db'));
}

/** Each engine's committed drizzle-kit migrations, applied at start-up. */
export function migrationsFolder(engine = configuredEngine()): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'db', engine === 'postgres' ? 'migrations-pg' : 'migrations');
}

function sqliteDatabase(): SqliteDatabase {
  const file = databasePath();
  if (registry.crosscheckDatabase?.file !== file) {
    registry.crosscheckDatabase?.sqlite.close();
    const opened = SqliteDatabase.open(file, migrationsFolder());
    opened.startWith(ensureStartupData);
    registry.crosscheckDatabase = opened;
  }
  return registry.crosscheckDatabase;
}

function postgresDatabase(url: string): PostgresDatabase {
  if (registry.crosscheckPostgres?.url !== url) {
    void registry.crosscheckPostgres?.database.close();
    const opened = PostgresDatabase.open(url, migrationsFolder('postgres'));
    opened.startWith(ensureStartupData);
    registry.crosscheckPostgres = { url, database: opened };
  }
  return registry.crosscheckPostgres.database;
}

/**
 * The app's database: opened, migrated and seeded on first use. SQLite (the file at DATABASE_PATH)
 * unless DATABASE_URL is a postgres:// address. Pages and routes pass it to db/ functions.
 */
export function appDatabase(): AppDatabase {
  return configuredEngine() === 'postgres' ? postgresDatabase(process.env.DATABASE_URL!) : sqliteDatabase();
}
