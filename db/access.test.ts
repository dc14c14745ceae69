import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { getActorProfile, listActors, updateActor } from './actors';
import { createAnnotation, deleteAnnotation, getAnnotation, listAnnotations, updateAnnotation } from './annotations';
import { createArticle, setArticleSharing } from './articles';
import { libraryPage } from './library';
import { assignReviewer, ownProgress, setOwnProgress } from './assignments';
import { getDb } from './client';
import { countExportArticles, exportArticles } from './export';
import { articleLayers } from './layers';
import { commandLineViewer, goldLayerId } from './reviewers';
import { actors, reviewers } from './schema';
import { statusOf } from './status-of.test-helper';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-access-'));
process.env.DATABASE_PATH = path.join(folder, 'access.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const TEXT = 'Kataib Hezbollah said five of its fighters were killed. Other groups said five fighters were wounded.';

function person(username: string): Viewer {
  const row = getDb().insert(reviewers).values({ username, displayName: username, createdAt: new Date().toISOString() }).returning().get();
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

function span(quote: string, label: 'claim' | 'actor' | 'figure' = 'figure') {
  const start = TEXT.indexOf(quote);
  return { label, start, end: start + quote.length, quote };
}

/** A fresh article with alice and bob assigned and one figure each, blind by default. */
function team() {
  const admin = commandLineViewer();
  const alice = person(`alice${Math.random().toString(36).slice(2, 8)}`);
  const bob = person(`bob${Math.random().toString(36).slice(2, 8)}`);
  const article = createArticle(admin, { text: TEXT, title: 'Access' });
  assignReviewer(admin, article.id, alice.id);
  assignReviewer(admin, article.id, bob.id);
  const aliceFigure = createAnnotation(alice, article.id, span('five of its fighters were killed'));
  const bobFigure = createAnnotation(bob, article.id, span('five fighters were wounded'));
  return { admin, alice, bob, article, aliceFigure, bobFigure };
}

describe('blind annotation', () => {
  it('shows a reviewer only their own layer until they are done, then the others read-only', () => {
    const { alice, bob, article, aliceFigure, bobFigure } = team();
    expect(listAnnotations(alice, article.id, bob.id)).toEqual([]);
    expect(statusOf(() => getAnnotation(alice, bobFigure.id))).toBe(404);
    expect(articleLayers(alice, article.id).map((layer) => layer.username)).toEqual([alice.username]);

    setOwnProgress(alice, article.id, 'done');
    expect(listAnnotations(alice, article.id, bob.id).map((annotation) => annotation.id)).toEqual([bobFigure.id]);
    expect(articleLayers(alice, article.id).map((layer) => [layer.username, layer.writable])).toEqual([
      [alice.username, true],
      [bob.username, false],
    ]);
    expect(statusOf(() => updateAnnotation(alice, bobFigure.id, { note: 'mine now' }))).toBe(403);
    expect(statusOf(() => deleteAnnotation(alice, bobFigure.id))).toBe(403);
    // Bob is not done: Alice's layer stays hidden from him.
    expect(statusOf(() => getAnnotation(bob, aliceFigure.id))).toBe(404);
  });

  it('lifts for everyone assigned when an admin shares the article', () => {
    const { admin, bob, article, aliceFigure } = team();
    setArticleSharing(admin, article.id, 'shared');
    expect(getAnnotation(bob, aliceFigure.id).id).toBe(aliceFigure.id);
  });

  it('keeps unassigned articles out of sight altogether', () => {
    const { article, aliceFigure } = team();
    const carol = person(`carol${Math.random().toString(36).slice(2, 8)}`);
    expect(libraryPage(carol).articles.map((row) => row.id)).not.toContain(article.id);
    expect(statusOf(() => listAnnotations(carol, article.id))).toBe(404);
    expect(statusOf(() => getAnnotation(carol, aliceFigure.id))).toBe(404);
    expect(statusOf(() => createAnnotation(carol, article.id, span('Kataib Hezbollah', 'actor')))).toBe(404);
  });
});

describe('layers and progress', () => {
  it('starts the work with the first annotation, and only admins write gold', () => {
    const { admin, alice, article } = team();
    expect(ownProgress(alice, article.id)).toBe('in_progress');
    expect(statusOf(() => createAnnotation(alice, article.id, span('Kataib Hezbollah', 'actor'), goldLayerId()))).toBe(403);
    const gold = createAnnotation(admin, article.id, span('Kataib Hezbollah', 'actor'), goldLayerId());
    expect(gold.reviewerId).toBe(goldLayerId());
    expect(statusOf(() => getAnnotation(alice, gold.id))).toBe(404);
    // Writing gold does not enrol the admin as a reviewer of the article.
    expect(ownProgress(admin, article.id)).toBe('not_started');
  });

  it('exports gold by default for admins, and a reviewer only their own layer', () => {
    const { admin, alice, bob, article } = team();
    createAnnotation(admin, article.id, span('Kataib Hezbollah', 'actor'), goldLayerId());
    const quotes = (viewer: Viewer, layer?: string) =>
      [...exportArticles(viewer, { ids: [article.id], layer })].flatMap((exported) => exported.annotations.map((annotation) => annotation.quote));
    expect(quotes(admin)).toEqual(['Kataib Hezbollah']);
    expect(quotes(admin, bob.username)).toEqual(['five fighters were wounded']);
    expect(quotes(admin, 'all')).toHaveLength(3);
    expect(quotes(alice)).toEqual(['five of its fighters were killed']);
    expect(statusOf(() => countExportArticles(alice, { ids: [article.id], layer: 'gold' }))).toBe(403);
    expect(statusOf(() => countExportArticles(alice, { ids: [article.id], layer: bob.username }))).toBe(403);
    expect(statusOf(() => countExportArticles(admin, { layer: 'nobody-here' }))).toBe(404);
  });
});

describe('actors in blind mode', () => {
  it('lists an actor a colleague tagged only once their layer is visible, with counts over visible spans', () => {
    const { admin, alice, bob, article } = team();
    // Not Kataib Hezbollah: Alice's own figure already names it as its source.
    const tagged = createAnnotation(bob, article.id, span('Other groups', 'actor'));
    const actorId = tagged.actor!.id;
    expect(listActors(alice).map((actor) => actor.id)).not.toContain(actorId);
    expect(statusOf(() => getActorProfile(alice, actorId))).toBe(404);
    expect(listActors(bob).find((actor) => actor.id === actorId)).toMatchObject({ mentionCount: 1 });
    expect(listActors(admin).find((actor) => actor.id === actorId)).toMatchObject({ mentionCount: 1 });
    setOwnProgress(alice, article.id, 'done');
    expect(getActorProfile(alice, actorId).mentions.map((mention) => mention.annotationId)).toEqual([tagged.id]);
  });
});

describe('actors a reviewer cannot see', () => {
  it('cannot be changed, version-checked or linked to: the same answer as an actor that does not exist', () => {
    const { alice, bob, article, aliceFigure } = team();
    const tagged = createAnnotation(bob, article.id, span('Other groups', 'actor'));
    const actorId = tagged.actor!.id;
    const stored = () => getDb().select().from(actors).where(eq(actors.id, actorId)).get();
    const before = stored();
    expect(statusOf(() => updateActor(alice, actorId, {}))).toBe(404);
    expect(statusOf(() => updateActor(alice, actorId, { expectedVersion: 99 }))).toBe(404);
    expect(statusOf(() => updateActor(alice, actorId, { canonicalName: 'Renamed', aliases: ['KH'] }))).toBe(404);
    expect(statusOf(() => updateAnnotation(alice, aliceFigure.id, { figure: { sourceActorId: actorId } }))).toBe(422);
    expect(statusOf(() => updateAnnotation(alice, aliceFigure.id, { figure: { sourceActorId: 987654 } }))).toBe(422);
    expect(stored()).toEqual(before);
    // The control: the reviewer who tagged it may rename it.
    expect(updateActor(bob, actorId, { canonicalName: 'Other militia groups' }).canonicalName).toBe('Other militia groups');
  });
});
