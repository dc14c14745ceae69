import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportedArticle } from '../lib/import/types';
import type { Viewer } from './access';
import { createArticle } from './articles';
import type { Database } from './database';
import { libraryPage } from './library';
import { importParsedFile, type ParsedFile } from './import';
import { freshDatabase } from './test-database.test-helper';

// The imports are async (they yield between transactions), so the timeout applies to them; a busy
// machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

let db: Database;
/** The first admin, as the import command acts. */
let admin: Viewer;

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('import'));
});

const articleCount = async () => (await libraryPage(db, admin)).total;

function plain(index: number, extra: Partial<ImportedArticle> = {}): ImportedArticle {
  return { text: `Report ${index}: officials said ${index} sites were hit.`, annotations: [], origin: { file: 'bulk.jsonl', line: index + 1 }, ...extra };
}

function file(articles: ImportedArticle[]): ParsedFile {
  return { articles, problems: [] };
}

describe('importParsedFile: long jobs in short transactions', () => {
  it('writes a chunk of articles per transaction and lets other work run between chunks', async () => {
    const before = await articleCount();
    // What another request would see if it ran on this process while the import goes on.
    const seen = new Set<number>();
    let running = true;
    const watch = async () => {
      seen.add((await articleCount()) - before);
      if (running) setImmediate(() => void watch());
    };
    setImmediate(() => void watch());
    const report = await importParsedFile(db, admin, 'bulk.jsonl', file(Array.from({ length: 60 }, (_, i) => plain(i))), { articlesPerTransaction: 25 });
    running = false;
    expect(report).toMatchObject({ imported: true, problems: [], skipped: [] });
    expect(report.articleIds).toHaveLength(60);
    expect((await articleCount()) - before).toBe(60);
    // Between chunks the others saw each committed chunk, never half of one.
    expect([...seen].filter((count) => count > 0 && count < 60).sort((a, b) => a - b)).toEqual([25, 50]);
  });

  it('checks every article before writing any: one bad span in the last chunk writes nothing', async () => {
    const before = await articleCount();
    const articles = Array.from({ length: 30 }, (_, i) => plain(i));
    const text = articles[28]!.text;
    articles[28] = { ...articles[28]!, text, annotations: [{ label: 'figure', start: 0, end: 6, quote: 'Wrong!', note: '' }] };
    const report = await importParsedFile(db, admin, 'bulk.jsonl', file(articles), { articlesPerTransaction: 25 });
    expect(report.imported).toBe(false);
    expect(report.articleIds).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: 'bulk.jsonl', line: 29 });
    expect(report.problems[0]!.message).toMatch(/^figure 0–6: /);
    expect(await articleCount()).toBe(before);
  });

  it('refuses an article with no text before writing the others', async () => {
    const before = await articleCount();
    const report = await importParsedFile(db, admin, 'bulk.jsonl', file([plain(0), plain(1, { text: '  \n ' })]));
    expect(report.imported).toBe(false);
    expect(report.problems).toEqual([{ file: 'bulk.jsonl', line: 2, message: 'The article has no text: paste or upload some text first.' }]);
    expect(await articleCount()).toBe(before);
  });
});

describe('importParsedFile: duplicate URLs', () => {
  it('skips and reports an article whose canonical URL the library has, or the file had earlier', async () => {
    const existing = await createArticle(db, admin, { text: 'Already here.', url: 'https://example.com/news/a' });
    const before = await articleCount();
    const report = await importParsedFile(
      db,
      admin,
      'bulk.jsonl',
      file([
        plain(0, { url: 'http://WWW.example.com/news/a/?utm_source=newsletter#top', title: 'Same as the library' }),
        plain(1, { url: 'https://example.com/news/b' }),
        plain(2, { url: 'https://example.com/news/b/', title: 'Twice in this file' }),
        plain(3),
        plain(4),
      ]),
    );
    expect(report.imported).toBe(true);
    expect(report.articleIds).toHaveLength(3);
    expect(report.skipped).toEqual([
      { file: 'bulk.jsonl', line: 1, title: 'Same as the library', url: 'http://WWW.example.com/news/a/?utm_source=newsletter#top', existingArticleId: existing.id },
      { file: 'bulk.jsonl', line: 3, title: 'Twice in this file', url: 'https://example.com/news/b/', existingArticleId: null },
    ]);
    expect(await articleCount()).toBe(before + 3);
  });

  it('imports duplicates when asked to', async () => {
    await createArticle(db, admin, { text: 'Already here.', url: 'https://example.com/news/a' });
    const before = await articleCount();
    const articles = [plain(0, { url: 'https://example.com/news/a' }), plain(1, { url: 'https://example.com/news/a' })];
    const report = await importParsedFile(db, admin, 'bulk.jsonl', file(articles), { allowDuplicates: true });
    expect(report).toMatchObject({ imported: true, skipped: [] });
    expect(await articleCount()).toBe(before + 2);
  });

  it('reports a file of duplicates only as imported with nothing written, not as refused', async () => {
    const existing = await createArticle(db, admin, { text: 'Already here.', url: 'https://example.com/news/a' });
    const report = await importParsedFile(db, admin, 'page.html', file([plain(0, { url: 'https://example.com/news/a#x', origin: { file: 'page.html', line: null } })]));
    expect(report).toMatchObject({ imported: true, articleIds: [], problems: [] });
    expect(report.skipped).toEqual([
      { file: 'page.html', line: null, title: 'Report 0: officials said 0 sites were hit', url: 'https://example.com/news/a#x', existingArticleId: existing.id },
    ]);
  });

  it('does not count a deleted article as a duplicate', async () => {
    const { deleteArticle } = await import('./articles');
    const gone = await createArticle(db, admin, { text: 'Deleted later.', url: 'https://example.com/news/a' });
    await deleteArticle(db, admin, gone.id);
    const report = await importParsedFile(db, admin, 'bulk.jsonl', file([plain(0, { url: 'https://example.com/news/a' })]));
    expect(report.skipped).toEqual([]);
    expect(report.articleIds).toHaveLength(1);
  });
});
