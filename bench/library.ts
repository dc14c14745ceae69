// npm run bench:library: the library's first page (db/library.ts, the function the page and
// GET /api/articles call) on 1,000 and then 100,000 articles with 10 annotations each (1,000,000
// at the large size), beside a same-run baseline: a raw `SELECT id, title FROM articles ORDER BY
// id DESC LIMIT 50`. Prints medians and the ratio; asserts nothing. Rows are inserted directly,
// in one transaction per batch, into a temporary database (DATABASE_PATH is set here); the
// full-text index triggers run as they do in the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqliteDatabase } from '../db/sqlite-database';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-library-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');
// Building 100,000 articles is a bulk load, not a test of durability.
process.env.SQLITE_SYNCHRONOUS = 'NORMAL';

// BENCH_LIBRARY_SIZES=1000,20000 for a quicker run.
const SIZES = (process.env.BENCH_LIBRARY_SIZES ?? '1000,100000').split(',').map(Number);
// BENCH_LIBRARY_ANNOTATIONS=2 builds faster (the full-text triggers on annotations are most of the build).
const ANNOTATIONS_PER_ARTICLE = Number(process.env.BENCH_LIBRARY_ANNOTATIONS ?? 10);
const RUNS = 40;
const SOURCES = ['The National', 'Reuters', 'AP', 'AFP', 'Rudaw', 'Al-Monitor', 'Kurdistan 24', 'Shafaq News'];
const WORDS = ['strikes', 'militia', 'depot', 'drone', 'convoy', 'border', 'airport', 'ministry', 'officials', 'casualties'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Wall time of `RUNS` calls after two warm-up calls (statement caches, page cache): the median,
 * and the fastest, which is what the work costs when other processes leave the CPU to it.
 */
async function measure(work: () => unknown): Promise<{ median: number; min: number }> {
  await work();
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times) };
}

function row(label: string, ms: { median: number; min: number }, baseline?: { median: number; min: number }): string {
  const ratio = baseline ? `   ${(ms.median / baseline.median).toFixed(0).padStart(6)}×  ${(ms.min / baseline.min).toFixed(0).padStart(6)}×` : '';
  return `${label.padEnd(46)} ${ms.median.toFixed(3).padStart(8)} ms ${ms.min.toFixed(3).padStart(8)} ms${ratio}`;
}

async function main() {
  const { appDatabase } = await import('../db/client');
  const { libraryPage, librarySources } = await import('../db/library');
  const { firstAdminReviewer } = await import('../db/startup-data');
  const { prepareArticleText } = await import('../lib/text/normalise');
  const { describeSpan } = await import('../lib/anchoring/anchor');

  const db = appDatabase();
  const adminRow = await firstAdminReviewer(db);
  // The library is built and the baseline timed with raw better-sqlite3 (SQLite only); what is measured goes through db/.
  const { sqlite } = db as SqliteDatabase;
  const admin = { id: adminRow.id, username: adminRow.username, displayName: adminRow.displayName, role: adminRow.role };
  const goldId = (sqlite.prepare(`select id from reviewers where kind = 'gold'`).get() as { id: number }).id;
  const reviewerId = Number(
    sqlite.prepare(`insert into reviewers (username, display_name, created_at) values ('alice', 'Alice', ?)`).run(new Date().toISOString()).lastInsertRowid,
  );
  const reviewer = { id: reviewerId, username: 'alice', displayName: 'Alice', role: 'reviewer' as const };

  const sample = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
  // The sample's first three paragraphs (about 1,000 characters): an article-sized text to vary.
  const base = prepareArticleText(sample).text.split('\n\n').slice(0, 3).join('\n\n');
  const spans = [...base.matchAll(/[A-Z][a-z]+(?: [A-Z][a-z]+)?/g)].slice(0, ANNOTATIONS_PER_ARTICLE).map((match) => describeSpan(base, match.index, match.index + match[0].length));
  const wordCount = base.split(/\s+/).length;

  const insertArticle = sqlite.prepare(
    `insert into articles (title, source, published_on, text, word_count, created_by, created_at, updated_at, last_activity_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnnotation = sqlite.prepare(
    `insert into annotations (article_id, reviewer_id, label, start_offset, end_offset, quote, prefix, suffix, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssignment = sqlite.prepare(`insert into assignments (article_id, reviewer_id, status, created_at, updated_at) values (?, ?, ?, ?, ?)`);
  const labels = ['claim', 'actor', 'figure'] as const;
  const statuses = ['not_started', 'in_progress', 'done'] as const;
  const start = Date.parse('2020-01-01T00:00:00Z');

  let built = 0;
  const grow = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n += 1) {
      const at = new Date(start + n * 60_000).toISOString();
      const activity = new Date(start + ((n * 7919) % to) * 60_000 + 3_600_000).toISOString();
      const day = new Date(start + (n % 1500) * 86_400_000).toISOString().slice(0, 10);
      const word = WORDS[n % WORDS.length]!;
      const id = Number(
        insertArticle.run(`Report ${n}: ${word} near the border`, SOURCES[n % SOURCES.length]!, n % 50 === 0 ? null : day, `${base}\n\nReport ${n} mentions ${word}${n}.`, wordCount, admin.id, at, at, activity)
          .lastInsertRowid,
      );
      // Most annotations in reviewers' layers (as in a team), a third of articles with a gold layer too.
      spans.forEach((span, i) => {
        const layer = i < Math.ceil(ANNOTATIONS_PER_ARTICLE / 3) && n % 3 === 0 ? goldId : i % 2 === 0 ? reviewerId : admin.id;
        insertAnnotation.run(id, layer, labels[i % 3]!, span.start, span.end, span.quote, span.prefix, span.suffix, at, at);
      });
      // The reviewer is assigned one article in a hundred.
      if (n % 100 === 0) insertAssignment.run(id, reviewerId, statuses[(n / 100) % 3]!, at, at);
    }
  });

  console.log(`Library first page (db/library.ts libraryPage), ${RUNS} runs each; baseline: raw SELECT id, title ... ORDER BY id DESC LIMIT 50`);
  const baselineStatement = sqlite.prepare('SELECT id, title FROM articles ORDER BY id DESC LIMIT 50');
  const cases: [string, () => unknown][] = [
    ['admin, first page (newest added)', () => libraryPage(db, admin)],
    ['admin, sorted by title', () => libraryPage(db, admin, { sort: 'title' })],
    ['admin, sorted by last activity', () => libraryPage(db, admin, { sort: 'activity' })],
    ['admin, sorted by date, oldest first', () => libraryPage(db, admin, { sort: 'date', order: 'asc' })],
    ['admin, page 100 (offset 4,950)', () => libraryPage(db, admin, { page: 100 })],
    ['admin, source filter', () => libraryPage(db, admin, { source: 'Reuters' })],
    ['admin, date range (one month)', () => libraryPage(db, admin, { from: '2021-03-01', to: '2021-03-31' })],
    ['admin, search one rare word', () => libraryPage(db, admin, { q: `${WORDS[3]}${Math.floor(built / 2)}` })],
    ['admin, search a word in 1 of 10 articles', () => libraryPage(db, admin, { q: WORDS[3] })],
    ['admin, sources for the filter', () => librarySources(db, admin)],
    ['reviewer (1 in 100 assigned), first page', () => libraryPage(db, reviewer)],
    ['reviewer, progress = done', () => libraryPage(db, reviewer, { progress: 'done' })],
  ];
  for (const size of SIZES) {
    const started = performance.now();
    grow(built, size);
    const buildSeconds = (performance.now() - started) / 1000;
    built = size;
    sqlite.pragma('optimize');
    const annotationCount = (sqlite.prepare('select count(*) as n from annotations').get() as { n: number }).n;
    console.log(`\n${size.toLocaleString('en')} articles, ${annotationCount.toLocaleString('en')} annotations (built in ${buildSeconds.toFixed(1)} s)`);
    console.log(`${''.padEnd(46)} ${'median'.padStart(11)} ${'fastest'.padStart(11)}   ratios to the baseline`);
    const baseline = await measure(() => baselineStatement.all());
    console.log(row('baseline: raw SELECT ... LIMIT 50', baseline));
    for (const [label, work] of cases) console.log(row(label, await measure(work), baseline));
  }
  await db.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
