// npm run bench:reader: opens a 200,000-word article with 10,000 annotations in Chromium
// against the production build (run `npm run build` first) and prints, beside a baseline
// measured in the same run: how long the reader takes to paint every highlight (baseline: a
// static page holding the same paragraphs that registers the same ranges with plain JS), how
// long a tag, a label change and a delete take from the key press to the changed Range in
// CSS.highlights (timed in the page), and the longest long task while scrolling the whole
// article and while tagging. Prints numbers; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { splitParagraphs } from '../lib/text/paragraphs';

const ANNOTATIONS = 10_000;
const TAGS = Number(process.env.BENCH_TAGS ?? 30);
const OPENS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const root = path.resolve(__dirname, '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-reader-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');
// The server gives the first admin this password at start; the browser signs in with it.
const ADMIN_PASSWORD = 'bench-admin-password';
process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${PORT}`;

async function buildLibrary(): Promise<{ articleId: number; text: string }> {
  const { describeSpan } = await import('../lib/anchoring/anchor');
  const { prepareArticleText } = await import('../lib/text/normalise');
  const { importParsedFile } = await import('../db/import');
  const { commandLineViewer } = await import('../db/reviewers');
  const { appDatabase } = await import('../db/client');
  const db = appDatabase();
  const sample = fs.readFileSync(path.join(root, 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
  const { text } = prepareArticleText(Array.from({ length: 400 }, () => sample).join('\n\n'));
  const spans = [...text.matchAll(/[A-Z][a-z]+(?: [A-Z][a-z]+)?/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const step = Math.max(1, Math.floor(spans.length / ANNOTATIONS));
  const labels = ['claim', 'actor', 'figure'] as const;
  const author = { username: 'admin', name: 'Administrator' };
  const at = new Date().toISOString();
  // Imported as a Crosscheck JSONL bundle: every span is checked, nothing is read by NLP.
  const annotations = spans
    .filter((_, i) => i % step === 0)
    .slice(0, ANNOTATIONS)
    .map((span, i) => ({
      id: i + 1,
      label: labels[i % 3]!,
      ...describeSpan(text, span.start, span.end),
      note: '',
      author,
      version: 1,
      createdAt: at,
      updatedAt: at,
      actor: labels[i % 3] === 'actor' ? { name: 'Bench actor', kind: 'other' as const, aliases: [] } : null,
      figure: null,
      claim: null,
    }));
  const article = { id: 1, title: 'Bench', source: '', url: null, publishedOn: null, text, wordCount: 0, author, createdAt: at, updatedAt: at, annotations, comparisons: [] };
  const report = await importParsedFile(db, await commandLineViewer(db), 'bench.jsonl', { articles: [{ text, annotations: [], origin: { file: 'bench', line: null }, exported: article }], problems: [] });
  console.log(`Article: ${text.length.toLocaleString('en')} characters, ${report.annotationCount.toLocaleString('en')} annotations`);
  return { articleId: report.articleIds[0]!, text };
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      // Any answer means the server is up (signed out, the API says 401).
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not start at ${url}`);
}

const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The baseline: the same paragraphs and the same ranges in CSS.highlights, with no app at all. */
function staticPage(text: string, spans: [number, number, string][]): string {
  const paragraphs = splitParagraphs(text)
    .map(({ start, end }) => `<p data-start="${start}">${text.slice(start, end).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  const script = `
    const spans = ${JSON.stringify(spans)};
    const ps = Array.from(document.querySelectorAll('p[data-start]'));
    const starts = ps.map((p) => Number(p.dataset.start));
    const at = (offset) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; } return lo; };
    const groups = { claim: [], actor: [], figure: [] };
    for (const [start, end, label] of spans) {
      const a = at(start), b = at(end);
      const range = document.createRange();
      range.setStart(ps[a].firstChild, start - starts[a]);
      range.setEnd(ps[b].firstChild, Math.min(end - starts[b], ps[b].firstChild.length));
      groups[label].push(range);
    }
    for (const label of Object.keys(groups)) CSS.highlights.set('cc-' + label + '-0', new Highlight(...groups[label]));`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Static baseline</title><style>
    body { font-family: Georgia, serif; } .reader { max-width: 42rem; font-size: 1.175rem; line-height: 1.75; white-space: pre-wrap; }
    ::highlight(cc-claim-0) { background-color: #fde9b8; } ::highlight(cc-actor-0) { background-color: #dbe9fb; text-decoration: underline 2px #3a6fb0; }
    ::highlight(cc-figure-0) { background-color: #fbdde8; text-decoration: underline 3px #b03a6b; }
    </style></head><body><div class="reader">${paragraphs}</div><script>${script}</script></body></html>`;
}

/** Resolves when every label highlight together holds `expected` ranges. */
async function waitForPainted(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      let total = 0;
      for (const [name, highlight] of CSS.highlights) if (/^cc-(claim|actor|figure)-/.test(name)) total += highlight.size;
      return total >= count;
    },
    expected,
    { polling: 'raf', timeout: 120_000 },
  );
}

async function timeOpen(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await waitForPainted(page, ANNOTATIONS);
  return Date.now() - started;
}

// Collects long tasks from the first moment of every page, for the phases below to read.
function recordLongTasks() {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((from) => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return Math.max(0, ...tasks.filter((task) => task.start + task.duration >= from).map((task) => task.duration));
  }, since);
}

/**
 * Arms an in-page timer: from the key press (a capture listener on window, before the reader's
 * own) to the moment the highlights of `label` (or of every label) hold `delta` more ranges.
 * Checked right after the key's handlers run, then on every frame.
 */
async function armTimer(page: Page, label: string | null, delta: number): Promise<void> {
  await page.evaluate(
    ({ label, delta }) => {
      const size = () => {
        let total = 0;
        for (const [name, highlight] of CSS.highlights) if (/^cc-(claim|actor|figure)-/.test(name) && (!label || name.startsWith(`cc-${label}-`))) total += highlight.size;
        return total;
      };
      const target = size() + delta;
      const state = window as unknown as { __elapsed: number | null };
      state.__elapsed = null;
      let started = 0;
      const check = () => {
        if (state.__elapsed !== null) return;
        if (size() === target) state.__elapsed = performance.now() - started;
        else requestAnimationFrame(check);
      };
      window.addEventListener('keydown', () => (started = performance.now()), { capture: true, once: true });
      window.addEventListener('keydown', () => queueMicrotask(check), { once: true });
    },
    { label, delta },
  );
}

async function elapsed(page: Page): Promise<number> {
  // Compared with null: a change painted within the timer's resolution reads 0.
  await page.waitForFunction(() => (window as unknown as { __elapsed: number | null }).__elapsed !== null, undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __elapsed: number }).__elapsed);
}

async function statusIs(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((text) => document.querySelector('[data-testid="status-bar"] p')?.textContent?.startsWith(text), prefix, { timeout: 30_000 });
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('Run `npm run build` first: the bench measures the production build.');
  const { articleId, text } = await buildLibrary();
  const server = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(PORT)], {
    cwd: root,
    env: { ...process.env },
    stdio: ['ignore', 'ignore', fs.openSync(path.join(os.tmpdir(), 'crosscheck-bench-server.log'), 'w')],
  });
  const executablePath = fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/api/articles`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx compiles the functions passed to the page with esbuild's keepNames, which wraps them in
    // a `__name` helper that exists only in Node: give the page a harmless one.
    await page.addInitScript('window.__name = (target) => target;');
    await page.addInitScript(recordLongTasks);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();

    const { annotations } = (await (await page.request.get(`${base}/api/articles/${articleId}/annotations`)).json()) as {
      annotations: { start: number; end: number; label: string }[];
    };
    const html = staticPage(text, annotations.map(({ start, end, label }) => [start, end, label]));
    await page.route(`${base}/bench-static`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));

    // Opening: the app and the static page in turns, so both see the same machine.
    const opened = { app: [] as number[], static: [] as number[] };
    for (let run = 0; run < OPENS; run += 1) {
      opened.static.push(await timeOpen(page, `${base}/bench-static`));
      opened.app.push(await timeOpen(page, `${base}/articles/${articleId}`));
      const breakdown = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => /\/annotations\?layer=/.test(entry.name));
        return [navigation.responseEnd, navigation.domContentLoadedEventEnd, request?.startTime ?? 0, request?.responseEnd ?? 0].map(Math.round);
      });
      console.log(`  reader #${run + 1}: HTML ${breakdown[0]} ms, DOM ready ${breakdown[1]} ms, annotations requested ${breakdown[2]} ms, received ${breakdown[3]} ms, painted ${opened.app.at(-1)} ms`);
    }
    console.log(`open, all ${ANNOTATIONS.toLocaleString('en')} highlights painted (median of ${OPENS}): reader ${median(opened.app)} ms, static baseline ${median(opened.static)} ms, ratio ${(median(opened.app) / median(opened.static)).toFixed(2)}× (goal ≤ 2×)`);
    console.log(`  each run: reader ${opened.app.join(' / ')} ms; static ${opened.static.join(' / ')} ms`);

    // Scrolling the article from top to bottom, a screen at a time, a frame apart, once the
    // opening's own work (panel, suggestions) has had a second to finish.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    const scrollFrom = await page.evaluate(() => performance.now());
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      window.scrollTo(0, 0);
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
        window.scrollBy(0, window.innerHeight * 0.9);
        await frame();
        await frame();
      }
    });
    const scrollLongest = await longestTaskSince(page, scrollFrom);
    await page.goto(`${base}/bench-static`, { waitUntil: 'commit' });
    await waitForPainted(page, ANNOTATIONS);
    const staticScrollFrom = await page.evaluate(() => performance.now());
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
        window.scrollBy(0, window.innerHeight * 0.9);
        await frame();
        await frame();
      }
    });
    const staticScrollLongest = await longestTaskSince(page, staticScrollFrom);
    console.log(`scroll top to bottom, longest long task: reader ${scrollLongest.toFixed(0)} ms, static baseline ${staticScrollLongest.toFixed(0)} ms (goal: none over 50 ms)`);

    // Tagging: select a word nobody tagged, press 3; then 2 relabels it; then Delete deletes it.
    await timeOpen(page, `${base}/articles/${articleId}`);
    // Let the opening's own work finish before timing anything.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const tagFrom = await page.evaluate(() => performance.now());
    const timings = { tag: [] as number[], label: [] as number[], remove: [] as number[] };
    for (let i = 0; i < TAGS; i += 1) {
      // Spread over the article: the first tags near the top, the last near the end.
      const word = await page.evaluate(
        ({ fraction }) => {
          const paragraphs = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="reader"] p[data-start]'));
          const paragraph = paragraphs[Math.floor(fraction * (paragraphs.length - 1))]!;
          const node = paragraph.firstChild as Text;
          // The bench's annotations are capitalised words: a lowercase one is free.
          const match = /\b[a-z]{5,}\b/.exec(node.data) ?? /\b[a-z]{3,}\b/.exec(node.data);
          if (!match) throw new Error('no lowercase word in the paragraph');
          paragraph.scrollIntoView({ block: 'center', behavior: 'instant' });
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return match[0];
        },
        { fraction: (i + 0.5) / TAGS },
      );
      await page.getByRole('toolbar', { name: 'Tag the selected text' }).waitFor();
      await armTimer(page, 'figure', 1);
      await page.keyboard.press('3');
      timings.tag.push(await elapsed(page));
      if (process.stdout.isTTY) process.stdout.write(`\r  tag ${i + 1}/${TAGS}`);
      await statusIs(page, `Tagged Figure “${word}”`);

      await armTimer(page, 'actor', 1);
      await page.keyboard.press('2');
      timings.label.push(await elapsed(page));
      await statusIs(page, `Saved Actor “${word}”`);

      await armTimer(page, null, -1);
      await page.keyboard.press('Delete');
      timings.remove.push(await elapsed(page));
      await statusIs(page, `Deleted Actor “${word}”`);
    }
    const tagLongest = await longestTaskSince(page, tagFrom);
    console.log(`tag → highlight painted, ${TAGS} tags: p50 ${ms(median(timings.tag))}, p95 ${ms(percentile(timings.tag, 95))} (goal p95 < 20 ms)`);
    console.log(`label change → highlight repainted: p50 ${ms(median(timings.label))}, p95 ${ms(percentile(timings.label, 95))}`);
    console.log(`delete → highlight gone: p50 ${ms(median(timings.remove))}, p95 ${ms(percentile(timings.remove, 95))}`);
    console.log(`longest long task while tagging, relabelling and deleting: ${tagLongest.toFixed(0)} ms (goal: none over 50 ms)`);
  } finally {
    await browser.close();
    server.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
