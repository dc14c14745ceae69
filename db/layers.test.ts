import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { insertArticle } from './article-insert';
import { listActors } from './actors';
import { libraryPage } from './library';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
import { acceptIntoGold } from './curation';
import { exportArticles } from './export';
import { summariseExport } from './export-summary';
import { addComparisonMember, comparisonsForArticle, createComparison, listComparisons, listSuggestions } from './comparisons';
import { actors, annotations, assignments, figureDetails, reviewers, type Article } from './schema';
import { firstAdminReviewer, goldReviewer } from './startup-data';

/*
 * Layers stay apart (issue 9, points 3 and 4): with an admin, two reviewers and gold on one
 * article, suggestions, comparisons and library counts are each one layer's.
 */

const TEXT = 'Officials said five fighters were killed near the border. The militia said seven fighters were killed there.';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-layers-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let databaseCount = 0;
let admin: Viewer;
let alice: Viewer;
let bob: Viewer;
let gold: Viewer;
let article: Article;

function person(username: string): Viewer {
  const row = getDb()
    .insert(reviewers)
    .values({ username, displayName: username[0]!.toUpperCase() + username.slice(1), createdAt: nowIso() })
    .returning()
    .get();
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

function assign(reviewer: Viewer, status: 'in_progress' | 'done' = 'in_progress'): void {
  const at = nowIso();
  getDb().insert(assignments).values({ articleId: article.id, reviewerId: reviewer.id, status, createdAt: at, updatedAt: at }).run();
}

beforeEach(() => {
  databaseCount += 1;
  process.env.DATABASE_PATH = path.join(folder, `layers-${databaseCount}.db`);
  const adminRow = firstAdminReviewer(getDb());
  admin = { id: adminRow.id, username: adminRow.username, displayName: adminRow.displayName, role: adminRow.role };
  const goldRow = goldReviewer(getDb());
  gold = { id: goldRow.id, username: goldRow.username, displayName: goldRow.displayName, role: goldRow.role };
  alice = person('alice');
  bob = person('bob');
  article = writeTransaction((tx) => insertArticle(tx, { text: TEXT, title: 'Border' }, admin.id));
});

/** A span in someone's layer, written straight into the tables as the reader leaves it. */
function tag(layer: Viewer, quote: string, label: Label = 'figure', value?: number): number {
  const start = TEXT.indexOf(quote);
  const end = start + quote.length;
  const at = nowIso();
  const row = getDb()
    .insert(annotations)
    .values({ articleId: article.id, reviewerId: layer.id, label, start, end, quote, prefix: '', suffix: '', createdAt: at, updatedAt: at })
    .returning()
    .get();
  if (label === 'figure') {
    getDb().insert(figureDetails).values({ annotationId: row.id, valueMin: value, valueMax: value, category: 'killed', counted: 'fighters' }).run();
  }
  return row.id;
}

/** The same two conflicting figures in one layer: five and seven fighters killed. */
function tagBothFigures(layer: Viewer): [number, number] {
  return [tag(layer, 'five fighters were killed', 'figure', 5), tag(layer, 'seven fighters were killed', 'figure', 7)];
}

describe('suggestions are computed within one layer', () => {
  it('offers each layer its own pair, never one reviewer’s span next to another’s', () => {
    assign(alice, 'done');
    assign(bob, 'done');
    const adminPair = tagBothFigures(admin);
    const alicePair = tagBothFigures(alice);
    const bobPair = tagBothFigures(bob);
    const goldPair = tagBothFigures(gold);

    const ids = (list: { annotationIds: number[] }[]) => list.map((suggestion) => [...suggestion.annotationIds].sort((a, b) => a - b));
    expect(ids(listSuggestions(admin, article.id))).toEqual([adminPair]);
    expect(ids(listSuggestions(admin, article.id, gold.id))).toEqual([goldPair]);
    expect(ids(listSuggestions(alice, article.id))).toEqual([alicePair]);
    // Alice is done, so Bob's layer is hers to read: its suggestions are Bob's figures only.
    expect(ids(listSuggestions(alice, article.id, bob.id))).toEqual([bobPair]);
    // Gold is the admins': a reviewer naming it gets nothing.
    expect(listSuggestions(alice, article.id, gold.id)).toEqual([]);
  });
});

describe('actor lists are computed within one layer', () => {
  it('lists in a layer only the actors that layer links (or the viewer made), counting that layer’s links', () => {
    assign(alice, 'done');
    const militia = getDb().insert(actors).values({ canonicalName: 'The militia', nameKey: 'the militia', kind: 'organisation', createdBy: alice.id, createdAt: nowIso(), updatedAt: nowIso() }).returning().get();
    const mention = tag(alice, 'The militia', 'actor');
    getDb().update(annotations).set({ actorId: militia.id }).where(eq(annotations.id, mention)).run();

    const names = (list: { canonicalName: string; mentionCount: number }[]) => list.map((actor) => [actor.canonicalName, actor.mentionCount]);
    expect(names(listActors(admin, alice.id))).toEqual([['The militia', 1]]);
    expect(names(listActors(admin, gold.id))).toEqual([]);
    expect(names(listActors(alice, alice.id))).toEqual([['The militia', 1]]);
    // Across every layer the admin may see (the Actors page), it is still listed.
    expect(names(listActors(admin))).toEqual([['The militia', 1]]);
  });
});

describe('comparisons belong to one layer', () => {
  it('lists an article’s comparisons per layer, on the article and in the library', () => {
    assign(alice, 'done');
    const aliceComparison = createComparison(alice, { title: 'Alice’s fighters', annotationIds: tagBothFigures(alice) });
    const goldComparison = createComparison(admin, { title: 'Gold fighters', annotationIds: tagBothFigures(gold) });

    expect(aliceComparison.layerId).toBe(alice.id);
    expect(goldComparison).toMatchObject({ layerId: gold.id, layerName: 'Gold (adjudicated)' });
    expect(comparisonsForArticle(admin, article.id, gold.id).map((comparison) => comparison.title)).toEqual(['Gold fighters']);
    expect(comparisonsForArticle(admin, article.id, alice.id).map((comparison) => comparison.title)).toEqual(['Alice’s fighters']);
    expect(comparisonsForArticle(admin, article.id, admin.id)).toEqual([]);
    expect(listComparisons(admin, gold.id).map((comparison) => comparison.title)).toEqual(['Gold fighters']);
    // A reviewer never sees gold's comparison, in any list.
    expect(listComparisons(alice).map((comparison) => comparison.title)).toEqual(['Alice’s fighters']);
  });

  it('refuses a comparison that mixes layers, or one in a layer the viewer may only read', () => {
    assign(alice, 'done');
    assign(bob, 'done');
    const [aliceFive] = tagBothFigures(alice);
    const [bobFive, bobSeven] = tagBothFigures(bob);

    expect(() => createComparison(admin, { title: 'Mixed', annotationIds: [aliceFive, bobSeven] })).toThrow(
      expect.objectContaining({ code: 'comparison_mixed_layers', status: 422 }),
    );
    expect(() => createComparison(alice, { title: 'Bob’s', annotationIds: [bobFive, bobSeven] })).toThrow(
      expect.objectContaining({ code: 'comparison_read_only', status: 403 }),
    );
    const bobs = createComparison(bob, { title: 'Bob’s', annotationIds: [bobFive, bobSeven] });
    expect(() => addComparisonMember(bob, bobs.id, aliceFive)).toThrow(expect.objectContaining({ code: 'comparison_mixed_layers' }));
  });
});

describe('library counts', () => {
  it('counts gold for admins and the viewer’s own layer for reviewers, with each reviewer’s count by their progress', () => {
    assign(alice);
    assign(bob);
    tagBothFigures(alice);
    tag(alice, 'Officials', 'actor');
    tagBothFigures(bob);
    tag(gold, 'five fighters were killed', 'figure', 5);
    tag(admin, 'The militia', 'actor');

    const row = (viewer: Viewer) => libraryPage(viewer).articles.find((summary) => summary.id === article.id)!;
    expect(row(admin).annotationCounts).toEqual({ claim: 0, actor: 0, figure: 1 });
    expect(row(alice).annotationCounts).toEqual({ claim: 0, actor: 1, figure: 2 });
    expect(row(bob).annotationCounts).toEqual({ claim: 0, actor: 0, figure: 2 });
    expect(row(admin).progress.map(({ username, annotationCount }) => [username, annotationCount])).toEqual([
      ['alice', 3],
      ['bob', 2],
    ]);
  });
});

describe('a comparison carried into gold is in the default export', () => {
  it('exports gold with the comparison over gold’s figures', () => {
    assign(alice, 'done');
    const pair = tagBothFigures(alice);
    createComparison(alice, { title: 'Fighters killed', annotationIds: pair });
    expect([...exportArticles(admin)][0]!.comparisons).toEqual([]);

    const copies = acceptIntoGold(admin, article.id, pair);

    const [exported] = [...exportArticles(admin)];
    expect(exported!.annotations.map((annotation) => annotation.author.username)).toEqual(['gold', 'gold']);
    expect(exported!.comparisons).toMatchObject([{ title: 'Fighters killed', figures: copies.map((annotationId) => ({ annotationId })) }]);
    expect(summariseExport(admin)).toEqual({ layer: 'Gold (adjudicated)', articles: 1, annotations: 2, comparisons: 1 });
    expect(summariseExport(admin, { layer: 'alice' })).toEqual({ layer: 'Alice', articles: 1, annotations: 2, comparisons: 1 });
    expect(summariseExport(alice)).toEqual({ layer: 'Alice', articles: 1, annotations: 2, comparisons: 1 });
  });
});
