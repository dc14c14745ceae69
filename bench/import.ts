// npm run bench:import: bulk JSONL import speed and memory, beside a same-run baseline.
// Not a test: nothing here passes or fails. It writes 10,000 article-sized bulk JSONL lines
// (~47 MB, variations of samples/) into a temporary folder, then runs in child processes, each
// with its own fresh database, so that each peak RSS is that job's own:
//   import:   the CLI's own code path (scripts/import-path.ts) on the file;
//   baseline: the same article rows and their history rows, already prepared, inserted with one
//             prepared better-sqlite3 statement each in one transaction (the database's own rate,
//             FTS triggers included: the same schema the import writes into).
// ARTICLES=2000 npm run bench:import runs a smaller file; `tsx bench/import.ts generate FILE` only writes one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqliteDatabase } from '../db/sqlite-database';

const ARTICLES = Number(process.env.ARTICLES ?? 10_000);

interface ChildResult {
  articles: number;
  ms: number;
  peakRssMb: number;
}

/** Peak resident set of this process: VmHWM where Linux gives it, else Node's own figure. */
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8').replace(/^ date \S+ /, '');
const PARAGRAPHS = SAMPLE.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
const PLACES = ['Baghdad', 'Anbar', 'Basra', 'Mosul', 'Erbil', 'Kirkuk', 'Najaf', 'Karbala', 'Tikrit', 'Samarra', 'Fallujah'];

/** One article of ~4.7 KB: the sample's paragraphs rotated, numbers and places varied, so no two are alike. */
function articleLine(index: number): string {
  const rotated = PARAGRAPHS.map((_, at) => PARAGRAPHS[(at + index) % PARAGRAPHS.length]!);
  const place = PLACES[index % PLACES.length]!;
  const varied = rotated.map((paragraph) => paragraph.replace(/\b\d+\b/g, (digits) => String(Number(digits) + (index % 97))));
  const extra = `Officials in ${place} said ${(index % 40) + 2} people were hurt and ${(index % 13) + 1} buildings were damaged in strike number ${index}, a figure that could not be confirmed.`;
  const text = [`date 2023-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`, ...varied, extra, ...varied.slice(0, 6)].join('\n\n');
  return JSON.stringify({
    text,
    ...(index % 3 === 0 ? {} : { title: `Strikes near ${place}, report ${index}` }),
    source: index % 2 === 0 ? 'Bench Wire' : 'Example News',
    url: `https://news.example/${place.toLowerCase()}/report-${index}`,
  });
}

async function writeBulkFile(file: string, count: number): Promise<void> {
  const out = fs.createWriteStream(file);
  for (let index = 0; index < count; index += 1) out.write(`${articleLine(index)}\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function runImport(file: string): Promise<ChildResult> {
  const { appDatabase } = await import('../db/client');
  const { commandLineViewer } = await import('../db/reviewers');
  const { importPath } = await import('../scripts/import-path');
  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  const started = performance.now();
  const report = await importPath(db, viewer, file, { allowDuplicates: false });
  const ms = performance.now() - started;
  if (!report.imported) throw new Error(`not imported: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return { articles: report.articleIds.length, ms, peakRssMb: peakRssMb() };
}

async function runBaseline(file: string): Promise<ChildResult> {
  const { appDatabase } = await import('../db/client');
  const { commandLineViewer } = await import('../db/reviewers');
  const { prepareArticleText } = await import('../lib/text/normalise');
  const { countWords, deriveTitle } = await import('../lib/text/words');
  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  // The baseline is raw better-sqlite3 on the same migrated file: the database's own rate.
  const { sqlite } = db as SqliteDatabase;
  // Prepared before the clock starts: the baseline is the database's part alone.
  const at = new Date().toISOString();
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const bulk = JSON.parse(line) as { text: string; title?: string; source?: string; url?: string };
      const { text, dateFromText } = prepareArticleText(bulk.text);
      return { title: bulk.title ?? deriveTitle(text), source: bulk.source ?? '', url: bulk.url ?? null, publishedOn: dateFromText, text, wordCount: countWords(text), createdBy: viewer.id, createdAt: at, updatedAt: at };
    });
  const insertArticle = sqlite.prepare(
    'INSERT INTO articles (title, source, url, published_on, text, word_count, created_by, created_at, updated_at) VALUES (@title, @source, @url, @publishedOn, @text, @wordCount, @createdBy, @createdAt, @updatedAt)',
  );
  const insertHistory = sqlite.prepare("INSERT INTO history (entity_type, entity_id, article_id, reviewer_id, action, before, after, at) VALUES ('article', ?, ?, ?, 'create', NULL, ?, ?)");
  const started = performance.now();
  sqlite.transaction(() => {
    for (const row of rows) {
      const id = Number(insertArticle.run(row).lastInsertRowid);
      const { text: _text, ...metadata } = row;
      insertHistory.run(id, id, viewer.id, JSON.stringify({ id, ...metadata }), at);
    }
  })();
  const ms = performance.now() - started;
  return { articles: rows.length, ms, peakRssMb: peakRssMb() };
}

function child(mode: 'import' | 'baseline', file: string, folder: string): ChildResult {
  const env = { ...process.env, DATABASE_PATH: path.join(folder, `${mode}.db`) };
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, mode, file], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} failed (exit ${result.status}): ${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'import' || mode === 'baseline') {
    const result = mode === 'import' ? await runImport(file!) : await runBaseline(file!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  // `tsx bench/import.ts generate FILE`: only the bulk file, to try npm run import on by hand.
  if (mode === 'generate') return writeBulkFile(file!, ARTICLES);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-import-'));
  try {
    const bulk = path.join(folder, 'bulk.jsonl');
    await writeBulkFile(bulk, ARTICLES);
    const megabytes = fs.statSync(bulk).size / 1024 / 1024;
    console.log(`Bulk JSONL: ${ARTICLES.toLocaleString('en')} articles, ${megabytes.toFixed(1)} MB (SQLITE_SYNCHRONOUS=${process.env.SQLITE_SYNCHRONOUS ?? 'FULL'})`);

    const baseline = child('baseline', bulk, folder);
    const imported = child('import', bulk, folder);
    const rate = (result: ChildResult) => (result.articles / result.ms) * 1000;
    const line = (label: string, result: ChildResult) =>
      console.log(`${label.padEnd(48)} ${Math.round(rate(result)).toLocaleString('en').padStart(7)} articles/s  ${(result.ms / 1000).toFixed(1).padStart(6)} s  peak RSS ${Math.round(result.peakRssMb).toString().padStart(4)} MB`);
    line('baseline: prepared inserts, one transaction', baseline);
    line('import (npm run import code path)', imported);
    console.log(`ratio import / baseline: ${(rate(imported) / rate(baseline)).toFixed(2)}×  (goal: ≥ 500 articles/s, peak RSS < 300 MB)`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
