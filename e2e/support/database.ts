import Database from 'better-sqlite3';

const TABLES = ['reviewers', 'articles', 'annotations', 'history'] as const;

function databasePath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts');
  return file;
}

/** Every row of every table, read straight from the server's SQLite file (read-only). */
export function snapshotDatabase(): Record<(typeof TABLES)[number], unknown[]> {
  const db = new Database(databasePath(), { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`select * from ${table} order by id`).all()])) as Record<
      (typeof TABLES)[number],
      unknown[]
    >;
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
