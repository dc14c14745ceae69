import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { getActorProfile, listActors, updateActor } from './actors';
import { createAnnotation, deleteAnnotation, getAnnotation, listAnnotations, updateAnnotation } from './annotations';
import { createArticle, setArticleSharing } from './articles';
import { libraryPage } from './library';
import { assignReviewer, ownProgress, setOwnProgress } from './assignments';
import type { Database } from './database';
import { countExportArticles, exportArticles } from './export';
import { articleLayers } from './layers';
import { commandLineViewer, goldLayerId } from './reviewers';
import { actors } from './schema';
import { statusOf } from './status-of.test-helper';
import { addReviewer, freshDatabase } from './test-database.test-helper';

let db: Database;

beforeEach(async () => {
  ({ db } = await freshDatabase('access'));
});

const TEXT = 'Kataib Hezbollah said five of its fighters were killed. Other groups said five fighters were wounded.';

function person(username: string): Promise<Viewer> {
  return addReviewer(db, username);
}

function span(quote: string, label: 'claim' | 'actor' | 'figure' = 'figure') {
  const start = TEXT.indexOf(quote);
  return { label, start, end: start + quote.length, quote };
}

/** A fresh article with alice and bob assigned and one figure each, blind by default. */
async function team() {
  const admin = await commandLineViewer(db);
  const alice = await person(`alice${Math.random().toString(36).slice(2, 8)}`);
  const bob = await person(`bob${Math.random().toString(36).slice(2, 8)}`);
  const article = await createArticle(db, admin, { text: TEXT, title: 'Access' });
  await assignReviewer(db, admin, article.id, alice.id);
  await assignReviewer(db, admin, article.id, bob.id);
  const aliceFigure = await createAnnotation(db, alice, article.id, span('five of its fighters were killed'));
  const bobFigure = await createAnnotation(db, bob, article.id, span('five fighters were wounded'));
  return { admin, alice, bob, article, aliceFigure, bobFigure };
}

describe('blind annotation', () => {
  it('shows a reviewer only their own layer until they are done, then the others read-only', async () => {
    const { alice, bob, article, aliceFigure, bobFigure } = await team();
    expect(await listAnnotations(db, alice, article.id, bob.id)).toEqual([]);
    expect(await statusOf(() => getAnnotation(db, alice, bobFigure.id))).toBe(404);
    expect((await articleLayers(db, alice, article.id)).map((layer) => layer.username)).toEqual([alice.username]);

    await setOwnProgress(db, alice, article.id, 'done');
    expect((await listAnnotations(db, alice, article.id, bob.id)).map((annotation) => annotation.id)).toEqual([bobFigure.id]);
    expect((await articleLayers(db, alice, article.id)).map((layer) => [layer.username, layer.writable])).toEqual([
      [alice.username, true],
      [bob.username, false],
    ]);
    expect(await statusOf(() => updateAnnotation(db, alice, bobFigure.id, { note: 'mine now' }))).toBe(403);
    expect(await statusOf(() => deleteAnnotation(db, alice, bobFigure.id))).toBe(403);
    // Bob is not done: Alice's layer stays hidden from him.
    expect(await statusOf(() => getAnnotation(db, bob, aliceFigure.id))).toBe(404);
  });

  it('lifts for everyone assigned when an admin shares the article', async () => {
    const { admin, bob, article, aliceFigure } = await team();
    await setArticleSharing(db, admin, article.id, 'shared');
    expect((await getAnnotation(db, bob, aliceFigure.id)).id).toBe(aliceFigure.id);
  });

  it('keeps unassigned articles out of sight altogether', async () => {
    const { article, aliceFigure } = await team();
    const carol = await person(`carol${Math.random().toString(36).slice(2, 8)}`);
    expect((await libraryPage(db, carol)).articles.map((row) => row.id)).not.toContain(article.id);
    expect(await statusOf(() => listAnnotations(db, carol, article.id))).toBe(404);
    expect(await statusOf(() => getAnnotation(db, carol, aliceFigure.id))).toBe(404);
    expect(await statusOf(() => createAnnotation(db, carol, article.id, span('Kataib Hezbollah', 'actor')))).toBe(404);
  });
});

describe('layers and progress', () => {
  it('starts the work with the first annotation, and only admins write gold', async () => {
    const { admin, alice, article } = await team();
    const goldId = await goldLayerId(db);
    expect(await ownProgress(db, alice, article.id)).toBe('in_progress');
    expect(await statusOf(() => createAnnotation(db, alice, article.id, span('Kataib Hezbollah', 'actor'), goldId))).toBe(403);
    const gold = await createAnnotation(db, admin, article.id, span('Kataib Hezbollah', 'actor'), goldId);
    expect(gold.reviewerId).toBe(goldId);
    expect(await statusOf(() => getAnnotation(db, alice, gold.id))).toBe(404);
    // Writing gold does not enrol the admin as a reviewer of the article.
    expect(await ownProgress(db, admin, article.id)).toBe('not_started');
  });

  it('exports gold by default for admins, and a reviewer only their own layer', async () => {
    const { admin, alice, bob, article } = await team();
    await createAnnotation(db, admin, article.id, span('Kataib Hezbollah', 'actor'), await goldLayerId(db));
    const quotes = async (viewer: Viewer, layer?: string) => {
      const found: string[] = [];
      for await (const exported of exportArticles(db, viewer, { ids: [article.id], layer })) {
        found.push(...exported.annotations.map((annotation) => annotation.quote));
      }
      return found;
    };
    expect(await quotes(admin)).toEqual(['Kataib Hezbollah']);
    expect(await quotes(admin, bob.username)).toEqual(['five fighters were wounded']);
    expect(await quotes(admin, 'all')).toHaveLength(3);
    expect(await quotes(alice)).toEqual(['five of its fighters were killed']);
    expect(await statusOf(() => countExportArticles(db, alice, { ids: [article.id], layer: 'gold' }))).toBe(403);
    expect(await statusOf(() => countExportArticles(db, alice, { ids: [article.id], layer: bob.username }))).toBe(403);
    expect(await statusOf(() => countExportArticles(db, admin, { layer: 'nobody-here' }))).toBe(404);
  });
});

describe('actors in blind mode', () => {
  it('lists an actor a colleague tagged only once their layer is visible, with counts over visible spans', async () => {
    const { admin, alice, bob, article } = await team();
    // Not Kataib Hezbollah: Alice's own figure already names it as its source.
    const tagged = await createAnnotation(db, bob, article.id, span('Other groups', 'actor'));
    const actorId = tagged.actor!.id;
    expect((await listActors(db, alice)).map((actor) => actor.id)).not.toContain(actorId);
    expect(await statusOf(() => getActorProfile(db, alice, actorId))).toBe(404);
    expect((await listActors(db, bob)).find((actor) => actor.id === actorId)).toMatchObject({ mentionCount: 1 });
    expect((await listActors(db, admin)).find((actor) => actor.id === actorId)).toMatchObject({ mentionCount: 1 });
    await setOwnProgress(db, alice, article.id, 'done');
    expect((await getActorProfile(db, alice, actorId)).mentions.map((mention) => mention.annotationId)).toEqual([tagged.id]);
  });
});

describe('actors a reviewer cannot see', () => {
  it('cannot be changed, version-checked or linked to: the same answer as an actor that does not exist', async () => {
    const { alice, bob, article, aliceFigure } = await team();
    const tagged = await createAnnotation(db, bob, article.id, span('Other groups', 'actor'));
    const actorId = tagged.actor!.id;
    const stored = async () => (await db.read((conn) => conn.select().from(actors).where(eq(actors.id, actorId)).limit(1)))[0];
    const before = await stored();
    expect(await statusOf(() => updateActor(db, alice, actorId, {}))).toBe(404);
    expect(await statusOf(() => updateActor(db, alice, actorId, { expectedVersion: 99 }))).toBe(404);
    expect(await statusOf(() => updateActor(db, alice, actorId, { canonicalName: 'Renamed', aliases: ['KH'] }))).toBe(404);
    expect(await statusOf(() => updateAnnotation(db, alice, aliceFigure.id, { figure: { sourceActorId: actorId } }))).toBe(422);
    expect(await statusOf(() => updateAnnotation(db, alice, aliceFigure.id, { figure: { sourceActorId: 987654 } }))).toBe(422);
    expect(await stored()).toEqual(before);
    // The control: the reviewer who tagged it may rename it.
    expect((await updateActor(db, bob, actorId, { canonicalName: 'Other militia groups' })).canonicalName).toBe('Other militia groups');
  });
});
