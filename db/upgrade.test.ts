import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { appDatabase } from './client';
import { annotations, reviewers } from './schema';
import { configuredEngine } from './engine';

// SQLite's own file, pragmas and connection: nothing of it exists on PostgreSQL, which runs this suite too.
const onPostgres = configuredEngine() === 'postgres';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-upgrade-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The migrations as they were before accounts: the committed folder with its journal cut after 0001. */
function migrationsBeforeAccounts(): string {
  const target = path.join(folder, 'migrations');
  fs.cpSync(path.join(__dirname, 'migrations'), target, { recursive: true });
  const journalFile = path.join(target, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0002');
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return target;
}

describe.skipIf(onPostgres)('upgrading a library from before accounts', () => {
  it('keeps every annotation and makes the old local reviewer the admin, whose layer it becomes', async () => {
    const file = path.join(folder, 'old.db');
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBeforeAccounts() });
    const at = '2025-01-01T00:00:00.000Z';
    sqlite.prepare("insert into reviewers (username, display_name, created_at) values ('local', 'Local reviewer', ?)").run(at);
    sqlite
      .prepare('insert into articles (title, source, text, word_count, created_by, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)')
      .run('Old', '', 'Five fighters were killed.', 4, at, at);
    sqlite
      .prepare("insert into annotations (article_id, reviewer_id, label, start_offset, end_offset, quote, prefix, suffix, created_at, updated_at) values (1, 1, 'figure', 0, 25, 'Five fighters were killed', '', '.', ?, ?)")
      .run(at, at);
    sqlite.close();

    process.env.DATABASE_PATH = file;
    const db = appDatabase();
    const people = await db.read((conn) => conn.select().from(reviewers));
    expect(people.map(({ id, username, role, kind }) => ({ id, username, role, kind }))).toEqual([
      { id: 1, username: 'admin', role: 'admin', kind: 'person' },
      { id: 2, username: 'gold', role: 'reviewer', kind: 'gold' },
    ]);
    expect(await db.read((conn) => conn.select().from(annotations))).toMatchObject([{ id: 1, reviewerId: 1, quote: 'Five fighters were killed' }]);
  });
});
