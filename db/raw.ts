import 'server-only';
import type { SQL } from 'drizzle-orm';
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
