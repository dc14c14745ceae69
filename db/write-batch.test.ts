import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import { getSqlite } from './client';
import { queueWrite } from './write-batch';

/*
 * Group commit (db/write-batch.ts): writes queued together share one transaction, each in its
 * own savepoint, and are acknowledged only once that transaction is committed.
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-write-batch-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let databaseCount = 0;
beforeEach(() => {
  databaseCount += 1;
  process.env.DATABASE_PATH = path.join(folder, `batch-${databaseCount}.db`);
  getSqlite().exec('create table items (id integer primary key, name text not null unique)');
});

function insert(name: string) {
  return queueWrite(() => Number(getSqlite().prepare('insert into items (name) values (?)').run(name).lastInsertRowid));
}

/** What another connection sees: only committed rows. */
function committedNames(): string[] {
  const other = new Database(process.env.DATABASE_PATH!, { readonly: true });
  try {
    return other.prepare('select name from items order by id').pluck().all() as string[];
  } finally {
    other.close();
  }
}

describe('queueWrite', () => {
  it('commits writes queued together in one transaction, in the order they were queued', async () => {
    let seenByThird: { here: number; committed: string[] } | null = null;
    const ids = await Promise.all([
      insert('a'),
      insert('b'),
      queueWrite(() => {
        // a and b are written in this transaction, and not yet committed.
        seenByThird = { here: getSqlite().prepare('select count(*) from items').pluck().get() as number, committed: committedNames() };
        return Number(getSqlite().prepare('insert into items (name) values (?)').run('c').lastInsertRowid);
      }),
    ]);
    expect(seenByThird).toEqual({ here: 2, committed: [] });
    expect(ids).toEqual([1, 2, 3]);
    expect(committedNames()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back a failing write alone: its batch-mates are committed and answered', async () => {
    const results = await Promise.allSettled([
      insert('kept'),
      queueWrite(() => {
        getSqlite().prepare('insert into items (name) values (?)').run('half-done');
        throw new AppError('annotation_duplicate', 'No.');
      }),
      insert('kept'), // the unique name: a constraint failure, also alone
      insert('also kept'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'annotation_duplicate' });
    expect(committedNames()).toEqual(['kept', 'also kept']);
  });

  it('acknowledges a write only after its commit: when the promise settles, another connection sees it', async () => {
    let seenBeforeCommit: string[] | null = null;
    const write = queueWrite(() => {
      getSqlite().prepare('insert into items (name) values (?)').run('durable');
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
    const other = new Database(process.env.DATABASE_PATH!);
    getSqlite().pragma('busy_timeout = 50');
    other.prepare('begin immediate').run();
    try {
      const results = await Promise.allSettled([insert('x'), insert('y')]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.prepare('rollback').run();
      other.close();
    }
    expect(committedNames()).toEqual([]);
    // The queue keeps working once the lock is free.
    await insert('z');
    expect(committedNames()).toEqual(['z']);
  });
});
