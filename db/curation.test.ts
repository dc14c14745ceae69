import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import { acceptAllAgreed, acceptIntoGold, curationView, rejectCluster, reopenCluster, settleComparison } from './curation';
import type { Database } from './database';
import { annotations, assignments, claimDetails, comparisonMembers, comparisons, figureDetails, history, type Article } from './schema';
import { addReviewer, freshDatabase } from './test-database.test-helper';

const TEXT = 'Officials said at least five fighters were killed near the border. The militia denied it.';

let db: Database;
let admin: Viewer;
let gold: Viewer;
let alice: Viewer;
let bob: Viewer;
let article: Article;

function person(username: string): Promise<Viewer> {
  return addReviewer(db, username, username[0]!.toUpperCase() + username.slice(1));
}

// Each test gets a database of its own, so counts of rows are the test's own doing.
beforeEach(async () => {
  ({ db, admin, gold } = await freshDatabase('curation'));
  alice = await person('alice');
  bob = await person('bob');
  article = await db.write((tx) => insertArticle(tx, { text: TEXT, title: 'Border' }, admin.id));
});

/**
 * Writes a reviewer's span straight into the tables, as the reader would have left it,
 * so these tests depend on the schema only and not on how annotations are created.
 */
async function tag(
  reviewer: Viewer,
  quote: string,
  label: Label,
  options: { articleId?: number; text?: string; figure?: Partial<typeof figureDetails.$inferInsert>; status?: 'disputed' | 'supported' } = {},
): Promise<number> {
  const text = options.text ?? TEXT;
  const start = text.indexOf(quote);
  const end = start + quote.length;
  const at = nowIso();
  return db.write(async (tx) => {
    const [row] = await tx
      .insert(annotations)
      .values({
        articleId: options.articleId ?? article.id,
        reviewerId: reviewer.id,
        label,
        start,
        end,
        quote,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
        note: `${reviewer.username}'s note`,
        version: 3,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (label === 'figure') await tx.insert(figureDetails).values({ annotationId: row!.id, ...options.figure });
    if (label === 'claim') await tx.insert(claimDetails).values({ annotationId: row!.id, status: options.status ?? 'unverified' });
    return row!.id;
  });
}

async function goldRows() {
  return db.read((conn) =>
    conn
      .select()
      .from(annotations)
      .where(and(eq(annotations.reviewerId, gold.id), isNull(annotations.deletedAt))),
  );
}

async function historyCount(): Promise<number> {
  const [row] = await db.read((conn) => conn.select({ n: count() }).from(history));
  return row?.n ?? 0;
}

async function one<T>(rows: Promise<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

const FIVE_KILLED = { valueMin: 5, valueMax: null, qualifier: 'at_least', category: 'killed', counted: 'fighters', place: 'near the border' } as const;

describe('acceptIntoGold', () => {
  it('copies a figure with its details into gold and logs the creation as the admin', async () => {
    const alicesFigure = await tag(alice, 'at least five fighters were killed', 'figure', { figure: FIVE_KILLED });
    await tag(bob, 'five fighters', 'figure', { figure: { valueMin: 5, valueMax: 5, category: 'other' } });

    const created = await acceptIntoGold(db, admin, article.id, [alicesFigure]);

    expect(created).toHaveLength(1);
    const [copy] = (await goldRows());
    expect(copy).toMatchObject({
      id: created[0],
      articleId: article.id,
      label: 'figure',
      start: TEXT.indexOf('at least'),
      end: TEXT.indexOf(' near'),
      quote: 'at least five fighters were killed',
      note: "alice's note",
      version: 1,
      deletedAt: null,
    });
    const details = await one(db.read((conn) => conn.select().from(figureDetails).where(eq(figureDetails.annotationId, created[0]!))));
    expect(details).toMatchObject({ ...FIVE_KILLED, vague: false, sourceActorId: null, sourceText: null });

    const logged = await db.read((conn) => conn.select().from(history).where(and(eq(history.entityType, 'annotation'), eq(history.entityId, created[0]!))));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'create', reviewerId: admin.id, articleId: article.id, before: null });
    expect(JSON.parse(logged[0]!.after!)).toMatchObject({ label: 'figure', figure: { valueMin: 5, category: 'killed' }, acceptedFrom: { annotationId: alicesFigure, reviewer: 'alice' } });

    // Alice's own layer is left as it was.
    expect(await one(db.read((conn) => conn.select().from(annotations).where(eq(annotations.id, alicesFigure))))).toMatchObject({ reviewerId: alice.id, version: 3 });
    const view = await curationView(db, admin, article.id);
    expect(view.clusters.map((cluster) => [cluster.key, cluster.state, cluster.agreed])).toEqual([[`${copy!.start}-${copy!.end}`, 'accepted', false]]);
    expect(view.gold).toMatchObject([{ id: created[0], reviewer: 'gold', figure: { min: 5, max: null, qualifier: 'at_least', category: 'killed' } }]);
  });

  it('copies a claim with its status', async () => {
    const claim = await tag(bob, 'The militia denied it', 'claim', { status: 'disputed' });
    const [copyId] = await acceptIntoGold(db, admin, article.id, [claim]);
    expect(await one(db.read((conn) => conn.select().from(claimDetails).where(eq(claimDetails.annotationId, copyId!))))).toMatchObject({ status: 'disputed' });
  });

  it('is idempotent: a span gold already has is not copied again, from the same or another reviewer', async () => {
    const alicesFigure = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const bobsFigure = await tag(bob, 'five fighters', 'figure', { figure: { valueMin: 5, valueMax: 5 } });
    const bobsActor = await tag(bob, 'The militia', 'actor');

    expect(await acceptIntoGold(db, admin, article.id, [alicesFigure, bobsFigure])).toHaveLength(1);
    const before = (await historyCount());
    expect(await acceptIntoGold(db, admin, article.id, [alicesFigure])).toEqual([]);
    expect(await acceptIntoGold(db, admin, article.id, [bobsFigure])).toEqual([]);
    expect((await historyCount())).toBe(before);
    expect((await goldRows())).toHaveLength(1);

    // A different label on the same words is a different span.
    expect(await acceptIntoGold(db, admin, article.id, [bobsActor])).toHaveLength(1);
    expect((await goldRows()).map((row) => row.label).sort()).toEqual(['actor', 'figure']);
  });

  it('writes nothing when one id is unknown, deleted, gold, or on another article', async () => {
    const good = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const otherText = 'Elsewhere, five fighters were wounded.';
    const other = await db.write((tx) => insertArticle(tx, { text: otherText }, admin.id));
    const onOtherArticle = await tag(alice, 'five fighters', 'figure', { articleId: other.id, text: otherText });
    const deleted = await tag(bob, 'the border', 'actor');
    await db.write((tx) => tx.update(annotations).set({ deletedAt: nowIso() }).where(eq(annotations.id, deleted)));
    const [inGold] = await acceptIntoGold(db, admin, article.id, [await tag(bob, 'The militia', 'actor')]);
    const before = { gold: (await goldRows()).length, history: (await historyCount()) };

    for (const bad of [999_999, deleted, inGold!, onOtherArticle]) {
      await expect(acceptIntoGold(db, admin, article.id, [good, bad])).rejects.toThrow(expect.objectContaining({ code: 'annotation_not_found', status: 404 }));
      expect({ gold: (await goldRows()).length, history: (await historyCount()) }).toEqual(before);
    }
  });

  it('is for admins only', async () => {
    const figure = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const forbidden = expect.objectContaining({ code: 'admin_only', status: 403 });
    await expect(acceptIntoGold(db, alice, article.id, [figure])).rejects.toThrow(forbidden);
    await expect(curationView(db, alice, article.id)).rejects.toThrow(forbidden);
    await expect(acceptAllAgreed(db, bob, article.id)).rejects.toThrow(forbidden);
    await expect(rejectCluster(db, bob, article.id, 0, 5)).rejects.toThrow(forbidden);
    await expect(reopenCluster(db, bob, article.id, 0, 5)).rejects.toThrow(forbidden);
    expect((await goldRows())).toEqual([]);
  });

  it('answers 404 for an article that does not exist', async () => {
    await expect(acceptIntoGold(db, admin, 999_999, [1])).rejects.toThrow(expect.objectContaining({ status: 404 }));
    await expect(curationView(db, admin, 999_999)).rejects.toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('curationView', () => {
  it('counts reviewers who tagged something or marked the article done, and lines up their spans', async () => {
    const carol = await person('carol');
    await db.write((tx) => tx.insert(assignments).values({ articleId: article.id, reviewerId: carol.id, status: 'done', createdAt: nowIso(), updatedAt: nowIso() }));
    // Dave is assigned but has neither tagged nor finished: his silence is not a judgment yet.
    const dave = await person('dave');
    await db.write((tx) => tx.insert(assignments).values({ articleId: article.id, reviewerId: dave.id, status: 'in_progress', createdAt: nowIso(), updatedAt: nowIso() }));
    await tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });

    const view = await curationView(db, admin, article.id);

    expect(view.article).toEqual({ id: article.id, title: 'Border', text: TEXT });
    expect(view.reviewers).toEqual([
      { id: alice.id, username: 'alice', displayName: 'Alice', spanCount: 1, done: false },
      { id: bob.id, username: 'bob', displayName: 'Bob', spanCount: 1, done: false },
      { id: carol.id, username: 'carol', displayName: 'Carol', spanCount: 0, done: true },
    ]);
    const [cluster] = view.clusters;
    // Carol finished without tagging these words, so alice and bob alone do not make an agreement.
    expect(cluster).toMatchObject({ agreed: false, state: 'open', context: { before: 'Officials said at least ', quote: 'five fighters', after: ' were killed near the border. The militia denied it.' } });
    expect(cluster?.candidates.map((candidate) => [candidate.reviewer, candidate.reviewerName, candidate.figure?.category])).toEqual([
      ['alice', 'Alice', 'killed'],
      ['bob', 'Bob', 'killed'],
    ]);
  });
});

describe('acceptAllAgreed', () => {
  it('accepts one copy of each open agreed cluster and leaves disagreements alone', async () => {
    await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    await tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    await tag(alice, 'The militia', 'actor');
    await tag(bob, 'The militia', 'actor');
    await tag(alice, 'the border', 'actor');
    await tag(bob, 'near the border', 'actor');

    expect(await acceptAllAgreed(db, admin, article.id)).toBe(2);
    expect((await goldRows()).map((row) => row.quote).sort()).toEqual(['The militia', 'five fighters']);
    expect((await curationView(db, admin, article.id)).clusters.map((cluster) => cluster.state)).toEqual(['accepted', 'open', 'accepted']);
    expect(await acceptAllAgreed(db, admin, article.id)).toBe(0);
  });
});

describe('rejectCluster and reopenCluster', () => {
  it('rejects a cluster as it is now and reopens it', async () => {
    await tag(alice, 'the border', 'actor');
    await tag(bob, 'near the border', 'actor');
    const start = TEXT.indexOf('near the border');
    const end = start + 'near the border'.length;
    const states = async () => (await curationView(db, admin, article.id)).clusters.map((cluster) => cluster.state);

    await rejectCluster(db, admin, article.id, start, end);
    await rejectCluster(db, admin, article.id, start, end);
    expect(await states()).toEqual(['rejected']);
    await reopenCluster(db, admin, article.id, start, end);
    expect(await states()).toEqual(['open']);
    await reopenCluster(db, admin, article.id, start, end);
    expect(await states()).toEqual(['open']);
  });

  it('refuses a stretch that is no longer a cluster, or is already in gold', async () => {
    const figure = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const start = TEXT.indexOf('five');
    await expect(rejectCluster(db, admin, article.id, start, start + 4)).rejects.toThrow(expect.objectContaining({ code: 'cluster_changed', status: 409 }));
    await acceptIntoGold(db, admin, article.id, [figure]);
    await expect(rejectCluster(db, admin, article.id, start, start + 'five fighters'.length)).rejects.toThrow(expect.objectContaining({ code: 'cluster_accepted', status: 409 }));
  });
});

/** A reviewer's comparison, written straight into the tables as the comparison form leaves it. */
async function compare(reviewer: Viewer, annotationIds: number[], title = `${reviewer.username}'s comparison`): Promise<number> {
  const at = nowIso();
  return db.write(async (tx) => {
    const [row] = await tx
      .insert(comparisons)
      .values({ title, status: 'explained', resolutionNote: 'Different counts.', createdBy: reviewer.id, layerId: reviewer.id, createdAt: at, updatedAt: at })
      .returning();
    for (const [position, annotationId] of annotationIds.entries()) await tx.insert(comparisonMembers).values({ comparisonId: row!.id, annotationId, position });
    return row!.id;
  });
}

async function goldComparisons() {
  return db.read(async (conn) => {
    const rows = await conn
      .select()
      .from(comparisons)
      .where(and(eq(comparisons.layerId, gold.id), isNull(comparisons.deletedAt)));
    const result = [];
    for (const comparison of rows) {
      const members = await conn
        .select({ annotationId: comparisonMembers.annotationId })
        .from(comparisonMembers)
        .where(eq(comparisonMembers.comparisonId, comparison.id))
        .orderBy(comparisonMembers.position);
      result.push({ ...comparison, members: members.map((member) => member.annotationId) });
    }
    return result;
  });
}

describe('comparisons follow their figures into gold', () => {
  const SEVEN = { valueMin: 7, valueMax: 7, category: 'killed', counted: 'fighters' } as const;

  it('carries a comparison whose figures are all accepted, over the gold copies, once', async () => {
    const five = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const border = await tag(alice, 'the border', 'figure', { figure: SEVEN });
    const source = await compare(alice, [five, border], 'Fighters killed near the border');

    const [fiveCopy] = await acceptIntoGold(db, admin, article.id, [five]);
    expect((await goldComparisons())).toEqual([]);
    expect((await curationView(db, admin, article.id)).comparisons).toMatchObject([
      { id: source, title: 'Fighters killed near the border', layerName: 'Alice', figures: [{ annotationId: five, goldId: fiveCopy }, { annotationId: border, goldId: null }] },
    ]);

    const [borderCopy] = await acceptIntoGold(db, admin, article.id, [border]);
    const carried = (await goldComparisons());
    expect(carried).toMatchObject([
      { title: 'Fighters killed near the border', status: 'explained', resolutionNote: 'Different counts.', createdBy: admin.id, members: [fiveCopy, borderCopy] },
    ]);
    expect(await one(db.read((conn) => conn.select().from(comparisons).where(eq(comparisons.id, source))))).toMatchObject({ goldCopyId: carried[0]!.id });
    expect((await curationView(db, admin, article.id)).comparisons).toEqual([]);

    // Bob made the same comparison: it joins the one gold already has instead of doubling it.
    const bobsFive = await tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const bobsBorder = await tag(bob, 'the border', 'figure', { figure: SEVEN });
    const bobs = await compare(bob, [bobsFive, bobsBorder]);
    await acceptIntoGold(db, admin, article.id, [bobsFive, bobsBorder]);
    expect((await goldComparisons())).toHaveLength(1);
    expect(await one(db.read((conn) => conn.select().from(comparisons).where(eq(comparisons.id, bobs))))).toMatchObject({ goldCopyId: carried[0]!.id });
  });

  it('carries with Accept all agreed too', async () => {
    const alicesPair = [await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED }), await tag(alice, 'the border', 'figure', { figure: SEVEN })];
    await tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    await tag(bob, 'the border', 'figure', { figure: SEVEN });
    await compare(alice, alicesPair);
    expect(await acceptAllAgreed(db, admin, article.id)).toBe(2);
    expect((await goldComparisons())).toHaveLength(1);
  });

  it('lets the admin settle a partly accepted comparison: accept the rest, or drop it', async () => {
    const otherText = 'Elsewhere, seven fighters were killed.';
    const other = await db.write((tx) => insertArticle(tx, { text: otherText }, admin.id));
    const five = await tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const seven = await tag(alice, 'seven fighters', 'figure', { articleId: other.id, text: otherText, figure: SEVEN });
    const acrossArticles = await compare(alice, [five, seven], 'Across articles');
    const border = await tag(alice, 'the border', 'figure', { figure: SEVEN });
    const toDrop = await compare(alice, [five, border], 'To drop');
    await acceptIntoGold(db, admin, article.id, [five]);
    expect((await curationView(db, admin, article.id)).comparisons.map((comparison) => comparison.title)).toEqual(['Across articles', 'To drop']);

    expect(await settleComparison(db, admin, article.id, toDrop, 'drop')).toBeNull();
    const goldId = await settleComparison(db, admin, article.id, acrossArticles, 'accept');

    expect((await curationView(db, admin, article.id)).comparisons).toEqual([]);
    const [carried] = (await goldComparisons());
    expect(carried).toMatchObject({ id: goldId, title: 'Across articles' });
    // The other article's figure was accepted into gold on its own article.
    const sevenCopy = (await goldRows()).find((row) => row.id === carried!.members[1]);
    expect(sevenCopy).toMatchObject({ articleId: other.id, quote: 'seven fighters' });
    expect((await goldRows()).some((row) => row.quote === 'the border')).toBe(false);
    await expect(settleComparison(db, admin, article.id, toDrop, 'accept')).rejects.toThrow(expect.objectContaining({ code: 'comparison_not_pending', status: 404 }));
    await expect(settleComparison(db, alice, article.id, toDrop, 'drop')).rejects.toThrow(expect.objectContaining({ code: 'admin_only' }));
  });
});
