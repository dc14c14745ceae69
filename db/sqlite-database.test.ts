import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import type { Database as AppDatabase, Tx } from './database';
import { rawRows, rawRun } from './raw';
import { SqliteDatabase } from './sqlite-database';
import { freshDatabase } from './test-database.test-helper';
import { configuredEngine } from './engine';

// SQLite's own file, pragmas and connection: nothing of it exists on PostgreSQL, which runs this suite too.
const onPostgres = configuredEngine() === 'postgres';

/*
 * Group commit (SqliteDatabase.write, which replaced db/write-batch.ts): writes queued together
 * share one transaction, each in its own savepoint, and are acknowledged only once that
 * transaction is committed.
 */

let db: AppDatabase;

beforeEach(async () => {
  ({ db } = await freshDatabase('group-commit'));
  await db.write((tx) => rawRun(tx, sql`create table items (id integer primary key, name text not null unique)`));
});

function sqliteOf(database: AppDatabase): SqliteDatabase {
  if (!(database instanceof SqliteDatabase)) throw new Error('These tests drive the SQLite engine.');
  return database;
}

async function insertNow(tx: Tx, name: string): Promise<number> {
  const [row] = await rawRows<{ id: number }>(tx, sql`insert into items (name) values (${name}) returning id`);
  return row!.id;
}

function insert(name: string): Promise<number> {
  return db.write((tx) => insertNow(tx, name));
}

/**
 * What another connection (another process) sees: only committed rows. Opened with
 * better-sqlite3 itself, beside the app's connection, so it reads the file as it is on disk.
 */
function committedNames(): string[] {
  const other = new Database(sqliteOf(db).file, { readonly: true });
  try {
    return [...other.prepare('select name from items order by id').pluck().iterate()] as string[];
  } finally {
    other.close();
  }
}

describe.skipIf(onPostgres)('db.write (group commit)', () => {
  it('commits writes queued together in one transaction, in the order they were queued', async () => {
    let seenByThird: { here: number; committed: string[] } | null = null;
    const ids = await Promise.all([
      insert('a'),
      insert('b'),
      db.write(async (tx) => {
        // a and b are written in this transaction, and not yet committed.
        const [row] = await rawRows<{ n: number }>(tx, sql`select count(*) as n from items`);
        seenByThird = { here: row!.n, committed: committedNames() };
        return insertNow(tx, 'c');
      }),
    ]);
    expect(seenByThird).toEqual({ here: 2, committed: [] });
    expect(ids).toEqual([1, 2, 3]);
    expect(committedNames()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back a failing write alone: its batch-mates are committed and answered', async () => {
    const results = await Promise.allSettled([
      insert('kept'),
      db.write(async (tx) => {
        await insertNow(tx, 'half-done');
        throw new AppError('annotation_duplicate', 'No.');
      }),
      insert('kept'), // the unique name: a constraint failure, also alone
      insert('also kept'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'annotation_duplicate' });
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect(committedNames()).toEqual(['kept', 'also kept']);
  });

  it('acknowledges a write only after its commit: when the promise settles, another connection sees it', async () => {
    let seenBeforeCommit: string[] | null = null;
    const write = db.write(async (tx) => {
      await insertNow(tx, 'durable');
      seenBeforeCommit = committedNames();
    });
    let settled = false;
    void write.then(() => (settled = true));
    await write;
    expect(settled).toBe(true);
    expect(seenBeforeCommit).toEqual([]);
    expect(committedNames()).toEqual(['durable']);
  });

  it('rejects every write of a batch that cannot begin (another process holds the lock), writing nothing', async () => {
    const other = new Database(sqliteOf(db).file);
    sqliteOf(db).sqlite.pragma('busy_timeout = 50');
    other.exec('begin immediate');
    try {
      const results = await Promise.allSettled([insert('x'), insert('y')]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(committedNames()).toEqual([]);
    // Writes go on once the lock is free.
    await insert('z');
    expect(committedNames()).toEqual(['z']);
  });

  it('joins a write called inside a write: one transaction, rolled back as a whole', async () => {
    const failed = db.write(async (tx) => {
      await insertNow(tx, 'outer');
      await db.write((inner) => insertNow(inner, 'inner'));
      expect(committedNames()).toEqual([]);
      throw new AppError('annotation_duplicate', 'Undo both.');
    });
    await expect(failed).rejects.toMatchObject({ code: 'annotation_duplicate' });
    expect(committedNames()).toEqual([]);
    await db.write(async (tx) => {
      await insertNow(tx, 'outer');
      await db.write((inner) => insertNow(inner, 'inner'));
    });
    expect(committedNames()).toEqual(['outer', 'inner']);
  });
});
