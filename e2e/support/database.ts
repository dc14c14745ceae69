import Database from 'better-sqlite3';
import pg from 'pg';

/*
 * Straight reads of the server's database, for assertions on stored state. The suite runs on
 * SQLite (the file at E2E_DATABASE_PATH) or, through scripts/with-postgres.mjs, on PostgreSQL
 * (DATABASE_URL); the SQL in the specs is written once, with `?` placeholders, in the part of SQL
 * both understand.
 */

function postgresUrl(): string | null {
  const url = process.env.DATABASE_URL ?? '';
  return /^postgres(ql)?:\/\//.test(url) ? url : null;
}

function sqlitePath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts');
  return file;
}

async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `?` placeholders in PostgreSQL's numbered form; the specs' SQL has no `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// Sessions change with every signed-in request, not with what a request asked for.
const VOLATILE = new Set(['auth_sessions']);

/** Every row of every table the app made (not the engine's or drizzle's own), read straight from the server's database. */
export async function snapshotDatabase(): Promise<Record<string, unknown[]>> {
  const url = postgresUrl();
  const tables = url ? await postgresSnapshot(url) : sqliteSnapshot();
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([table]) => !VOLATILE.has(table))
      // A token's last use changes with every request made with it.
      .map(([table, rows]) => [table, table === 'api_tokens' ? rows.map((row) => ({ ...(row as object), last_used_at: null })) : rows]),
  );
}

function sqliteSnapshot(): Record<string, unknown[]> {
  const db = new Database(sqlitePath(), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .pluck()
      .all() as string[];
    // Full-text indexes (FTS5 virtual tables and their shadow tables, some WITHOUT ROWID) are derived
    // from the tables above by triggers: comparing their source is enough.
    const virtual = db.prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    const derived = (table: string) => virtual.some((name) => table === name || table.startsWith(`${name}_`));
    return Object.fromEntries(tables.filter((table) => !derived(table)).map((table) => [table, db.prepare(`select * from "${table}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

async function postgresSnapshot(url: string): Promise<Record<string, unknown[]>> {
  return onPostgres(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      // annotation_search is derived from the tables above by triggers: comparing its source is enough.
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'annotation_search' order by table_name",
    );
    const snapshot: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(`select * from "${name}"`);
      // No rowid on PostgreSQL: a stable order from the rows themselves.
      snapshot[name] = rows.map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row) as unknown);
    }
    return snapshot;
  });
}

/** Runs a read-only query against the server's database, for assertions on stored state. */
export async function queryDatabase<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const url = postgresUrl();
  if (url) return onPostgres(url, async (client) => (await client.query(numbered(sql), params)).rows as T[]);
  const db = new Database(sqlitePath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
