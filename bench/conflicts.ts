// npx tsx bench/conflicts.ts: the library's conflict finder at two library sizes. Not a test:
// nothing passes or fails. For each size it builds a library in a temporary database (articles
// with five gold figures each, dated over three years, some of them reporting an incident
// another article reported too, by direct inserts as an import would
// write them; the figure_timeline triggers fire as in the app), then times the finder's first
// page beside a same-run baseline, a raw indexed SELECT of one page of figures, and the ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqliteDatabase } from '../db/sqlite-database';

const SIZES = (process.argv[2] ?? '2000,20000').split(',').map(Number);
const FIGURES_PER_ARTICLE = 5;
const DAYS = 3 * 365;
const RUNS = 5;

const WHO = ['fighters', 'civilians', 'soldiers', 'police officers', 'children', 'militants', 'workers', 'journalists'];
const CATEGORIES = ['killed', 'wounded', 'missing', 'detained'];
const TOWNS = Array.from({ length: 400 }, (_, i) => `Town ${i}`);

// A fixed pseudo-random sequence, so both sizes and every run build the same kind of library.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main() {
  const { appDatabase } = await import('../db/client');
  const { commandLineViewer, goldLayerId } = await import('../db/reviewers');
  const { listConflicts } = await import('../db/conflicts');

  for (const size of SIZES) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-conflicts-'));
    process.env.DATABASE_PATH = path.join(folder, 'bench.db');
    const db = appDatabase();
    const viewer = await commandLineViewer(db);
    const gold = await goldLayerId(db);
    // The library is built and the baseline timed with raw better-sqlite3 (SQLite only); the finder runs through db/.
    const { sqlite } = db as SqliteDatabase;
    const next = random(size);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const at = new Date().toISOString();
    const start = Date.parse('2021-01-01T00:00:00Z');

    const insertArticle = sqlite.prepare(
      'INSERT INTO articles (title, source, published_on, text, word_count, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAnnotation = sqlite.prepare(
      "INSERT INTO annotations (article_id, reviewer_id, label, start_offset, end_offset, quote, prefix, suffix, created_at, updated_at) VALUES (?, ?, 'figure', ?, ?, ?, '', '', ?, ?)",
    );
    const insertDetails = sqlite.prepare('INSERT INTO figure_details (annotation_id, value_min, value_max, qualifier, category, counted, place) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const built = performance.now();
    // Articles come out day by day over three years; most figures report a new incident, some
    // report one another outlet covered in the last few days, now and then with another number
    // or another outcome: the conflicts the finder is for.
    const incidents: { n: number; who: string; category: string; place: string }[] = [];
    sqlite.transaction(() => {
      for (let a = 0; a < size; a++) {
        const day = Math.floor((a * DAYS) / size);
        const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
        const sentences = Array.from({ length: FIGURES_PER_ARTICLE }, () => {
          const recent = incidents.slice(-60);
          if (recent.length > 0 && next() < 0.3) {
            const seen = pick(recent);
            const n = next() < 0.3 ? seen.n + 1 + Math.floor(next() * 5) : seen.n;
            const category = next() < 0.1 ? (seen.category === 'killed' ? 'wounded' : 'killed') : seen.category;
            return { ...seen, n, category, qualifier: next() < 0.2 ? 'at_least' : 'exact' };
          }
          const fresh = { n: 1 + Math.floor(next() * 40), who: pick(WHO), category: pick(CATEGORIES), place: pick(TOWNS) };
          incidents.push(fresh);
          return { ...fresh, qualifier: 'exact' };
        });
        const text = sentences.map((s) => `Officials said ${s.n} ${s.who} were ${s.category} in ${s.place}.`).join(' ');
        const article = insertArticle.run(`Report ${a}`, `Outlet ${a % 50}`, date, text, text.split(' ').length, viewer.id, at, at);
        let offset = 0;
        for (const s of sentences) {
          const quote = `${s.n} ${s.who} were ${s.category}`;
          const begin = text.indexOf(quote, offset);
          offset = begin + quote.length;
          const figure = insertAnnotation.run(article.lastInsertRowid, gold, begin, offset, quote, at, at);
          insertDetails.run(figure.lastInsertRowid, s.n, s.n, s.qualifier, s.category, s.who, s.place);
        }
      }
    })();
    console.log(`\n${size.toLocaleString('en')} articles, ${(size * FIGURES_PER_ARTICLE).toLocaleString('en')} figures (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`);

    const firstPage = await listConflicts(db, viewer);
    const secondPage = firstPage.nextCursor === null ? null : await listConflicts(db, viewer, { cursor: firstPage.nextCursor });
    const second = secondPage === null ? null : await timed(() => listConflicts(db, viewer, { cursor: firstPage.nextCursor ?? undefined }));
    const finder = await timed(() => listConflicts(db, viewer));
    const baselineQuery = sqlite.prepare(`
      SELECT t.annotation_id, t.published_on, a.quote, a.article_id, f.*
      FROM figure_timeline t
      JOIN annotations a ON a.id = t.annotation_id
      JOIN figure_details f ON f.annotation_id = t.annotation_id
      WHERE t.layer_id = ? AND t.published_on IS NOT NULL
      ORDER BY t.published_on DESC, t.annotation_id DESC LIMIT 25`);
    const baseline = await timed(() => baselineQuery.all(gold));
    console.log(`  finder, first page (${firstPage.conflicts.length} groups, back to ${firstPage.searchedBackTo})`.padEnd(60), `${finder.toFixed(1).padStart(8)} ms`);
    if (second !== null) console.log(`  finder, second page (${secondPage?.conflicts.length} groups)`.padEnd(60), `${second.toFixed(1).padStart(8)} ms`);
    console.log('  baseline: one indexed page of 25 figures'.padEnd(60), `${baseline.toFixed(2).padStart(8)} ms`);
    console.log('  ratio'.padEnd(60), `${(finder / baseline).toFixed(0).padStart(8)} ×`);
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT annotation_id FROM figure_timeline WHERE layer_id = ? AND published_on >= ? AND published_on <= ?`)
      .all(gold, '2023-01-01', '2023-01-07') as { detail: string }[];
    console.log(`  window query plan: ${plan.map((row) => row.detail).join('; ')}`);
    await db.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
