import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from './database';

/*
 * SQL that drizzle's builder has no words for (FTS, pragmas, set-returning tricks) runs through
 * here, so each engine's way of running raw SQL sits in one place: better-sqlite3's drizzle
 * handle has `all`/`run`, node-postgres's has `execute` returning `{ rows }`.
 */

interface PgLike {
  execute(query: SQL): Promise<{ rows: unknown[] }>;
}

function asPg(conn: Conn): PgLike | null {
  const candidate = conn as unknown as Partial<PgLike>;
  return typeof candidate.execute === 'function' ? (candidate as PgLike) : null;
}

/** The rows a raw query returns, as objects keyed by column name. */
export async function rawRows<Row>(conn: Conn, query: SQL): Promise<Row[]> {
  const pg = asPg(conn);
  if (pg) return (await pg.execute(query)).rows as Row[];
  return conn.all<Row>(query);
}

/** Runs a raw statement for its effect. */
export async function rawRun(conn: Conn, query: SQL): Promise<void> {
  const pg = asPg(conn);
  if (pg) await pg.execute(query);
  else conn.run(query);
}

/**
 * After a row was inserted with an id of its own (an import keeps the ids it was given when they
 * are free), the next generated id must come after it. SQLite's rowid does that by itself;
 * PostgreSQL's identity sequence does not know of the row and would hand the same id out again.
 */
export async function afterExplicitId(conn: Conn, table: 'articles' | 'annotations' | 'comparisons'): Promise<void> {
  const pg = asPg(conn);
  if (!pg) return;
  await pg.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from "${table}"), 1))`));
}
