// npm run bench:durability: what acknowledged = durable costs. Prints commits per second with
// SQLite's synchronous=FULL (the default: every commit is fsynced) beside NORMAL (the opt-in,
// SQLITE_SYNCHRONOUS=NORMAL) in the same run, for a raw insert-plus-history transaction and for
// the app's own annotation write, and the ratio. Not a test: nothing here passes or fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqliteDatabase } from '../db/sqlite-database';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-durability-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');

const WRITES = 1_000;

async function rate(work: () => unknown): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < WRITES; i += 1) await work();
  return (WRITES / (performance.now() - started)) * 1000;
}

async function main() {
  const { appDatabase } = await import('../db/client');
  const { createArticle } = await import('../db/articles');
  const { createAnnotation } = await import('../db/annotations');
  const { commandLineViewer } = await import('../db/reviewers');
  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  // The raw baseline and the pragmas go to the app's own connection (SQLite only).
  const { sqlite } = db as SqliteDatabase;
  const sample = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
  // Long enough that every write below tags a span not tagged yet (duplicates are refused).
  const article = await createArticle(db, viewer, { text: Array.from({ length: 30 }, () => sample).join('\n\n'), title: 'Bench' });
  const words = [...article.text.matchAll(/\p{Lu}\p{L}+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

  sqlite.exec('create table bench_rows (id integer primary key, body text not null); create table bench_history (id integer primary key, row_id integer not null, at text not null)');
  const insertRow = sqlite.prepare('insert into bench_rows (body) values (?)');
  const insertHistory = sqlite.prepare('insert into bench_history (row_id, at) values (?, ?)');
  const rawWrite = sqlite.transaction(() => {
    const { lastInsertRowid } = insertRow.run('Kataib Hezbollah');
    insertHistory.run(lastInsertRowid, new Date().toISOString());
  });
  let next = 0;
  // Actor tags: the app's write path without figure reading (measured in npm run bench).
  const appWrite = () => {
    const span = words[next++ % words.length]!;
    return createAnnotation(db, viewer, article.id, { label: 'actor', ...span, quote: article.text.slice(span.start, span.end) });
  };

  const rows: [string, number, number][] = [];
  for (const [label, work] of [['raw insert + history row, one transaction', () => rawWrite.immediate()], ["the app's createAnnotation (actor)", appWrite]] as const) {
    sqlite.pragma('synchronous = NORMAL');
    const normal = await rate(work);
    sqlite.pragma('synchronous = FULL');
    const full = await rate(work);
    rows.push([label, full, normal]);
  }
  console.log(`${WRITES.toLocaleString('en')} commits each, WAL mode, in ${folder}`);
  console.log(`${'write'.padEnd(44)} ${'FULL /s'.padStart(9)} ${'NORMAL /s'.padStart(10)} ${'FULL ÷ NORMAL'.padStart(14)}`);
  for (const [label, full, normal] of rows) {
    console.log(`${label.padEnd(44)} ${full.toFixed(0).padStart(9)} ${normal.toFixed(0).padStart(10)} ${(full / normal).toFixed(2).padStart(14)}`);
  }
  await db.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
