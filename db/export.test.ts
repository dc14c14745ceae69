import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { insertArticle } from './article-insert';
import { deleteArticle } from './articles';
import { createAnnotation } from './annotations';
import { assignReviewer } from './assignments';
import type { Database } from './database';
import { countExportArticles, EXPORT_PAGE_SIZE, exportArticles } from './export';
import { reviewers } from './schema';
import { freshDatabase } from './test-database.test-helper';

/*
 * exportArticles reads the library a page at a time (EXPORT_PAGE_SIZE articles per db.read,
 * keyset on the id): every article once, in order, across page boundaries, and the connection
 * free between pages.
 */

let db: Database;
let admin: Viewer;
let ids: number[];

const COUNT = 2 * EXPORT_PAGE_SIZE + 3;

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('export'));
  ids = await db.write(async (tx) => {
    const made: number[] = [];
    for (let n = 0; n < COUNT; n += 1) made.push((await insertArticle(tx, { text: `Report ${n}: five fighters were killed.`, title: `Report ${n}` }, admin.id)).id);
    return made;
  });
});

async function exportedIds(viewer: Viewer, selection: Parameters<typeof exportArticles>[2] = {}): Promise<number[]> {
  const seen: number[] = [];
  for await (const article of exportArticles(db, viewer, { layer: 'all', ...selection })) seen.push(article.id);
  return seen;
}

describe('exportArticles', () => {
  it('yields every article once, in id order, across pages', async () => {
    expect(await exportedIds(admin)).toEqual(ids);
    expect(await countExportArticles(db, admin, { layer: 'all' })).toBe(COUNT);
  });

  it('keeps the order of the ids it was given, without repeats, across pages', async () => {
    const chosen = [...ids].reverse();
    expect(await exportedIds(admin, { ids: [...chosen, chosen[0]!] })).toEqual(chosen);
    expect(await countExportArticles(db, admin, { layer: 'all', ids: [...chosen, chosen[0]!] })).toBe(COUNT);
  });

  it('refuses an unknown id before yielding anything', async () => {
    await expect(exportedIds(admin, { ids: [ids[0]!, 999_999] })).rejects.toMatchObject({ code: 'article_not_found' });
    await expect(countExportArticles(db, admin, { ids: [999_999] })).rejects.toMatchObject({ code: 'article_not_found' });
  });

  it('gives a reviewer only the articles assigned to them', async () => {
    const [row] = await db.write((tx) => tx.insert(reviewers).values({ username: 'alice', displayName: 'Alice', createdAt: new Date().toISOString() }).returning());
    const alice: Viewer = { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
    const assigned = [ids[1]!, ids[EXPORT_PAGE_SIZE + 1]!];
    for (const id of assigned) await assignReviewer(db, admin, id, alice.id);
    expect(await exportedIds(alice, { layer: undefined })).toEqual(assigned);
    await expect(exportedIds(alice, { layer: undefined, ids: [ids[0]!] })).rejects.toMatchObject({ code: 'article_not_found' });
  });

  it('lets go of the connection between pages: a write finishes while the export waits, and later pages see it', async () => {
    const articles = exportArticles(db, admin, { layer: 'all' });
    const first = await articles.next();
    expect(first.value?.id).toBe(ids[0]);
    // The consumer is slow: meanwhile a write commits, which it could not while a read held the connection.
    const last = ids.at(-1)!;
    await deleteArticle(db, admin, last);
    const start = `Report ${EXPORT_PAGE_SIZE}: `.length;
    const figure = await createAnnotation(db, admin, ids[EXPORT_PAGE_SIZE]!, { label: 'figure', start, end: start + 4, quote: 'five' });
    const rest: number[] = [];
    let annotated: number[] = [];
    for await (const article of articles) {
      rest.push(article.id);
      if (article.id === ids[EXPORT_PAGE_SIZE]) annotated = article.annotations.map((annotation) => annotation.id);
    }
    expect(rest).toEqual(ids.slice(1, -1));
    expect(annotated).toEqual([figure.id]);
  });
});
