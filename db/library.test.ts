import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, deleteAnnotation } from './annotations';
import { createArticle, deleteArticle, updateArticleMetadata } from './articles';
import { nowIso } from './clock';
import type { Database } from './database';
import { articleChoices, libraryPage, librarySources } from './library';
import { assignments, type Article } from './schema';
import { addReviewer, freshDatabase } from './test-database.test-helper';
import { createArticleVersion } from './versions';

/*
 * The library page (issue 11, point 5): one page at a time, in a stable order, filtered by
 * source, publication date, the viewer's progress and words of the title or text.
 */

afterEach(() => vi.useRealTimers());

let db: Database;
let admin: Viewer;
let clock = Date.parse('2026-01-01T00:00:00Z');

/** Each write a minute after the last, so "added" and "last activity" orders are the test's to choose. */
function tick(): void {
  clock += 60_000;
  vi.setSystemTime(clock);
}

async function add(title: string, fields: { source?: string; publishedOn?: string | null; text?: string } = {}): Promise<Article> {
  tick();
  return createArticle(db, admin, { text: fields.text ?? `${title}. Five fighters were killed near the border.`, title, source: fields.source ?? 'Wire', publishedOn: fields.publishedOn ?? null });
}

function person(username: string): Promise<Viewer> {
  return addReviewer(db, username);
}

async function assign(viewer: Viewer, article: Article, status: 'not_started' | 'in_progress' | 'done'): Promise<void> {
  const at = nowIso();
  await db.write(async (tx) => {
    await tx.insert(assignments).values({ articleId: article.id, reviewerId: viewer.id, status, createdAt: at, updatedAt: at });
  });
}

const titles = async (viewer: Viewer, query: Parameters<typeof libraryPage>[2] = {}) => (await libraryPage(db, viewer, query)).articles.map((row) => row.title);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  tick();
  ({ db, admin } = await freshDatabase('library'));
  // Should the new database hold a sample article: out of the way, so each test lists only its own.
  for (const { id } of await articleChoices(db, admin)) await deleteArticle(db, admin, id);
});

describe('libraryPage', () => {
  it('pages through the library, newest added first, without overlap, and clamps a page past the end', async () => {
    for (const title of ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven']) await add(title);
    const first = await libraryPage(db, admin, { pageSize: 3 });
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 7, pageCount: 3 });
    expect(first.articles.map((row) => row.title)).toEqual(['Seven', 'Six', 'Five']);
    expect(await titles(admin, { pageSize: 3, page: 2 })).toEqual(['Four', 'Three', 'Two']);
    const past = await libraryPage(db, admin, { pageSize: 3, page: 9 });
    expect(past.page).toBe(3);
    expect(past.articles.map((row) => row.title)).toEqual(['One']);
    expect(await titles(admin, { pageSize: 3, sort: 'added', order: 'asc' })).toEqual(['One', 'Two', 'Three']);
  });

  it('sorts by title ignoring case, and by date with undated articles last in both directions', async () => {
    await add('banana', { publishedOn: '2023-11-20' });
    await add('Apple', { publishedOn: null });
    await add('cherry', { publishedOn: '2023-11-22' });
    await add('Date', { publishedOn: '2023-11-21' });
    expect(await titles(admin, { sort: 'title' })).toEqual(['Apple', 'banana', 'cherry', 'Date']);
    expect(await titles(admin, { sort: 'title', order: 'desc' })).toEqual(['Date', 'cherry', 'banana', 'Apple']);
    expect(await titles(admin, { sort: 'date' })).toEqual(['cherry', 'Date', 'banana', 'Apple']);
    expect(await titles(admin, { sort: 'date', order: 'asc' })).toEqual(['banana', 'Date', 'cherry', 'Apple']);
  });

  it('sorts by last activity, which any change to the article or its annotations moves forward', async () => {
    const older = await add('Older');
    const newer = await add('Newer');
    expect(await titles(admin, { sort: 'activity' })).toEqual(['Newer', 'Older']);
    tick();
    const annotation = await createAnnotation(db, admin, older.id, { label: 'figure', start: older.text.indexOf('Five fighters'), end: older.text.indexOf('Five fighters') + 13, quote: 'Five fighters' });
    expect(await titles(admin, { sort: 'activity' })).toEqual(['Older', 'Newer']);
    const activity = (await libraryPage(db, admin)).articles.find((row) => row.id === older.id)!.lastActivityAt;
    expect(activity).toBe(new Date(clock).toISOString());
    tick();
    await updateArticleMetadata(db, admin, newer.id, { source: 'Other wire' });
    expect(await titles(admin, { sort: 'activity' })).toEqual(['Newer', 'Older']);
    tick();
    await deleteAnnotation(db, admin, annotation.id);
    expect(await titles(admin, { sort: 'activity' })).toEqual(['Older', 'Newer']);
    expect(await titles(admin, { sort: 'activity', order: 'asc' })).toEqual(['Newer', 'Older']);
  });

  it('filters by source, by an inclusive date range and by words of the title or text', async () => {
    await add('Strikes in Anbar', { source: 'Reuters', publishedOn: '2023-11-20', text: 'Warplanes struck depots in Anbar overnight.' });
    await add('Casualties reported', { source: 'AP', publishedOn: '2023-11-22', text: 'Officials counted the wounded in Jurf Al Sakhar.' });
    await add('Undated note', { source: 'Reuters', publishedOn: null, text: 'Nothing dated here.' });
    expect(await titles(admin, { source: 'Reuters' })).toEqual(['Undated note', 'Strikes in Anbar']);
    expect(await titles(admin, { from: '2023-11-20', to: '2023-11-21' })).toEqual(['Strikes in Anbar']);
    expect(await titles(admin, { from: '2023-11-22' })).toEqual(['Casualties reported']);
    expect(await titles(admin, { to: '2023-11-22' })).toEqual(['Casualties reported', 'Strikes in Anbar']);
    expect(await titles(admin, { q: 'sakhar' })).toEqual(['Casualties reported']);
    expect(await titles(admin, { q: 'strike' })).toEqual(['Strikes in Anbar']); // a word prefix, in title and text
    expect(await titles(admin, { q: 'depots', source: 'AP' })).toEqual([]);
    expect((await libraryPage(db, admin, { q: '--' })).total).toBe(0);
    expect(await librarySources(db, admin)).toEqual(['AP', 'Reuters']);
  });

  it('lists only the latest version of an article, and never a deleted one', async () => {
    const first = await add('Report');
    await add('Gone');
    await deleteArticle(db, admin, (await libraryPage(db, admin, { q: 'gone' })).articles[0]!.id);
    const next = (await createArticleVersion(db, admin, first.id, { text: `Update. ${first.text}` })).article;
    expect((await libraryPage(db, admin)).articles.map((row) => row.id)).toEqual([next.id]);
    expect((await libraryPage(db, admin)).total).toBe(1);
  });

  it('shows reviewers their assigned articles, their own counts, and filters by their progress', async () => {
    const alice = await person('alice');
    const waiting = await add('Waiting', { source: 'AP' });
    const started = await add('Started', { source: 'Reuters' });
    const finished = await add('Finished', { source: 'AFP' });
    await add('Not assigned', { source: 'Hidden wire' });
    await assign(alice, waiting, 'not_started');
    await assign(alice, started, 'in_progress');
    await assign(alice, finished, 'done');
    const span = { label: 'claim' as const, start: 0, end: 7, quote: 'Started' };
    await createAnnotation(db, alice, started.id, span);
    await createAnnotation(db, admin, started.id, { ...span, label: 'actor' });
    expect(await titles(alice)).toEqual(['Finished', 'Started', 'Waiting']);
    expect(await titles(alice, { progress: 'in_progress' })).toEqual(['Started']);
    expect(await titles(alice, { progress: 'done' })).toEqual(['Finished']);
    expect(await titles(alice, { progress: 'not_started' })).toEqual(['Waiting']);
    // The admin has no assignments of their own except where they annotated (which enrols them).
    expect(await titles(admin, { progress: 'not_started' })).toEqual(['Not assigned', 'Finished', 'Waiting']);
    expect(await titles(admin, { progress: 'in_progress' })).toEqual(['Started']);
    const row = (await libraryPage(db, alice, { q: 'started' })).articles[0]!;
    expect(row.annotationCounts).toEqual({ claim: 1, actor: 0, figure: 0 });
    expect(row.progress.map((entry) => [entry.username, entry.status, entry.annotationCount])).toEqual([
      ['admin', 'in_progress', 1],
      ['alice', 'in_progress', 1],
    ]);
    expect(await librarySources(db, alice)).toEqual(['AFP', 'AP', 'Reuters']);
    expect(await titles(alice, { source: 'Hidden wire' })).toEqual([]);
    expect(await titles(alice, { q: 'assigned' })).toEqual([]);
  });
});
