import { beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { createAnnotation, deleteAnnotation, listAnnotations } from './annotations';
import { addArticle } from './article-add';
import { createArticle, getArticle } from './articles';
import { libraryPage } from './library';
import { nowIso } from './clock';
import type { Database } from './database';
import { assignments, history, reviewers, type Article } from './schema';
import { freshDatabase } from './test-database.test-helper';
import { listSuggestions } from './comparisons';
import { createArticleVersion, listFigureChanges, listOrphans, listVersions } from './versions';

/*
 * Article versions (issue 13, point 4): an update of a story keeps the old version, carries
 * each annotation of every layer over, shows changed figures and never drops an orphan.
 */

const KEPT = 'The militia said the strike hit a warehouse used by Kataib Hezbollah.';
const REMOVED = 'A spokesman for the coalition declined to comment on the casualty count.';
const FIRST = `Officials said five fighters were killed near the border on Tuesday morning. ${KEPT} ${REMOVED}`;
const SECOND = `An update was published today with new details. Officials said six fighters were killed near the border on Tuesday morning. ${KEPT}`;

let db: Database;
let admin: Viewer;
let alice: Viewer;
let article: Article;

/** A reviewer assigned to the first version, in progress. */
async function assignedReviewer(username: string, displayName: string): Promise<Viewer> {
  const row = await db.write(async (tx) => {
    const [inserted] = await tx.insert(reviewers).values({ username, displayName, createdAt: nowIso() }).returning();
    const at = nowIso();
    await tx.insert(assignments).values({ articleId: article.id, reviewerId: inserted!.id, status: 'in_progress', createdAt: at, updatedAt: at });
    return inserted!;
  });
  return { id: row.id, username, displayName, role: row.role };
}

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('versions'));
  article = await createArticle(db, admin, { text: FIRST, title: 'Strike' });
  alice = await assignedReviewer('alice', 'Alice');
});

function tag(viewer: Viewer, quote: string, label: Label, note = '') {
  const start = FIRST.indexOf(quote);
  return createAnnotation(db, viewer, article.id, { start, end: start + quote.length, quote, label, note });
}

describe('a new version of an article', () => {
  it('carries every layer’s spans, re-reads a changed figure and keeps what it cannot place as an orphan', async () => {
    const figure = await tag(admin, 'five fighters', 'figure');
    expect(figure.figure?.min).toBe(5);
    await tag(alice, 'Kataib Hezbollah', 'actor', 'the group named');
    const claim = await tag(admin, REMOVED.slice(0, -1), 'claim', 'check with the coalition');

    const report = await createArticleVersion(db, admin, article.id, { text: SECOND });
    expect(report).toMatchObject({ exact: 1, fuzzy: 1, orphans: 1 });
    const next = report.article;
    expect(next.versionNumber).toBe(2);

    const adminLayer = await listAnnotations(db, admin, next.id, admin.id);
    expect(adminLayer.map((a) => [a.label, a.quote, a.carriedFromId])).toEqual([['figure', 'six fighters', figure.id]]);
    expect(adminLayer[0]!.figure).toMatchObject({ min: 6, max: 6, category: 'killed' });
    const aliceLayer = await listAnnotations(db, alice, next.id, alice.id);
    expect(aliceLayer.map((a) => [a.quote, a.note, a.actor?.canonicalName])).toEqual([['Kataib Hezbollah', 'the group named', 'Kataib Hezbollah']]);
    expect(SECOND.slice(aliceLayer[0]!.start, aliceLayer[0]!.end)).toBe('Kataib Hezbollah');

    expect(await listFigureChanges(db, admin, next.id, admin.id)).toEqual([
      { annotationId: adminLayer[0]!.id, quote: 'six fighters', was: { min: 5, max: 5 }, now: { min: 6, max: 6 }, fromVersion: 1 },
    ]);
    expect(await listOrphans(db, admin, next.id, admin.id)).toEqual([
      { annotationId: claim.id, label: 'claim', quote: REMOVED.slice(0, -1), note: 'check with the coalition', fromVersion: 1 },
    ]);
    expect(await listOrphans(db, admin, next.id, alice.id)).toEqual([]);

    // The old version stays readable with its annotations; the library lists the latest only.
    expect(await listAnnotations(db, admin, article.id, admin.id)).toHaveLength(2);
    expect((await getArticle(db, admin, article.id)).nextVersionId).toBe(next.id);
    expect((await libraryPage(db, admin)).articles.map((row) => row.id)).toEqual([next.id]);
    // A figure and its own earlier self are a change over time, not two sources to compare.
    expect(await listSuggestions(db, admin, next.id)).toEqual([]);
    expect((await listVersions(db, alice, article.id)).map((v) => [v.id, v.versionNumber])).toEqual([
      [article.id, 1],
      [next.id, 2],
    ]);

    // Each carried annotation has its own history row.
    const created = (await db.read((conn) => conn.select().from(history))).filter((row) => row.articleId === next.id && row.entityType === 'annotation');
    expect(created).toHaveLength(2);
  });

  it('keeps blind mode: a reviewer does not see another layer’s orphans before being done', async () => {
    await tag(admin, REMOVED.slice(0, -1), 'claim');
    const bob = await assignedReviewer('bob', 'Bob');
    const bobClaim = await createAnnotation(db, bob, article.id, { start: FIRST.indexOf(REMOVED), end: FIRST.indexOf(REMOVED) + 11, quote: 'A spokesman', label: 'actor' });
    const next = (await createArticleVersion(db, admin, article.id, { text: SECOND })).article;
    expect((await listOrphans(db, bob, next.id, bob.id)).map((o) => o.annotationId)).toEqual([bobClaim.id]);
    expect(await listOrphans(db, alice, next.id, bob.id)).toEqual([]);
  });

  it('refuses reviewers, unchanged text and a version of an old version; ignores deleted annotations', async () => {
    const gone = await tag(admin, 'five fighters', 'figure');
    await deleteAnnotation(db, admin, gone.id);
    await expect(createArticleVersion(db, alice, article.id, { text: SECOND })).rejects.toThrow(/Only an admin/);
    await expect(createArticleVersion(db, admin, article.id, { text: FIRST })).rejects.toThrow(/same as the current version/);
    const report = await createArticleVersion(db, admin, article.id, { text: SECOND });
    expect(report).toMatchObject({ exact: 0, fuzzy: 0, orphans: 0 });
    await expect(createArticleVersion(db, admin, article.id, { text: `${SECOND} More.` })).rejects.toThrow(/latest/);
  });
});

describe('suggestions across versions', () => {
  it('never sets a figure beside its own earlier version, while another outlet’s report of the same figure is offered', async () => {
    const before = 'Officials said five fighters were killed in Jurf Al Sakhar on Tuesday.';
    const after = 'Officials said six fighters were killed in Jurf Al Sakhar on Tuesday.';
    const figureOf = async (articleId: number, text: string, quote: string) => {
      const start = text.indexOf(quote);
      return (await createAnnotation(db, admin, articleId, { start, end: start + quote.length, quote, label: 'figure' })).id;
    };
    const story = await createArticle(db, admin, { text: before, title: 'Story' });
    await figureOf(story.id, before, 'five fighters were killed');
    const update = (await createArticleVersion(db, admin, story.id, { text: after })).article;
    expect(await listSuggestions(db, admin, update.id)).toEqual([]);

    // The control: the same earlier text from another outlet is a second source, and is offered.
    const otherOutlet = await createArticle(db, admin, { text: before, title: 'Other outlet' });
    const theirs = await figureOf(otherOutlet.id, before, 'five fighters were killed');
    const [carried] = (await listAnnotations(db, admin, update.id)).map((annotation) => annotation.id);
    expect((await listSuggestions(db, admin, update.id)).map((suggestion) => suggestion.annotationIds)).toEqual([[carried, theirs].sort((a, b) => a! - b!)]);
  });
});

describe('adding an article from an address the library holds', () => {
  it('refuses by default, naming the article; adds a new version or a separate article when asked', async () => {
    const url = 'https://www.example.org/news/strike?utm_source=feed';
    const first = (await addArticle(db, admin, { text: FIRST, title: 'Strike', url })).article;
    const start = FIRST.indexOf('Kataib Hezbollah');
    await createAnnotation(db, admin, first.id, { start, end: start + 'Kataib Hezbollah'.length, quote: 'Kataib Hezbollah', label: 'actor' });
    // The same page written differently: http, no "www.", no tracking parameter.
    const again = { text: SECOND, url: 'http://example.org/news/strike', publishedOn: '2023-11-23', publishedTime: '09:15Z' };
    let refusal: unknown;
    try {
      await addArticle(db, admin, again);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'article_url_taken', status: 409, details: { articleId: first.id, title: 'Strike', versionNumber: 1 } });

    const added = await addArticle(db, admin, again, 'new-version');
    expect(added.version).toMatchObject({ exact: 1 });
    expect(added.article).toMatchObject({ versionNumber: 2, previousVersionId: first.id, publishedOn: '2023-11-23', publishedTime: '09:15Z' });
    // The next update is offered against the latest version, not the first.
    await expect(addArticle(db, admin, { text: `${SECOND} More.`, url })).rejects.toThrow(/already has “Strike”/);
    expect((await addArticle(db, admin, { text: `${SECOND} More.`, url }, 'new-version')).article.versionNumber).toBe(3);

    const separate = await addArticle(db, admin, { text: 'Another report entirely.', url }, 'add');
    expect(separate).toMatchObject({ version: null, article: { versionNumber: 1, previousVersionId: null } });
    expect((await addArticle(db, admin, { text: 'A different page.', url: 'https://example.org/news/other' })).version).toBeNull();
  });
});
