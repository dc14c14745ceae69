import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle, updateArticleMetadata } from './articles';
import { nowIso } from './clock';
import type { Database } from './database';
import { assignments, reviewers, type Article } from './schema';
import { searchLibrary } from './search';
import { freshDatabase } from './test-database.test-helper';
import { createArticleVersion } from './versions';

const TEXT = 'Officials said five fighters were killed near the border. Kataib Hezbollah said the strike hit a warehouse.';

let db: Database;
let admin: Viewer;
let article: Article;

async function person(username: string, status: 'in_progress' | 'done' | null): Promise<Viewer> {
  const row = await db.write(async (tx) => {
    const [inserted] = await tx.insert(reviewers).values({ username, displayName: username, createdAt: nowIso() }).returning();
    if (status) {
      const at = nowIso();
      await tx.insert(assignments).values({ articleId: article.id, reviewerId: inserted!.id, status, createdAt: at, updatedAt: at });
    }
    return inserted!;
  });
  return { id: row.id, username, displayName: username, role: row.role };
}

function tag(viewer: Viewer, quote: string, label: 'claim' | 'actor' | 'figure', note = '') {
  const start = TEXT.indexOf(quote);
  return createAnnotation(db, viewer, article.id, { start, end: start + quote.length, quote, label, note });
}

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('search'));
  article = await createArticle(db, admin, { text: TEXT, title: 'Strike on the border warehouse' });
});

describe('searchLibrary', () => {
  it('finds articles by title and text, and annotations by quote, note, actor and figure fields', async () => {
    const figure = await tag(admin, 'five fighters', 'figure', 'casualty count disputed');
    const actor = await tag(admin, 'Kataib Hezbollah', 'actor');
    expect((await searchLibrary(db, admin, 'warehouse')).articles.map((hit) => hit.id)).toEqual([article.id]);
    expect((await searchLibrary(db, admin, 'ware')).articles[0]?.snippet).toContain('«warehouse»');
    expect((await searchLibrary(db, admin, 'disputed')).annotations.map((hit) => hit.id)).toEqual([figure.id]);
    expect((await searchLibrary(db, admin, 'fighters')).annotations.map((hit) => hit.id)).toEqual([figure.id]);
    expect((await searchLibrary(db, admin, 'killed')).annotations.map((hit) => hit.id)).toEqual([figure.id]); // the figure's category
    expect((await searchLibrary(db, admin, 'hezbollah')).annotations.map((hit) => hit.id)).toEqual([actor.id]);
    // Kept in sync on change.
    await updateAnnotation(db, admin, figure.id, { note: 'confirmed later', figure: { place: 'Jurf al-Sakhar' } });
    expect((await searchLibrary(db, admin, 'disputed')).annotations).toEqual([]);
    expect((await searchLibrary(db, admin, 'sakhar confirmed')).annotations.map((hit) => hit.id)).toEqual([figure.id]);
    await updateArticleMetadata(db, admin, article.id, { title: 'Renamed report' });
    expect((await searchLibrary(db, admin, 'renamed')).articles.map((hit) => hit.id)).toEqual([article.id]);
    expect((await searchLibrary(db, admin, '"NOT (')).articles).toEqual([]);
  });

  it('respects access: assignments, blind layers and the latest version only', async () => {
    const alice = await person('alice', 'in_progress');
    const bob = await person('bob', 'in_progress');
    const carol = await person('carol', null);
    await tag(bob, 'five fighters', 'figure', 'bob private note');
    expect((await searchLibrary(db, admin, 'private')).annotations).toHaveLength(1);
    expect((await searchLibrary(db, alice, 'private')).annotations).toEqual([]);
    expect((await searchLibrary(db, bob, 'private')).annotations).toHaveLength(1);
    expect((await searchLibrary(db, carol, 'warehouse')).articles).toEqual([]);
    expect((await searchLibrary(db, alice, 'warehouse')).articles).toHaveLength(1);
    const next = (await createArticleVersion(db, admin, article.id, { text: `Update. ${TEXT}` })).article;
    expect((await searchLibrary(db, admin, 'warehouse')).articles.map((hit) => hit.id)).toEqual([next.id]);
    expect((await searchLibrary(db, bob, 'private')).annotations.map((hit) => hit.articleId)).toEqual([next.id]);
  });
});
