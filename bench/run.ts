// npm run bench: measures the paths that must stay fast on a large article, and prints
// the numbers. Not a test: nothing here passes or fails. It builds a 200,000-word article
// with 10,000 annotations in a temporary database (DATABASE_PATH is set here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-'));
process.env.DATABASE_PATH = path.join(folder, 'bench.db');

const WORDS = 200_000;
const ANNOTATIONS = 10_000;

async function time<T>(label: string, work: () => T | Promise<T>, unit?: { count: number; name: string }): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const rate = unit ? `  (${Math.round((unit.count / ms) * 1000).toLocaleString('en')} ${unit.name}/s)` : '';
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${rate}`);
  return result;
}

async function main() {
  const { appDatabase } = await import('../db/client');
  const { createArticle } = await import('../db/articles');
  const { createAnnotation, listAnnotations } = await import('../db/annotations');
  const { commandLineViewer } = await import('../db/reviewers');
  const { exportArticles, exportContext } = await import('../db/export');
  const { EXPORT_FORMATS } = await import('../lib/export/formats');
  const { splitParagraphs } = await import('../lib/text/paragraphs');
  const { snapSpan } = await import('../lib/anchoring/snap');
  const { readFigure } = await import('../lib/figures/read-figure');
  const { suggestComparisons } = await import('../lib/comparisons/suggest');

  const sample = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8').replace(/^ date \S+ /, '');
  const sampleWords = sample.split(/\s+/).length;
  const raw = Array.from({ length: Math.ceil(WORDS / sampleWords) }, () => sample).join('\n\n');
  console.log(`Article: ${raw.length.toLocaleString('en')} characters, about ${WORDS.toLocaleString('en')} words`);

  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  const article = await time('import the article (normalise, count words, store)', () => createArticle(db, viewer, { text: raw, title: 'Bench' }));
  const text = article.text;

  await time('split into paragraphs', () => splitParagraphs(text));
  const snapAt = text.length - 5_000;
  await time('snap 1,000 selections near the end of the text', () => {
    for (let i = 0; i < 1_000; i += 1) snapSpan(text, snapAt + (i % 50), snapAt + 40 + (i % 50), { toWords: true });
  });
  const figureAt = text.lastIndexOf('five of its fighters were killed');
  await time('read one figure (after compromise is loaded)', () => readFigure(text, { start: figureAt, end: figureAt + 32 }));
  await time('read 100 figures', () => {
    for (let i = 0; i < 100; i += 1) readFigure(text, { start: figureAt, end: figureAt + 32 });
  });

  // Every word-like span of the text, spread over the article, labelled in turn.
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[A-Z][a-z]+(?: [A-Z][a-z]+)?/g)) spans.push({ start: match.index, end: match.index + match[0].length });
  const step = Math.max(1, Math.floor(spans.length / ANNOTATIONS));
  const chosen = spans.filter((_, i) => i % step === 0).slice(0, ANNOTATIONS);
  const labels = ['claim', 'actor', 'figure'] as const;
  await time(
    `create ${chosen.length.toLocaleString('en')} annotations through the API's function`,
    async () => {
      for (const [i, span] of chosen.entries()) {
        await createAnnotation(db, viewer, article.id, { label: labels[i % 3]!, ...span, quote: text.slice(span.start, span.end) });
      }
    },
    { count: chosen.length, name: 'annotations' },
  );
  const listed = await time('list the article\'s annotations with details (opening it)', () => listAnnotations(db, viewer, article.id), {
    count: chosen.length,
    name: 'annotations',
  });
  console.log(`  ${listed.length.toLocaleString('en')} annotations, ${(JSON.stringify(listed).length / 1e6).toFixed(1)} MB as JSON`);

  const figures = listed
    .filter((annotation) => annotation.figure)
    .map((annotation) => ({
      annotationId: annotation.id,
      articleId: annotation.articleId,
      min: annotation.figure!.min,
      max: annotation.figure!.max,
      qualifier: annotation.figure!.qualifier,
      category: annotation.figure!.category,
      counted: annotation.figure!.counted,
      place: annotation.figure!.place,
      time: annotation.figure!.time,
      source: annotation.figure!.sourceText,
      quote: annotation.quote,
    }));
  await time(`suggest comparisons among ${figures.length.toLocaleString('en')} figures`, () =>
    suggestComparisons(figures, { dismissed: new Set(), existing: [] }),
  );

  for (const format of EXPORT_FORMATS) {
    let bytes = 0;
    await time(
      `export the library as ${format.name}`,
      async () => {
        for await (const chunk of format.write(exportArticles(db, viewer, { layer: 'all' }), exportContext('http://localhost:3000'))) {
          bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        }
      },
      { count: chosen.length, name: 'annotations' },
    );
    console.log(`  ${(bytes / 1e6).toFixed(1)} MB`);
  }
  await db.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
