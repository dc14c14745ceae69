// npm run bench:scale -- 1000,100000: the library at scale, on the engine DATABASE_URL chooses
// (SQLite in a temporary folder by default; PostgreSQL with
// `node scripts/with-postgres.mjs npx tsx --conditions=react-server bench/scale.ts -- 1000,100000`).
// Not a test: nothing passes or fails. The library grows to each size in turn (10 annotations an
// article: two reviewers' layers and gold; half of them figures with their details, who is
// counted, category and place; claims with a status; actor mentions; both reviewers assigned to
// every article), built with raw bulk inserts (untimed; on SQLite the app's triggers fire as in
// the app, on PostgreSQL they are off for the load and their rows written set-wise after it). Then, through the real db/ functions, medians after warm-ups: the library's first page,
// one article's annotations, its suggestions, its agreement, and the JSONL export of everything,
// each beside a baseline measured in the same run (a raw indexed single-row read; for the export a
// raw SELECT of every annotation with JSON.stringify per row) and the ratio. One markdown table per
// size, then one comparing the sizes.
import type BetterSqlite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Viewer } from '../db/access';
import type { Database } from '../db/database';
import type { PostgresDatabase } from '../db/pg-database';
import type { SqliteDatabase } from '../db/sqlite-database';
import type { ExportArticle } from '../lib/export/types';

const SIZES = (process.argv.slice(2).find((arg) => /^\d[\d,]*$/.test(arg)) ?? '1000,100000').split(',').map(Number);
const PAGE_RUNS = 20;
const WARM_UPS = 2;
// The export reads the whole library: at a million annotations one run is most of a minute, so
// large sizes take one run after a warm-up, small ones the median of three.
const exportRuns = (annotationCount: number) => Number(process.env.BENCH_SCALE_EXPORT_RUNS ?? (annotationCount > 200_000 ? 1 : 3));
// Articles per incident: each incident town is reported by this many articles (several outlets),
// so the towns grow with the library, as a desk covering more events meets more places.
const ARTICLES_PER_INCIDENT = 10;
// Articles per PostgreSQL insert batch (each table's rows go in one INSERT … SELECT FROM unnest).
const PG_BATCH = 2_000;

const SOURCES = ['The National', 'Reuters', 'AP', 'AFP', 'Rudaw', 'Al-Monitor', 'Kurdistan 24', 'Shafaq News'];
const WHO = ['civilians', 'fighters', 'soldiers', 'police officers', 'children', 'militants', 'workers', 'journalists'];
const CATEGORIES = ['killed', 'wounded', 'detained', 'missing'];
const ACTOR_NAMES = [
  'Kataib Hezbollah',
  'US Central Command',
  'Iraqi Security Media Cell',
  'Popular Mobilisation Forces',
  'Islamic Resistance in Iraq',
  'Kurdistan Regional Government',
  'Iraqi Ministry of Defence',
  'United Nations',
];

const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const folder = isPostgres ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-scale-'));
if (folder) {
  process.env.DATABASE_PATH = path.join(folder, 'bench.db');
  // Building a million annotations is a bulk load, not a test of durability; reads are unaffected.
  process.env.SQLITE_SYNCHRONOUS = 'NORMAL';
}

// A collectable heap before each export, so its RSS is the export's and not the build's garbage.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

type Value = string | number | null;
type Row = Value[];

interface TableShape {
  name: string;
  columns: string[];
  /** Each column's PostgreSQL type, for the unnest() of a batch. */
  pgTypes: string[];
}

const TABLES = {
  articles: {
    name: 'articles',
    columns: ['id', 'title', 'source', 'published_on', 'text', 'word_count', 'created_by', 'created_at', 'updated_at', 'last_activity_at'],
    pgTypes: ['int', 'text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text'],
  },
  annotations: {
    name: 'annotations',
    columns: ['id', 'article_id', 'reviewer_id', 'label', 'start_offset', 'end_offset', 'quote', 'prefix', 'suffix', 'actor_id', 'created_at', 'updated_at'],
    pgTypes: ['int', 'int', 'int', 'text', 'int', 'int', 'text', 'text', 'text', 'int', 'text', 'text'],
  },
  figures: {
    name: 'figure_details',
    columns: ['annotation_id', 'value_min', 'value_max', 'qualifier', 'category', 'counted', 'place', 'source_actor_id', 'source_text'],
    pgTypes: ['int', 'float8', 'float8', 'text', 'text', 'text', 'text', 'int', 'text'],
  },
  claims: {
    name: 'claim_details',
    columns: ['annotation_id', 'claimant_actor_id', 'status'],
    pgTypes: ['int', 'int', 'text'],
  },
  assignments: {
    name: 'assignments',
    columns: ['article_id', 'reviewer_id', 'status', 'assigned_by', 'created_at', 'updated_at'],
    pgTypes: ['int', 'int', 'text', 'int', 'text', 'text'],
  },
} satisfies Record<string, TableShape>;
type TableKey = keyof typeof TABLES;
type Generated = Record<TableKey, Row[]>;

interface Layers {
  admin: number;
  alice: number;
  bob: number;
  gold: number;
}

type Span = { start: number; end: number; quote: string; prefix: string; suffix: string };

/**
 * Article n (id n + 1) and its rows: a few sentences (about 300 characters) naming an actor and
 * two figures of its incident; alice's and bob's layers (figure, figure, actor, claim each, bob's
 * spans now and then a little shorter or longer) and gold's (figure, claim); both reviewers assigned.
 */
function generate(n: number, layers: Layers, actorIds: number[], describeSpan: (text: string, start: number, end: number) => Span): Generated {
  const id = n + 1;
  const incident = Math.floor(n / ARTICLES_PER_INCIDENT);
  const place = `Town ${incident}`;
  const source = SOURCES[n % SOURCES.length]!;
  const actorIndex = n % ACTOR_NAMES.length;
  const actor = ACTOR_NAMES[actorIndex]!;
  const actorId = actorIds[actorIndex]!;
  const who1 = WHO[incident % WHO.length]!;
  const who2 = WHO[(incident + 3) % WHO.length]!;
  const category1 = CATEGORIES[incident % CATEGORIES.length]!;
  const category2 = CATEGORIES[(incident + 1) % CATEGORIES.length]!;
  // One outlet in ten reports another number for the incident: the conflicts suggestions are for.
  const value1 = 3 + ((incident * 7) % 40) + (n % 10 === 3 ? 2 : 0);
  const value2 = 1 + ((incident * 5) % 25);
  const figure1 = `${value1} ${who1} were ${category1}`;
  const figure2 = `${value2} ${who2} were ${category2}`;
  const claim = 'A spokesman for the ministry denied any role in the strikes';
  const text =
    `${actor} said on Tuesday that ${figure1} in ${place} overnight. ` +
    `Hospital staff said ${figure2} in the attack. ` +
    `${claim} and called for calm. ` +
    `Report ${id} was filed by ${source}.`;

  const at = new Date(Date.UTC(2018, 0, 1) + n * 60_000).toISOString();
  const activity = new Date(Date.UTC(2018, 0, 1) + n * 60_000 + ((n * 7919) % 1000) * 3_600_000).toISOString();
  const day = n % 50 === 0 ? null : new Date(Date.UTC(2018, 0, 1) + Math.floor(n / 30) * 86_400_000).toISOString().slice(0, 10);
  const span = (quote: string, length = quote.length) => {
    const start = text.indexOf(quote);
    return describeSpan(text, start, start + length);
  };
  const spans = {
    figure1: span(figure1),
    figure2: span(figure2),
    actor: span(actor),
    claim: span(claim),
  };
  const bobFigure2 = n % 5 === 0 ? span(figure2, `${value2} ${who2}`.length) : spans.figure2;
  const bobClaim = n % 2 === 0 ? span(`${claim} and called for calm`) : spans.claim;

  const rows: Generated = { articles: [], annotations: [], figures: [], claims: [], assignments: [] };
  rows.articles.push([id, `Report ${id}: ${who1} ${category1} in ${place}`, source, day, text, text.split(/\s+/).length, layers.admin, at, at, activity]);
  let k = 0;
  const annotate = (layer: number, label: 'figure' | 'actor' | 'claim', s: Span, linkedActor: number | null = null) => {
    const annotationId = n * 10 + ++k;
    rows.annotations.push([annotationId, id, layer, label, s.start, s.end, s.quote, s.prefix, s.suffix, linkedActor, at, at]);
    return annotationId;
  };
  const firstFigure = (layer: number) =>
    rows.figures.push([annotate(layer, 'figure', spans.figure1), value1, value1, n % 7 === 0 ? 'at_least' : 'exact', category1, who1, place, actorId, null]);
  const secondFigure = (layer: number, s: Span) =>
    rows.figures.push([annotate(layer, 'figure', s), value2, value2, 'exact', category2, who2, n % 3 === 0 ? null : place, null, 'Hospital staff']);
  const claimSpan = (layer: number, s: Span, status: string) => rows.claims.push([annotate(layer, 'claim', s), null, status]);

  firstFigure(layers.alice);
  secondFigure(layers.alice, spans.figure2);
  annotate(layers.alice, 'actor', spans.actor, actorId);
  claimSpan(layers.alice, spans.claim, 'unverified');
  firstFigure(layers.bob);
  secondFigure(layers.bob, bobFigure2);
  annotate(layers.bob, 'actor', spans.actor, actorId);
  claimSpan(layers.bob, bobClaim, n % 4 === 0 ? 'disputed' : 'unverified');
  firstFigure(layers.gold);
  claimSpan(layers.gold, spans.claim, 'disputed');

  for (const reviewer of [layers.alice, layers.bob]) {
    rows.assignments.push([id, reviewer, n % 5 === 4 ? 'in_progress' : 'done', layers.admin, at, at]);
  }
  return rows;
}

/** What the bench does with each engine's own driver: the bulk build and the baselines. */
interface Raw {
  /** Inserts articles `from` (inclusive) to `to` (exclusive) and their rows. */
  load(from: number, to: number, make: (n: number) => Generated): Promise<void>;
  /** Fresh statistics, as the engine would gather them on its own after a bulk load. */
  analyse(): Promise<void>;
  /** The baseline for page-style figures: one article's metadata by its primary key. */
  singleRow(id: number): Promise<unknown>;
  /** The export's baseline: every live annotation with its figure and claim details, each row handed to `each`. */
  scanAnnotations(each: (row: unknown) => void): Promise<void>;
  count(table: string): Promise<number>;
  diskBytes(): Promise<number>;
}

const SINGLE_ROW_SQL = 'SELECT id, title, source, published_on, created_at FROM articles WHERE id = ';
const SCAN_SQL = `SELECT a.*, f.value_min, f.value_max, f.qualifier, f.category, f.counted, f.place, f.source_actor_id, f.source_text, c.status
  FROM annotations a
  LEFT JOIN figure_details f ON f.annotation_id = a.id
  LEFT JOIN claim_details c ON c.annotation_id = a.id
  WHERE a.deleted_at IS NULL`;

function sqliteRaw(database: SqliteDatabase): Raw {
  const { sqlite } = database;
  const inserts = Object.fromEntries(
    Object.entries(TABLES).map(([key, table]) => [key, sqlite.prepare<Value[]>(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`)]),
  ) as Record<TableKey, BetterSqlite.Statement<Value[]>>;
  const one = sqlite.prepare(`${SINGLE_ROW_SQL}?`);
  const scan = sqlite.prepare(`${SCAN_SQL} ORDER BY a.id`);
  return {
    async load(from, to, make) {
      sqlite.transaction(() => {
        for (let n = from; n < to; n++) {
          const rows = make(n);
          for (const key of Object.keys(TABLES) as TableKey[]) for (const row of rows[key]) inserts[key].run(...row);
        }
      })();
    },
    async analyse() {
      sqlite.pragma('optimize');
    },
    async singleRow(id) {
      return one.get(id);
    },
    async scanAnnotations(each) {
      for (const row of scan.iterate()) each(row);
    },
    async count(table) {
      return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    async diskBytes() {
      return [database.file, `${database.file}-wal`].reduce((sum, file) => sum + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0);
    },
  };
}

function postgresRaw(database: PostgresDatabase): Raw {
  const { pool } = database;
  const SCAN_BATCH = 10_000;
  return {
    async load(from, to, make) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL synchronous_commit = off');
        // Row by row, the app's triggers (search, timeline, place keys: PL/pgSQL per row) and the
        // foreign-key checks make a million annotations a half-hour load on this machine. As a
        // restore does (pg_restore --disable-triggers), they are off for the load, and the rows
        // they would have written are written set-wise below, with the triggers' own SQL.
        await client.query('SET LOCAL session_replication_role = replica');
        for (let start = from; start < to; start += PG_BATCH) {
          const batch: Generated = { articles: [], annotations: [], figures: [], claims: [], assignments: [] };
          for (let n = start; n < Math.min(to, start + PG_BATCH); n++) {
            const rows = make(n);
            for (const key of Object.keys(TABLES) as TableKey[]) batch[key].push(...rows[key]);
          }
          // Parents before children (the foreign keys are checked row by row): articles, annotations, details.
          for (const key of Object.keys(TABLES) as TableKey[]) {
            const table: TableShape = TABLES[key];
            const rows = batch[key];
            if (rows.length === 0) continue;
            const columns = table.columns.map((_, i) => rows.map((row) => row[i] ?? null));
            const unnest = table.pgTypes.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
            await client.query(`INSERT INTO ${table.name} (${table.columns.join(', ')}) SELECT * FROM unnest(${unnest})`, columns);
          }
        }
        // Annotation ids are article n's n * 10 + 1 … n * 10 + 10 (see generate).
        const after = from * 10;
        await client.query(
          `INSERT INTO figure_timeline (annotation_id, layer_id, article_id, published_on)
             SELECT a.id, a.reviewer_id, a.article_id, ar.published_on FROM annotations a JOIN articles ar ON ar.id = a.article_id
             WHERE a.label = 'figure' AND a.id > $1`,
          [after],
        );
        await client.query(`INSERT INTO annotation_search (annotation_id, body) SELECT id, to_tsvector('simple', body) FROM annotation_search_text WHERE id > $1`, [after]);
        await client.query(`INSERT INTO figure_place_keys (annotation_id, place, place_key, stale) SELECT annotation_id, place, NULL, true FROM figure_details WHERE annotation_id > $1`, [
          after,
        ]);
        const { rows: derived } = await client.query(
          `SELECT (SELECT count(*) FROM annotations WHERE label = 'figure') - (SELECT count(*) FROM figure_timeline) AS timeline,
                  (SELECT count(*) FROM annotations) - (SELECT count(*) FROM annotation_search) AS search,
                  (SELECT count(*) FROM figure_details) - (SELECT count(*) FROM figure_place_keys) AS place_keys`,
        );
        if (Object.values(derived[0] as Record<string, string>).some((missing) => Number(missing) !== 0)) {
          throw new Error(`The derived tables do not match the triggers' rows: ${JSON.stringify(derived[0])}`);
        }
        // The rows came with their ids: the identity sequences go on from the largest.
        for (const table of ['articles', 'annotations']) {
          await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async analyse() {
      await pool.query('ANALYZE');
    },
    async singleRow(id) {
      return (await pool.query({ name: 'bench-scale-one', text: `${SINGLE_ROW_SQL}$1`, values: [id] })).rows[0];
    },
    async scanAnnotations(each) {
      // Keyset pages: node-postgres reads a whole result into memory, so a million rows go in pages.
      let after = 0;
      for (;;) {
        const { rows } = await pool.query({ name: 'bench-scale-scan', text: `${SCAN_SQL} AND a.id > $1 ORDER BY a.id LIMIT ${SCAN_BATCH}`, values: [after] });
        for (const row of rows) each(row);
        if (rows.length < SCAN_BATCH) return;
        after = (rows.at(-1) as { id: number }).id;
      }
    },
    async count(table) {
      return Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    },
    async diskBytes() {
      return Number((await pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
    },
  };
}

interface Timing {
  median: number;
  min: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of PAGE_RUNS calls after WARM_UPS (statement caches, page cache): the median and the fastest. */
async function measure(work: (run: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UPS; i++) await work(i);
  const times: number[] = [];
  for (let run = 0; run < PAGE_RUNS; run++) {
    const started = performance.now();
    await work(run);
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times) };
}

interface Streamed {
  seconds: number;
  annotations: number;
  chars: number;
  peakRss: number;
}

/**
 * Runs `once` `runs` times (after a warm-up when more than one) with RSS sampled on a timer and by
 * `once` itself: the median run and the highest RSS. A single run needs no warm-up: the library
 * was just written, so its pages are in the OS cache already.
 */
async function streamed(runs: number, once: (sample: () => void) => Promise<{ annotations: number; chars: number }>): Promise<Streamed & { rssBefore: number }> {
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  };
  const timer = setInterval(sample, 20);
  const results: Omit<Streamed, 'peakRss'>[] = [];
  try {
    for (let run = runs > 1 ? -1 : 0; run < runs; run++) {
      const started = performance.now();
      const { annotations, chars } = await once(sample);
      if (run >= 0) results.push({ seconds: (performance.now() - started) / 1000, annotations, chars });
    }
  } finally {
    clearInterval(timer);
  }
  const middle = [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)]!;
  return { ...middle, peakRss, rssBefore };
}

const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(3)} ms`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const int = (value: number) => Math.round(value).toLocaleString('en');
const times = (ratio: number) => (ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`);

interface Measured {
  key: string;
  label: string;
  timing: Timing;
}

async function main() {
  const startRss = process.memoryUsage().rss;
  const { appDatabase } = await import('../db/client');
  const { firstAdminReviewer, goldReviewer } = await import('../db/startup-data');
  const { libraryPage } = await import('../db/library');
  const { listAnnotations } = await import('../db/annotations');
  const { listSuggestions, refreshPlaceKeys } = await import('../db/comparisons');
  const { agreementForViewer } = await import('../db/agreement');
  const { exportArticles, exportContext } = await import('../db/export');
  const { jsonlFormat } = await import('../lib/export/jsonl');
  const { describeSpan } = await import('../lib/anchoring/anchor');
  const { nameKey } = await import('../lib/actors/names');
  const schema = await import('../db/schema');

  const db: Database = appDatabase();
  const engineName = db.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const adminRow = await firstAdminReviewer(db);
  const goldRow = await goldReviewer(db);
  const admin: Viewer = { id: adminRow.id, username: adminRow.username, displayName: adminRow.displayName, role: adminRow.role };
  const createdAt = new Date().toISOString();
  const people = await db.write((tx) =>
    tx
      .insert(schema.reviewers)
      .values([
        { username: 'alice', displayName: 'Alice', createdAt },
        { username: 'bob', displayName: 'Bob', createdAt },
      ])
      .returning(),
  );
  const viewerOf = (row: (typeof people)[number]): Viewer => ({ id: row.id, username: row.username, displayName: row.displayName, role: row.role });
  const alice = viewerOf(people[0]!);
  const bob = viewerOf(people[1]!);
  const actorRows = await db.write((tx) =>
    tx
      .insert(schema.actors)
      .values(ACTOR_NAMES.map((name) => ({ canonicalName: name, nameKey: nameKey(name), kind: 'organisation' as const, createdBy: admin.id, createdAt, updatedAt: createdAt })))
      .returning({ id: schema.actors.id }),
  );
  const layers: Layers = { admin: admin.id, alice: alice.id, bob: bob.id, gold: goldRow.id };
  const actorIds = actorRows.map((row) => row.id);
  const raw = db.engine === 'postgres' ? postgresRaw(db as unknown as PostgresDatabase) : sqliteRaw(db as unknown as SqliteDatabase);
  const make = (n: number) => generate(n, layers, actorIds, describeSpan);
  const context = exportContext('http://localhost:3000');

  console.log(
    `# Library at scale on ${engineName} (${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}; RSS at start ${mb(startRss)})`,
  );
  const bySize: { size: number; measured: Measured[]; exportRate: number; rawRate: number; peakRss: number }[] = [];
  let built = 0;
  for (const size of SIZES.filter((value) => value > 0).sort((a, b) => a - b)) {
    const started = performance.now();
    await raw.load(built, size, make);
    const loadSeconds = (performance.now() - started) / 1000;
    built = size;
    const keysStarted = performance.now();
    await refreshPlaceKeys(db);
    const keysSeconds = (performance.now() - keysStarted) / 1000;
    const analyseStarted = performance.now();
    await raw.analyse();
    const analyseSeconds = (performance.now() - analyseStarted) / 1000;
    const annotationCount = await raw.count('annotations');
    const figureCount = await raw.count('figure_details');

    // Five articles spread over the library, taken in turn: no one article's luck decides.
    const probes = [0.1, 0.3, 0.5, 0.7, 0.9].map((share) => Math.max(1, Math.floor(size * share)));
    const probe = (run: number) => probes[run % probes.length]!;
    const suggestionCounts = await Promise.all(probes.map(async (id) => (await listSuggestions(db, alice, id)).length));
    const baseline = await measure((run) => raw.singleRow(probe(run)));
    const measured: Measured[] = [
      { key: 'page-admin', label: 'library first page, admin (all articles)', timing: await measure(() => libraryPage(db, admin)) },
      { key: 'page-reviewer', label: 'library first page, reviewer (assigned to all)', timing: await measure(() => libraryPage(db, alice)) },
      { key: 'annotations', label: "one article's annotations (reviewer's layer)", timing: await measure((run) => listAnnotations(db, alice, probe(run))) },
      {
        key: 'suggestions',
        label: `suggestions for one article (${suggestionCounts.join('/')} offered)`,
        timing: await measure((run) => listSuggestions(db, alice, probe(run))),
      },
      { key: 'agreement', label: 'agreement for one article (admin)', timing: await measure((run) => agreementForViewer(db, admin, probe(run))) },
    ];

    const runs = exportRuns(annotationCount);
    const exported = await streamed(runs, async (sample) => {
      let annotations = 0;
      let articlesSeen = 0;
      let chars = 0;
      async function* counted(source: AsyncIterable<ExportArticle>): AsyncGenerator<ExportArticle> {
        for await (const article of source) {
          annotations += article.annotations.length;
          if (++articlesSeen % 100 === 0) sample();
          yield article;
        }
      }
      // A counting sink: what a file or a response would be handed, without the disk.
      for await (const chunk of jsonlFormat.write(counted(exportArticles(db, admin, { layer: 'all' })), context)) chars += chunk.length;
      return { annotations, chars };
    });
    const scanned = await streamed(runs, async (sample) => {
      let annotations = 0;
      let chars = 0;
      await raw.scanAnnotations((row) => {
        chars += JSON.stringify(row).length + 1;
        if (++annotations % 10_000 === 0) sample();
      });
      return { annotations, chars };
    });
    const exportRate = exported.annotations / exported.seconds;
    const rawRate = scanned.annotations / scanned.seconds;

    const lines: string[] = [];
    lines.push(`\n## ${engineName}: ${int(size)} articles, ${int(annotationCount)} annotations (${int(figureCount)} figures)\n`);
    lines.push(
      `Built in ${loadSeconds.toFixed(1)} s of raw bulk inserts (from ${int(size - (bySize.at(-1)?.size ?? 0))} new articles), ` +
        `place keys ${keysSeconds.toFixed(1)} s, statistics ${analyseSeconds.toFixed(1)} s; database ${mb(await raw.diskBytes())}. ` +
        `Page-style figures: median and fastest of ${PAGE_RUNS} runs after ${WARM_UPS} warm-ups, over five articles in turn; ` +
        `export: ${runs === 1 ? 'one run' : `median of ${runs} runs after a warm-up`}.\n`,
    );
    lines.push('| measure | db/ median | fastest | raw baseline | ratio | goal (SQLite) |');
    lines.push('|---|---:|---:|---:|---:|---|');
    lines.push(`| baseline: raw single-row read by primary key | ${ms(baseline.median)} | ${ms(baseline.min)} | | | |`);
    const goal = (key: string, value: number) => {
      if (key.startsWith('page') || key === 'suggestions') return `< 100 ms, flat: ${value < 100 ? 'met' : 'MISSED'}`;
      return '';
    };
    for (const { key, label, timing } of measured) {
      lines.push(`| ${label} | ${ms(timing.median)} | ${ms(timing.min)} | ${ms(baseline.median)} | ${times(timing.median / baseline.median)} | ${goal(key, timing.median)} |`);
    }
    const exportRatio = exportRate / rawRate;
    lines.push(
      `| JSONL export of everything (annotations/s) | ${int(exportRate)}/s (${exported.seconds.toFixed(1)} s, ${mb(exported.chars)}) | | ` +
        `${int(rawRate)}/s (${scanned.seconds.toFixed(1)} s, ${mb(scanned.chars)}) | ${exportRatio.toFixed(2)}× | ≥ 0.5× raw: ${exportRatio >= 0.5 ? 'met' : 'MISSED'} |`,
    );
    lines.push(
      `| peak RSS during the export (before: ${mb(exported.rssBefore)}) | ${mb(exported.peakRss)} | | ${mb(scanned.peakRss)} (before: ${mb(scanned.rssBefore)}) | | < 250 MB: ${exported.peakRss < 250 * 2 ** 20 ? 'met' : 'MISSED'} |`,
    );
    console.log(lines.join('\n'));
    if (exported.annotations !== annotationCount) console.log(`\n(!) the export held ${int(exported.annotations)} annotations of ${int(annotationCount)}`);
    bySize.push({ size, measured, exportRate, rawRate, peakRss: exported.peakRss });
  }

  if (bySize.length >= 2) {
    const first = bySize[0]!;
    const last = bySize.at(-1)!;
    const lines = [`\n## ${engineName}: ${int(first.size)} against ${int(last.size)} articles\n`];
    lines.push(`| measure | ${int(first.size)} | ${int(last.size)} | change | flat? (within 1.5× or 2 ms) |`);
    lines.push('|---|---:|---:|---:|---|');
    for (const small of first.measured) {
      const large = last.measured.find((item) => item.key === small.key)!;
      const flat = large.timing.median <= small.timing.median * 1.5 || large.timing.median - small.timing.median < 2;
      lines.push(`| ${small.label.replace(/ \(.*\)$/, '')} | ${ms(small.timing.median)} | ${ms(large.timing.median)} | ${times(large.timing.median / small.timing.median)} | ${flat ? 'flat' : 'GROWS'} |`);
    }
    lines.push(`| export/raw rate | ${(first.exportRate / first.rawRate).toFixed(2)}× | ${(last.exportRate / last.rawRate).toFixed(2)}× | | |`);
    lines.push(`| peak RSS during the export | ${mb(first.peakRss)} | ${mb(last.peakRss)} | | |`);
    console.log(lines.join('\n'));
  }
  await db.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  process.exit(1);
});
