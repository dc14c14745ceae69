import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, deleteAnnotation } from './annotations';
import { createArticle, deleteArticle, updateArticleMetadata } from './articles';
import { getDb } from './client';
import { nowIso } from './clock';
import { articleChoices, libraryPage, librarySources } from './library';
import { assignments, reviewers, type Article } from './schema';
import { firstAdminReviewer } from './startup-data';
import { createArticleVersion } from './versions';

/*
 * The library page (issue 11, point 5): one page at a time, in a stable order, filtered by
 * source, publication date, the viewer's progress and words of the title or text.
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-library-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

let databases = 0;
let admin: Viewer;
let clock = Date.parse('2026-01-01T00:00:00Z');

/** Each write a minute after the last, so "added" and "last activity" orders are the test's to choose. */
function tick(): void {
  clock += 60_000;
  vi.setSystemTime(clock);
}

function add(title: string, fields: { source?: string; publishedOn?: string | null; text?: string } = {}): Article {
  tick();
  return createArticle(admin, { text: fields.text ?? `${title}. Five fighters were killed near the border.`, title, source: fields.source ?? 'Wire', publishedOn: fields.publishedOn ?? null });
}

function person(username: string): Viewer {
  const row = getDb().insert(reviewers).values({ username, displayName: username, createdAt: nowIso() }).returning().get();
  return { id: row.id, username, displayName: username, role: row.role };
}

function assign(viewer: Viewer, article: Article, status: 'not_started' | 'in_progress' | 'done'): void {
  const at = nowIso();
  getDb().insert(assignments).values({ articleId: article.id, reviewerId: viewer.id, status, createdAt: at, updatedAt: at }).run();
}

const titles = (viewer: Viewer, query: Parameters<typeof libraryPage>[1] = {}) => libraryPage(viewer, query).articles.map((row) => row.title);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  tick();
  databases += 1;
  process.env.DATABASE_PATH = path.join(folder, `library-${databases}.db`);
  const row = firstAdminReviewer(getDb());
  admin = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  // A new database holds the sample article: out of the way, so each test lists only its own.
  for (const { id } of articleChoices(admin)) deleteArticle(admin, id);
});

describe('libraryPage', () => {
  it('pages through the library, newest added first, without overlap, and clamps a page past the end', () => {
    for (const title of ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven']) add(title);
    const first = libraryPage(admin, { pageSize: 3 });
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 7, pageCount: 3 });
    expect(first.articles.map((row) => row.title)).toEqual(['Seven', 'Six', 'Five']);
    expect(titles(admin, { pageSize: 3, page: 2 })).toEqual(['Four', 'Three', 'Two']);
    const past = libraryPage(admin, { pageSize: 3, page: 9 });
    expect(past.page).toBe(3);
    expect(past.articles.map((row) => row.title)).toEqual(['One']);
    expect(titles(admin, { pageSize: 3, sort: 'added', order: 'asc' })).toEqual(['One', 'Two', 'Three']);
  });

  it('sorts by title ignoring case, and by date with undated articles last in both directions', () => {
    add('banana', { publishedOn: '2023-11-20' });
    add('Apple', { publishedOn: null });
    add('cherry', { publishedOn: '2023-11-22' });
    add('Date', { publishedOn: '2023-11-21' });
    expect(titles(admin, { sort: 'title' })).toEqual(['Apple', 'banana', 'cherry', 'Date']);
    expect(titles(admin, { sort: 'title', order: 'desc' })).toEqual(['Date', 'cherry', 'banana', 'Apple']);
    expect(titles(admin, { sort: 'date' })).toEqual(['cherry', 'Date', 'banana', 'Apple']);
    expect(titles(admin, { sort: 'date', order: 'asc' })).toEqual(['banana', 'Date', 'cherry', 'Apple']);
  });

  it('sorts by last activity, which any change to the article or its annotations moves forward', () => {
    const older = add('Older');
    const newer = add('Newer');
    expect(titles(admin, { sort: 'activity' })).toEqual(['Newer', 'Older']);
    tick();
    const annotation = createAnnotation(admin, older.id, { label: 'figure', start: older.text.indexOf('Five fighters'), end: older.text.indexOf('Five fighters') + 13, quote: 'Five fighters' });
    expect(titles(admin, { sort: 'activity' })).toEqual(['Older', 'Newer']);
    const activity = libraryPage(admin).articles.find((row) => row.id === older.id)!.lastActivityAt;
    expect(activity).toBe(new Date(clock).toISOString());
    tick();
    updateArticleMetadata(admin, newer.id, { source: 'Other wire' });
    expect(titles(admin, { sort: 'activity' })).toEqual(['Newer', 'Older']);
    tick();
    deleteAnnotation(admin, annotation.id);
    expect(titles(admin, { sort: 'activity' })).toEqual(['Older', 'Newer']);
    expect(titles(admin, { sort: 'activity', order: 'asc' })).toEqual(['Newer', 'Older']);
  });

  it('filters by source, by an inclusive date range and by words of the title or text', () => {
    add('Strikes in Anbar', { source: 'Reuters', publishedOn: '2023-11-20', text: 'Warplanes struck depots in Anbar overnight.' });
    add('Casualties reported', { source: 'AP', publishedOn: '2023-11-22', text: 'Officials counted the wounded in Jurf Al Sakhar.' });
    add('Undated note', { source: 'Reuters', publishedOn: null, text: 'Nothing dated here.' });
    expect(titles(admin, { source: 'Reuters' })).toEqual(['Undated note', 'Strikes in Anbar']);
    expect(titles(admin, { from: '2023-11-20', to: '2023-11-21' })).toEqual(['Strikes in Anbar']);
    expect(titles(admin, { from: '2023-11-22' })).toEqual(['Casualties reported']);
    expect(titles(admin, { to: '2023-11-22' })).toEqual(['Casualties reported', 'Strikes in Anbar']);
    expect(titles(admin, { q: 'sakhar' })).toEqual(['Casualties reported']);
    expect(titles(admin, { q: 'strike' })).toEqual(['Strikes in Anbar']); // a word prefix, in title and text
    expect(titles(admin, { q: 'depots', source: 'AP' })).toEqual([]);
    expect(libraryPage(admin, { q: '--' }).total).toBe(0);
    expect(librarySources(admin)).toEqual(['AP', 'Reuters']);
  });

  it('lists only the latest version of an article, and never a deleted one', () => {
    const first = add('Report');
    add('Gone');
    deleteArticle(admin, libraryPage(admin, { q: 'gone' }).articles[0]!.id);
    const next = createArticleVersion(admin, first.id, { text: `Update. ${first.text}` }).article;
    expect(libraryPage(admin).articles.map((row) => row.id)).toEqual([next.id]);
    expect(libraryPage(admin).total).toBe(1);
  });

  it('shows reviewers their assigned articles, their own counts, and filters by their progress', () => {
    const alice = person('alice');
    const waiting = add('Waiting', { source: 'AP' });
    const started = add('Started', { source: 'Reuters' });
    const finished = add('Finished', { source: 'AFP' });
    add('Not assigned', { source: 'Hidden wire' });
    assign(alice, waiting, 'not_started');
    assign(alice, started, 'in_progress');
    assign(alice, finished, 'done');
    const span = { label: 'claim' as const, start: 0, end: 7, quote: 'Started' };
    createAnnotation(alice, started.id, span);
    createAnnotation(admin, started.id, { ...span, label: 'actor' });
    expect(titles(alice)).toEqual(['Finished', 'Started', 'Waiting']);
    expect(titles(alice, { progress: 'in_progress' })).toEqual(['Started']);
    expect(titles(alice, { progress: 'done' })).toEqual(['Finished']);
    expect(titles(alice, { progress: 'not_started' })).toEqual(['Waiting']);
    // The admin has no assignments of their own except where they annotated (which enrols them).
    expect(titles(admin, { progress: 'not_started' })).toEqual(['Not assigned', 'Finished', 'Waiting']);
    expect(titles(admin, { progress: 'in_progress' })).toEqual(['Started']);
    const row = libraryPage(alice, { q: 'started' }).articles[0]!;
    expect(row.annotationCounts).toEqual({ claim: 1, actor: 0, figure: 0 });
    expect(row.progress.map((entry) => [entry.username, entry.status, entry.annotationCount])).toEqual([
      ['admin', 'in_progress', 1],
      ['alice', 'in_progress', 1],
    ]);
    expect(librarySources(alice)).toEqual(['AFP', 'AP', 'Reuters']);
    expect(titles(alice, { source: 'Hidden wire' })).toEqual([]);
    expect(titles(alice, { q: 'assigned' })).toEqual([]);
  });
});
