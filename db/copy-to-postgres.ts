import 'server-only';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../lib/errors';
import { PostgresDatabase } from './pg-database';

/*
 * Moves a library from its SQLite file to a PostgreSQL database without loss: every row of every
 * table (accounts, sessions, tokens, history, dismissals included), ids kept, so links, exports and
 * bookmarks stay valid. The target is migrated first and must hold no library yet. Rows the
 * PostgreSQL migrations derive by themselves (the full-text index, the conflict finder's timeline)
 * are rebuilt by its triggers as the rows arrive, not copied.
 */

export interface CopiedTable {
  table: string;
  rows: number;
}

// Kept up by triggers on the target as rows arrive; SQLite's FTS5 tables and their shadows are not tables to copy.
const DERIVED = new Set(['figure_timeline', 'annotation_search']);
const BATCH_ROWS = 500;

interface ForeignKey {
  table: string;
  from: string;
}

/** Tables in an order where every row's foreign keys point at rows already copied (self-references aside). */
function copyOrder(sqlite: BetterSqlite.Database, tables: string[]): string[] {
  const dependsOn = new Map(
    tables.map((table) => [
      table,
      (sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[]).map((key) => key.table).filter((target) => target !== table && tables.includes(target)),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const target of dependsOn.get(table) ?? []) visit(target, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** A table's columns that point at its own rows (an article's next version): filled in after every row is there. */
function selfReferences(sqlite: BetterSqlite.Database, table: string): string[] {
  return (sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[]).filter((key) => key.table === table).map((key) => key.from);
}

type Convert = (value: unknown) => unknown;

/** SQLite keeps booleans as 0/1 and Better Auth's times as milliseconds; PostgreSQL has types for both. */
async function converters(client: pg.PoolClient, table: string): Promise<Map<string, Convert>> {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    "select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = $1",
    [table],
  );
  const byColumn = new Map<string, Convert>();
  for (const { column_name: column, data_type: type } of rows) {
    if (type === 'boolean') byColumn.set(column, (value) => (value === null ? null : Number(value) !== 0));
    else if (type.startsWith('timestamp')) byColumn.set(column, (value) => (value === null ? null : new Date(Number(value))));
    else byColumn.set(column, (value) => value);
  }
  return byColumn;
}

async function insertBatch(client: pg.PoolClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
  await client.query(`insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values ${tuples.join(', ')}`, values);
}

/**
 * Copies every table of the SQLite library at `sqliteFile` into the PostgreSQL database at
 * `postgresUrl`, in one transaction: all of it or nothing. Refuses a target that already holds
 * accounts or articles.
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string, migrationsFolder: string, progress: (line: string) => void = () => {}): Promise<CopiedTable[]> {
  const sqlite = new BetterSqlite(sqliteFile, { readonly: true, fileMustExist: true });
  const target = PostgresDatabase.open(postgresUrl, migrationsFolder);
  try {
    await target.read(async () => {}); // Waits for the target's migrations.
    const tables = (
      sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and sql not like 'CREATE VIRTUAL TABLE%' order by name")
        .pluck()
        .all() as string[]
    ).filter((table) => !DERIVED.has(table) && !/^(article|annotation)_search_/.test(table));
    const client = await target.pool.connect();
    const copied: CopiedTable[] = [];
    try {
      await client.query('begin');
      const { rows: occupied } = await client.query<{ n: string }>('select (select count(*) from reviewers) + (select count(*) from articles) as n');
      if (Number(occupied[0]?.n ?? 0) > 0) {
        throw new AppError('copy_target_not_empty', 'The PostgreSQL database already holds a library (accounts or articles). Copy into a new, empty database.');
      }
      // The migrations' starting list of categories is in the SQLite library too, as the reviewers left it.
      await client.query('delete from figure_categories');
      for (const table of copyOrder(sqlite, tables)) {
        const convert = await converters(client, table);
        const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((column) => column.name).filter((column) => convert.has(column));
        const later = selfReferences(sqlite, table);
        let batch: unknown[][] = [];
        let count = 0;
        for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
          batch.push(columns.map((column) => (later.includes(column) ? null : convert.get(column)!(row[column]))));
          count += 1;
          if (batch.length === BATCH_ROWS) {
            await insertBatch(client, table, columns, batch);
            batch = [];
          }
        }
        if (batch.length > 0) await insertBatch(client, table, columns, batch);
        for (const column of later) {
          for (const row of sqlite.prepare(`select id, "${column}" as ref from "${table}" where "${column}" is not null`).iterate() as IterableIterator<{ id: number; ref: number }>) {
            await client.query(`update "${table}" set "${column}" = $1 where id = $2`, [row.ref, row.id]);
          }
        }
        // Ids were copied as they were: the next generated one must come after them (tables with a generated id only).
        const sequence = columns.includes('id')
          ? (await client.query<{ name: string | null }>("select pg_get_serial_sequence($1, 'id') as name", [table])).rows
          : [];
        if (sequence[0]?.name) {
          await client.query(`select setval($1, greatest((select max(id) from "${table}"), 1))`, [sequence[0].name]);
        }
        copied.push({ table, rows: count });
        progress(`${table}: ${count} rows`);
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    return copied;
  } finally {
    sqlite.close();
    await target.close();
  }
}
