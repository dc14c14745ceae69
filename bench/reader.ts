// npm run bench:reader: opens a 200,000-word article with 10,000 annotations in Chromium
// against the production build (run `npm run build` first) and prints how long the
// reader takes to show its text and paint every highlight. Prints numbers; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const ANNOTATIONS = 10_000;
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const root = path.resolve(__dirname, '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-reader-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');
// The server gives the first admin this password at start; the browser signs in with it.
const ADMIN_PASSWORD = 'bench-admin-password';
process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${PORT}`;

async function buildLibrary(): Promise<number> {
  const { describeSpan } = await import('../lib/anchoring/anchor');
  const { prepareArticleText } = await import('../lib/text/normalise');
  const { importParsedFile } = await import('../db/import');
  const { commandLineViewer } = await import('../db/reviewers');
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
  const report = await importParsedFile(commandLineViewer(), 'bench.jsonl', { articles: [{ text, annotations: [], origin: { file: 'bench', line: null }, exported: article }], problems: [] });
  console.log(`Article: ${text.length.toLocaleString('en')} characters, ${report.annotationCount.toLocaleString('en')} annotations`);
  return report.articleIds[0]!;
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

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('Run `npm run build` first: the bench measures the production build.');
  const articleId = await buildLibrary();
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
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    for (const run of [1, 2, 3]) {
      const started = Date.now();
      await page.goto(`${base}/articles/${articleId}`, { waitUntil: 'commit' });
      await page.waitForFunction(
        (expected) => {
          let total = 0;
          for (const [name, highlight] of CSS.highlights) if (/^cc-(claim|actor|figure)-/.test(name)) total += highlight.size;
          return total >= expected;
        },
        ANNOTATIONS,
        { polling: 'raf', timeout: 120_000 },
      );
      const painted = Date.now() - started;
      const timing = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { html: navigation ? Math.round(navigation.responseEnd) : null, domReady: navigation ? Math.round(navigation.domContentLoadedEventEnd) : null };
      });
      console.log(`open #${run}: HTML received ${timing.html} ms, DOM ready ${timing.domReady} ms, all ${ANNOTATIONS.toLocaleString('en')} highlights painted ${painted} ms`);
    }
    // One interaction: select an annotation far down the list and scroll its highlight into view.
    const started = Date.now();
    await page.getByTestId('annotation-item').last().locator('.annotation-summary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="reader"]')?.hasAttribute('data-flashing'), undefined, { polling: 'raf' });
    console.log(`select the last annotation in the panel and flash its highlight: ${Date.now() - started} ms`);
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
