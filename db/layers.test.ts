import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { insertArticle } from './article-insert';
import { listActors } from './actors';
import { libraryPage } from './library';
import { nowIso } from './clock';
import { acceptIntoGold } from './curation';
import { exportArticles } from './export';
import { summariseExport } from './export-summary';
import { addComparisonMember, comparisonsForArticle, createComparison, listComparisons, listSuggestions } from './comparisons';
import { actors, annotations, assignments, figureDetails, type Article } from './schema';
import type { Database } from './database';
import { addReviewer, freshDatabase } from './test-database.test-helper';

/*
 * Layers stay apart (issue 9, points 3 and 4): with an admin, two reviewers and gold on one
 * article, suggestions, comparisons and library counts are each one layer's.
 */

const TEXT = 'Officials said five fighters were killed near the border. The militia said seven fighters were killed there.';

let db: Database;
let admin: Viewer;
let alice: Viewer;
let bob: Viewer;
let gold: Viewer;
let article: Article;

function person(username: string): Promise<Viewer> {
  return addReviewer(db, username, username[0]!.toUpperCase() + username.slice(1));
}

async function assign(reviewer: Viewer, status: 'in_progress' | 'done' = 'in_progress'): Promise<void> {
  const at = nowIso();
  await db.write(async (tx) => {
    await tx.insert(assignments).values({ articleId: article.id, reviewerId: reviewer.id, status, createdAt: at, updatedAt: at });
  });
}

beforeEach(async () => {
  ({ db, admin, gold } = await freshDatabase('layers'));
  alice = await person('alice');
  bob = await person('bob');
  article = await db.write((tx) => insertArticle(tx, { text: TEXT, title: 'Border' }, admin.id));
});

/** A span in someone's layer, written straight into the tables as the reader leaves it. */
async function tag(layer: Viewer, quote: string, label: Label = 'figure', value?: number): Promise<number> {
  const start = TEXT.indexOf(quote);
  const end = start + quote.length;
  const at = nowIso();
  return db.write(async (tx) => {
    const [row] = await tx
      .insert(annotations)
      .values({ articleId: article.id, reviewerId: layer.id, label, start, end, quote, prefix: '', suffix: '', createdAt: at, updatedAt: at })
      .returning();
    if (label === 'figure') {
      await tx.insert(figureDetails).values({ annotationId: row!.id, valueMin: value, valueMax: value, category: 'killed', counted: 'fighters' });
    }
    return row!.id;
  });
}

/** The same two conflicting figures in one layer: five and seven fighters killed. */
async function tagBothFigures(layer: Viewer): Promise<[number, number]> {
  return [await tag(layer, 'five fighters were killed', 'figure', 5), await tag(layer, 'seven fighters were killed', 'figure', 7)];
}

describe('suggestions are computed within one layer', () => {
  it('offers each layer its own pair, never one reviewer’s span next to another’s', async () => {
    await assign(alice, 'done');
    await assign(bob, 'done');
    const adminPair = await tagBothFigures(admin);
    const alicePair = await tagBothFigures(alice);
    const bobPair = await tagBothFigures(bob);
    const goldPair = await tagBothFigures(gold);

    const ids = (list: { annotationIds: number[] }[]) => list.map((suggestion) => [...suggestion.annotationIds].sort((a, b) => a - b));
    expect(ids(await listSuggestions(db, admin, article.id))).toEqual([adminPair]);
    expect(ids(await listSuggestions(db, admin, article.id, gold.id))).toEqual([goldPair]);
    expect(ids(await listSuggestions(db, alice, article.id))).toEqual([alicePair]);
    // Alice is done, so Bob's layer is hers to read: its suggestions are Bob's figures only.
    expect(ids(await listSuggestions(db, alice, article.id, bob.id))).toEqual([bobPair]);
    // Gold is the admins': a reviewer naming it gets nothing.
    expect(await listSuggestions(db, alice, article.id, gold.id)).toEqual([]);
  });
});

describe('actor lists are computed within one layer', () => {
  it('lists in a layer only the actors that layer links (or the viewer made), counting that layer’s links', async () => {
    await assign(alice, 'done');
    const [militia] = await db.write((tx) =>
      tx
        .insert(actors)
        .values({ canonicalName: 'The militia', nameKey: 'the militia', kind: 'organisation', createdBy: alice.id, createdAt: nowIso(), updatedAt: nowIso() })
        .returning(),
    );
    const mention = await tag(alice, 'The militia', 'actor');
    await db.write(async (tx) => {
      await tx.update(annotations).set({ actorId: militia!.id }).where(eq(annotations.id, mention));
    });

    const names = (list: { canonicalName: string; mentionCount: number }[]) => list.map((actor) => [actor.canonicalName, actor.mentionCount]);
    expect(names(await listActors(db, admin, alice.id))).toEqual([['The militia', 1]]);
    expect(names(await listActors(db, admin, gold.id))).toEqual([]);
    expect(names(await listActors(db, alice, alice.id))).toEqual([['The militia', 1]]);
    // Across every layer the admin may see (the Actors page), it is still listed.
    expect(names(await listActors(db, admin))).toEqual([['The militia', 1]]);
  });
});

describe('comparisons belong to one layer', () => {
  it('lists an article’s comparisons per layer, on the article and in the library', async () => {
    await assign(alice, 'done');
    const aliceComparison = await createComparison(db, alice, { title: 'Alice’s fighters', annotationIds: await tagBothFigures(alice) });
    const goldComparison = await createComparison(db, admin, { title: 'Gold fighters', annotationIds: await tagBothFigures(gold) });

    expect(aliceComparison.layerId).toBe(alice.id);
    expect(goldComparison).toMatchObject({ layerId: gold.id, layerName: 'Gold (adjudicated)' });
    expect((await comparisonsForArticle(db, admin, article.id, gold.id)).map((comparison) => comparison.title)).toEqual(['Gold fighters']);
    expect((await comparisonsForArticle(db, admin, article.id, alice.id)).map((comparison) => comparison.title)).toEqual(['Alice’s fighters']);
    expect(await comparisonsForArticle(db, admin, article.id, admin.id)).toEqual([]);
    expect((await listComparisons(db, admin, gold.id)).map((comparison) => comparison.title)).toEqual(['Gold fighters']);
    // A reviewer never sees gold's comparison, in any list.
    expect((await listComparisons(db, alice)).map((comparison) => comparison.title)).toEqual(['Alice’s fighters']);
  });

  it('refuses a comparison that mixes layers, or one in a layer the viewer may only read', async () => {
    await assign(alice, 'done');
    await assign(bob, 'done');
    const [aliceFive] = await tagBothFigures(alice);
    const [bobFive, bobSeven] = await tagBothFigures(bob);

    await expect(createComparison(db, admin, { title: 'Mixed', annotationIds: [aliceFive, bobSeven] })).rejects.toMatchObject({ code: 'comparison_mixed_layers', status: 422 });
    await expect(createComparison(db, alice, { title: 'Bob’s', annotationIds: [bobFive, bobSeven] })).rejects.toMatchObject({ code: 'comparison_read_only', status: 403 });
    const bobs = await createComparison(db, bob, { title: 'Bob’s', annotationIds: [bobFive, bobSeven] });
    await expect(addComparisonMember(db, bob, bobs.id, aliceFive)).rejects.toMatchObject({ code: 'comparison_mixed_layers' });
  });
});

describe('library counts', () => {
  it('counts gold for admins and the viewer’s own layer for reviewers, with each reviewer’s count by their progress', async () => {
    await assign(alice);
    await assign(bob);
    await tagBothFigures(alice);
    await tag(alice, 'Officials', 'actor');
    await tagBothFigures(bob);
    await tag(gold, 'five fighters were killed', 'figure', 5);
    await tag(admin, 'The militia', 'actor');

    const row = async (viewer: Viewer) => (await libraryPage(db, viewer)).articles.find((summary) => summary.id === article.id)!;
    expect((await row(admin)).annotationCounts).toEqual({ claim: 0, actor: 0, figure: 1 });
    expect((await row(alice)).annotationCounts).toEqual({ claim: 0, actor: 1, figure: 2 });
    expect((await row(bob)).annotationCounts).toEqual({ claim: 0, actor: 0, figure: 2 });
    expect((await row(admin)).progress.map(({ username, annotationCount }) => [username, annotationCount])).toEqual([
      ['alice', 3],
      ['bob', 2],
    ]);
  });
});

describe('a comparison carried into gold is in the default export', () => {
  it('exports gold with the comparison over gold’s figures', async () => {
    await assign(alice, 'done');
    const pair = await tagBothFigures(alice);
    await createComparison(db, alice, { title: 'Fighters killed', annotationIds: pair });
    const exported = async () => {
      const all = [];
      for await (const one of exportArticles(db, admin)) all.push(one);
      return all;
    };
    expect((await exported())[0]!.comparisons).toEqual([]);

    const copies = await acceptIntoGold(db, admin, article.id, pair);

    const [first] = await exported();
    expect(first!.annotations.map((annotation) => annotation.author.username)).toEqual(['gold', 'gold']);
    expect(first!.comparisons).toMatchObject([{ title: 'Fighters killed', figures: copies.map((annotationId) => ({ annotationId })) }]);
    expect(await summariseExport(db, admin)).toEqual({ layer: 'Gold (adjudicated)', articles: 1, annotations: 2, comparisons: 1 });
    expect(await summariseExport(db, admin, { layer: 'alice' })).toEqual({ layer: 'Alice', articles: 1, annotations: 2, comparisons: 1 });
    expect(await summariseExport(db, alice)).toEqual({ layer: 'Alice', articles: 1, annotations: 2, comparisons: 1 });
  });
});
