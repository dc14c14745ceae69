// npm run bench:writes: how fast a team's API writes are. Run `npx next build` first: the bench
// starts `next start` (the production build) on BENCH_PORT against a temporary database, creates
// an API token through the db layer, and has 50 clients POST annotations (mixed labels, a third
// figures) over HTTP with keep-alive for BENCH_SECONDS. It prints writes/s, latency percentiles
// and errors beside the raw rate of an insert-plus-history transaction on the same database with
// the app's pragmas (WAL, synchronous=FULL), measured in the same run, and the ratio. Then one
// client alone, and how long the deferred figure and claim readings took to catch up.
// Prints numbers; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import type { SqliteDatabase } from '../db/sqlite-database';

const PORT = Number(process.env.BENCH_PORT ?? 3402);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const RAW_SECONDS = 3;
const SINGLE_WRITES = 200;
const LABELS = ['claim', 'actor', 'figure'] as const;

const root = path.resolve(__dirname, '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-writes-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');
process.env.ADMIN_PASSWORD = 'bench-admin-password';
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${PORT}`;
const base = `http://127.0.0.1:${PORT}`;

interface Span {
  start: number;
  end: number;
  quote: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not start at ${url}`);
}

/**
 * The raw rate: one IMMEDIATE transaction per write holding an annotation row and its history
 * row, with prepared statements, on the app's own tables and connection pragmas. This is what
 * the database itself allows; the app's rate is measured against it.
 */
function rawRate(sqlite: import('better-sqlite3').Database, articleId: number, reviewerId: number, spans: readonly Span[]): number {
  const insertRow = sqlite.prepare(
    "insert into annotations (article_id, reviewer_id, label, start_offset, end_offset, quote, prefix, suffix, note, version, created_at, updated_at) values (?, ?, 'actor', ?, ?, ?, '', '', '', 1, ?, ?)",
  );
  const insertHistory = sqlite.prepare("insert into history (entity_type, entity_id, article_id, reviewer_id, action, before, after, at) values ('annotation', ?, ?, ?, 'create', null, ?, ?)");
  const write = sqlite.transaction((span: Span) => {
    const at = new Date().toISOString();
    const { lastInsertRowid } = insertRow.run(articleId, reviewerId, span.start, span.end, span.quote, at, at);
    insertHistory.run(lastInsertRowid, articleId, reviewerId, JSON.stringify({ id: Number(lastInsertRowid), ...span }), at);
  });
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < RAW_SECONDS * 1000) {
    write.immediate(spans[count % spans.length]!);
    count += 1;
  }
  return (count / (performance.now() - started)) * 1000;
}

/** Figure and claim readings acknowledged but not stored yet (0 for a build that reads before answering). */
function pendingCount(sqlite: import('better-sqlite3').Database): number {
  try {
    return sqlite.prepare('select count(*) from pending_readings').pluck().get() as number;
  } catch {
    return 0;
  }
}

interface Run {
  writes: number;
  errors: number;
  seconds: number;
  latencies: number[];
  errorSamples: string[];
}

async function load(clients: number, until: (done: number) => boolean, next: () => { articleId: number; label: string; span: Span }, headers: Record<string, string>, dispatcher: Agent): Promise<Run> {
  const run: Run = { writes: 0, errors: 0, seconds: 0, latencies: [], errorSamples: [] };
  const started = performance.now();
  const client = async () => {
    while (!until(run.writes + run.errors)) {
      const { articleId, label, span } = next();
      const sent = performance.now();
      try {
        const response = await fetch(`${base}/api/articles/${articleId}/annotations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ label, ...span }),
          // @ts-expect-error undici's dispatcher option is not in the DOM fetch types
          dispatcher,
        });
        const body = await response.text();
        run.latencies.push(performance.now() - sent);
        if (response.status === 201) run.writes += 1;
        else {
          run.errors += 1;
          if (run.errorSamples.length < 3) run.errorSamples.push(`${response.status} ${body.slice(0, 200)}`);
        }
      } catch (error) {
        run.errors += 1;
        if (run.errorSamples.length < 3) run.errorSamples.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  run.seconds = (performance.now() - started) / 1000;
  run.latencies.sort((a, b) => a - b);
  return run;
}

function describe(run: Run): string {
  const l = run.latencies;
  return `${(run.writes / run.seconds).toFixed(0)} writes/s, p50 ${percentile(l, 50).toFixed(1)} ms, p95 ${percentile(l, 95).toFixed(1)} ms, p99 ${percentile(l, 99).toFixed(1)} ms, ${run.errors} errors`;
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('Run `npx next build` first: the bench measures the production build.');
  const { appDatabase } = await import('../db/client');
  const { createArticle } = await import('../db/articles');
  const { createApiToken } = await import('../db/api-tokens');
  const { commandLineViewer } = await import('../db/reviewers');
  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  const sample = fs.readFileSync(path.join(root, 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
  // Long enough that every write below tags a span not tagged yet (duplicates are refused).
  const article = await createArticle(db, viewer, { text: Array.from({ length: 100 }, () => sample).join('\n\n'), title: 'Bench writes' });
  const spans: Span[] = [...article.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N},.-]*[\p{L}\p{N}]|\p{N}/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    quote: match[0],
  }));
  const rawArticle = await createArticle(db, viewer, { text: sample, title: 'Bench raw writes' });
  const { token } = await createApiToken(db, viewer, 'bench');
  // The raw baseline and the pending-readings count use better-sqlite3 on the same file (SQLite only).
  const { sqlite } = db as SqliteDatabase;
  console.log(`Article: ${article.text.length.toLocaleString('en')} characters, ${spans.length.toLocaleString('en')} distinct spans; database ${process.env.DATABASE_PATH}`);

  // BENCH_CPU_PROF=DIR: the server writes a CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env },
    stdio: ['ignore', 'ignore', fs.openSync(path.join(os.tmpdir(), 'crosscheck-bench-writes-server.log'), 'w')],
  });
  const dispatcher = new Agent({ connections: CLIENTS, keepAliveTimeout: 30_000, pipelining: 1 });
  try {
    await waitForServer(`${base}/api/articles`);
    // `Prefer: respond-async`: answer once the span is durable, read figures and claims after (as the reader does).
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Prefer: 'respond-async' };
    const waitingHeaders = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    let cursor = 0;
    const next = () => {
      const i = cursor++;
      if (i >= spans.length) throw new Error('Out of distinct spans: make the bench article longer or BENCH_SECONDS shorter.');
      return { articleId: article.id, label: LABELS[i % 3]!, span: spans[i]! };
    };
    // Warm up: the first requests compile routes and fill caches.
    await load(5, (done) => done >= 100, next, headers, dispatcher);

    const raw = rawRate(sqlite, rawArticle.id, viewer.id, spans);
    const deadline = performance.now() + SECONDS * 1000;
    const concurrent = await load(CLIENTS, () => performance.now() >= deadline, next, headers, dispatcher);
    const single = await load(1, (done) => done >= SINGLE_WRITES, next, headers, dispatcher);
    const rawAfter = rawRate(sqlite, rawArticle.id, viewer.id, spans);
    const readingsLeftAfterWrites = pendingCount(sqlite);
    const readingsStarted = performance.now();
    while (pendingCount(sqlite) > 0 && performance.now() - readingsStarted < 600_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const readingsSeconds = (performance.now() - readingsStarted) / 1000;
    // The same load from clients that do not send the preference: each answer waits for its reading.
    const waitingDeadline = performance.now() + (SECONDS / 2) * 1000;
    const waiting = await load(CLIENTS, () => performance.now() >= waitingDeadline, next, waitingHeaders, dispatcher);
    const rawMean = (raw + rawAfter) / 2;

    const rate = concurrent.writes / concurrent.seconds;
    console.log(`\nPOST /api/articles/ID/annotations with an API token, synchronous=FULL, WAL (a third each claim, actor, figure)`);
    console.log(`raw insert + history, one IMMEDIATE transaction each: ${raw.toFixed(0)}/s before, ${rawAfter.toFixed(0)}/s after the HTTP run (mean ${rawMean.toFixed(0)}/s)`);
    console.log(`${CLIENTS} clients for ${concurrent.seconds.toFixed(1)} s: ${describe(concurrent)}`);
    console.log(`  ratio to raw: ${(rate / rawMean).toFixed(2)}× (goal ≥ 0.25×, p99 < 100 ms, 0 errors)`);
    console.log(`1 client, ${SINGLE_WRITES} writes: ${describe(single)}`);
    console.log(`figure and claim readings left when the writes ended: ${readingsLeftAfterWrites}; all stored ${readingsSeconds.toFixed(1)} s later`);
    console.log(`${CLIENTS} clients without Prefer: respond-async (each answer waits for its reading): ${describe(waiting)}, ratio ${(waiting.writes / waiting.seconds / rawMean).toFixed(2)}×`);
    for (const sample of [...concurrent.errorSamples, ...single.errorSamples, ...waiting.errorSamples]) console.log(`  error: ${sample}`);
    console.log(process.env.DATABASE_URL ? 'PostgreSQL: not supported by this build yet' : 'PostgreSQL: not configured');
  } finally {
    await dispatcher.close();
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
