import Database from 'better-sqlite3';

function databasePath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts');
  return file;
}

/** Every row of every table the app made (not SQLite's or drizzle's own), read straight from the server's file (read-only). */
export function snapshotDatabase(): Record<string, unknown[]> {
  const db = new Database(databasePath(), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .pluck()
      .all() as string[];
    // Sessions and a token's last use change with every signed-in request, not with what a request asked for.
    const volatile = new Set(['auth_sessions']);
    // Full-text indexes (FTS5 virtual tables and their shadow tables, some WITHOUT ROWID) are derived
    // from the tables above by triggers: comparing their source is enough.
    const virtual = db.prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    const derived = (table: string) => virtual.some((name) => table === name || table.startsWith(`${name}_`));
    return Object.fromEntries(
      tables
        .filter((table) => !volatile.has(table) && !derived(table))
        .map((table) => [
          table,
          db
            .prepare(`select * from "${table}" order by rowid`)
            .all()
            .map((row) => (table === 'api_tokens' ? { ...(row as object), last_used_at: null } : row)),
        ]),
    );
  } finally {
    db.close();
  }
}

/** Runs a read-only query against the server's database, for assertions on stored state. */
export function queryDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(databasePath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
