import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle, updateArticleMetadata } from './articles';
import { getDb } from './client';
import { nowIso } from './clock';
import { assignments, reviewers, type Article } from './schema';
import { searchLibrary } from './search';
import { firstAdminReviewer } from './startup-data';
import { createArticleVersion } from './versions';

const TEXT = 'Officials said five fighters were killed near the border. Kataib Hezbollah said the strike hit a warehouse.';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-search-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let count = 0;
let admin: Viewer;
let article: Article;

function person(username: string, status: 'in_progress' | 'done' | null): Viewer {
  const row = getDb().insert(reviewers).values({ username, displayName: username, createdAt: nowIso() }).returning().get();
  if (status) {
    const at = nowIso();
    getDb().insert(assignments).values({ articleId: article.id, reviewerId: row.id, status, createdAt: at, updatedAt: at }).run();
  }
  return { id: row.id, username, displayName: username, role: row.role };
}

function tag(viewer: Viewer, quote: string, label: 'claim' | 'actor' | 'figure', note = '') {
  const start = TEXT.indexOf(quote);
  return createAnnotation(viewer, article.id, { start, end: start + quote.length, quote, label, note });
}

beforeEach(() => {
  count += 1;
  process.env.DATABASE_PATH = path.join(folder, `search-${count}.db`);
  const row = firstAdminReviewer(getDb());
  admin = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  article = createArticle(admin, { text: TEXT, title: 'Strike on the border warehouse' });
});

describe('searchLibrary', () => {
  it('finds articles by title and text, and annotations by quote, note, actor and figure fields', () => {
    const figure = tag(admin, 'five fighters', 'figure', 'casualty count disputed');
    const actor = tag(admin, 'Kataib Hezbollah', 'actor');
    expect(searchLibrary(admin, 'warehouse').articles.map((hit) => hit.id)).toEqual([article.id]);
    expect(searchLibrary(admin, 'ware').articles[0]?.snippet).toContain('«warehouse»');
    expect(searchLibrary(admin, 'disputed').annotations.map((hit) => hit.id)).toEqual([figure.id]);
    expect(searchLibrary(admin, 'fighters').annotations.map((hit) => hit.id)).toEqual([figure.id]);
    expect(searchLibrary(admin, 'killed').annotations.map((hit) => hit.id)).toEqual([figure.id]); // the figure's category
    expect(searchLibrary(admin, 'hezbollah').annotations.map((hit) => hit.id)).toEqual([actor.id]);
    // Kept in sync on change.
    updateAnnotation(admin, figure.id, { note: 'confirmed later', figure: { place: 'Jurf al-Sakhar' } });
    expect(searchLibrary(admin, 'disputed').annotations).toEqual([]);
    expect(searchLibrary(admin, 'sakhar confirmed').annotations.map((hit) => hit.id)).toEqual([figure.id]);
    updateArticleMetadata(admin, article.id, { title: 'Renamed report' });
    expect(searchLibrary(admin, 'renamed').articles.map((hit) => hit.id)).toEqual([article.id]);
    expect(searchLibrary(admin, '"NOT (').articles).toEqual([]);
  });

  it('respects access: assignments, blind layers and the latest version only', () => {
    const alice = person('alice', 'in_progress');
    const bob = person('bob', 'in_progress');
    const carol = person('carol', null);
    tag(bob, 'five fighters', 'figure', 'bob private note');
    expect(searchLibrary(admin, 'private').annotations).toHaveLength(1);
    expect(searchLibrary(alice, 'private').annotations).toEqual([]);
    expect(searchLibrary(bob, 'private').annotations).toHaveLength(1);
    expect(searchLibrary(carol, 'warehouse').articles).toEqual([]);
    expect(searchLibrary(alice, 'warehouse').articles).toHaveLength(1);
    const next = createArticleVersion(admin, article.id, { text: `Update. ${TEXT}` }).article;
    expect(searchLibrary(admin, 'warehouse').articles.map((hit) => hit.id)).toEqual([next.id]);
    expect(searchLibrary(bob, 'private').annotations.map((hit) => hit.articleId)).toEqual([next.id]);
  });
});
