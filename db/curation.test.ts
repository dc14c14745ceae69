import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import type { Viewer } from './access';
import { insertArticle } from './article-insert';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
import { acceptAllAgreed, acceptIntoGold, curationView, rejectCluster, reopenCluster, settleComparison } from './curation';
import { annotations, assignments, claimDetails, comparisonMembers, comparisons, figureDetails, history, reviewers, type Article } from './schema';
import { firstAdminReviewer, goldReviewer } from './startup-data';

const TEXT = 'Officials said at least five fighters were killed near the border. The militia denied it.';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-curation-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let databaseCount = 0;
let admin: Viewer;
let alice: Viewer;
let bob: Viewer;
let article: Article;

function person(username: string): Viewer {
  const row = getDb()
    .insert(reviewers)
    .values({ username, displayName: username[0]!.toUpperCase() + username.slice(1), createdAt: nowIso() })
    .returning()
    .get();
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

// Each test gets a database of its own, so counts of rows are the test's own doing.
beforeEach(() => {
  databaseCount += 1;
  process.env.DATABASE_PATH = path.join(folder, `curation-${databaseCount}.db`);
  const adminRow = firstAdminReviewer(getDb());
  admin = { id: adminRow.id, username: adminRow.username, displayName: adminRow.displayName, role: adminRow.role };
  alice = person('alice');
  bob = person('bob');
  article = writeTransaction((tx) => insertArticle(tx, { text: TEXT, title: 'Border' }, admin.id));
});

/**
 * Writes a reviewer's span straight into the tables, as the reader would have left it,
 * so these tests depend on the schema only and not on how annotations are created.
 */
function tag(
  reviewer: Viewer,
  quote: string,
  label: Label,
  options: { articleId?: number; text?: string; figure?: Partial<typeof figureDetails.$inferInsert>; status?: 'disputed' | 'supported' } = {},
): number {
  const text = options.text ?? TEXT;
  const start = text.indexOf(quote);
  const end = start + quote.length;
  const at = nowIso();
  const row = getDb()
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
    .returning()
    .get();
  if (label === 'figure') getDb().insert(figureDetails).values({ annotationId: row.id, ...options.figure }).run();
  if (label === 'claim') getDb().insert(claimDetails).values({ annotationId: row.id, status: options.status ?? 'unverified' }).run();
  return row.id;
}

function goldRows() {
  const goldId = goldReviewer(getDb()).id;
  return getDb()
    .select()
    .from(annotations)
    .where(and(eq(annotations.reviewerId, goldId), isNull(annotations.deletedAt)))
    .all();
}

function historyCount(): number {
  return getDb().select({ n: count() }).from(history).get()?.n ?? 0;
}

const FIVE_KILLED = { valueMin: 5, valueMax: null, qualifier: 'at_least', category: 'killed', counted: 'fighters', place: 'near the border' } as const;

describe('acceptIntoGold', () => {
  it('copies a figure with its details into gold and logs the creation as the admin', () => {
    const alicesFigure = tag(alice, 'at least five fighters were killed', 'figure', { figure: FIVE_KILLED });
    tag(bob, 'five fighters', 'figure', { figure: { valueMin: 5, valueMax: 5, category: 'other' } });

    const created = acceptIntoGold(admin, article.id, [alicesFigure]);

    expect(created).toHaveLength(1);
    const [copy] = goldRows();
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
    const details = getDb().select().from(figureDetails).where(eq(figureDetails.annotationId, created[0]!)).get();
    expect(details).toMatchObject({ ...FIVE_KILLED, vague: false, sourceActorId: null, sourceText: null });

    const logged = getDb().select().from(history).where(and(eq(history.entityType, 'annotation'), eq(history.entityId, created[0]!))).all();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'create', reviewerId: admin.id, articleId: article.id, before: null });
    expect(JSON.parse(logged[0]!.after!)).toMatchObject({ label: 'figure', figure: { valueMin: 5, category: 'killed' }, acceptedFrom: { annotationId: alicesFigure, reviewer: 'alice' } });

    // Alice's own layer is left as it was.
    expect(getDb().select().from(annotations).where(eq(annotations.id, alicesFigure)).get()).toMatchObject({ reviewerId: alice.id, version: 3 });
    const view = curationView(admin, article.id);
    expect(view.clusters.map((cluster) => [cluster.key, cluster.state, cluster.agreed])).toEqual([[`${copy!.start}-${copy!.end}`, 'accepted', false]]);
    expect(view.gold).toMatchObject([{ id: created[0], reviewer: 'gold', figure: { min: 5, max: null, qualifier: 'at_least', category: 'killed' } }]);
  });

  it('copies a claim with its status', () => {
    const claim = tag(bob, 'The militia denied it', 'claim', { status: 'disputed' });
    const [copyId] = acceptIntoGold(admin, article.id, [claim]);
    expect(getDb().select().from(claimDetails).where(eq(claimDetails.annotationId, copyId!)).get()).toMatchObject({ status: 'disputed' });
  });

  it('is idempotent: a span gold already has is not copied again, from the same or another reviewer', () => {
    const alicesFigure = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const bobsFigure = tag(bob, 'five fighters', 'figure', { figure: { valueMin: 5, valueMax: 5 } });
    const bobsActor = tag(bob, 'The militia', 'actor');

    expect(acceptIntoGold(admin, article.id, [alicesFigure, bobsFigure])).toHaveLength(1);
    const before = historyCount();
    expect(acceptIntoGold(admin, article.id, [alicesFigure])).toEqual([]);
    expect(acceptIntoGold(admin, article.id, [bobsFigure])).toEqual([]);
    expect(historyCount()).toBe(before);
    expect(goldRows()).toHaveLength(1);

    // A different label on the same words is a different span.
    expect(acceptIntoGold(admin, article.id, [bobsActor])).toHaveLength(1);
    expect(goldRows().map((row) => row.label).sort()).toEqual(['actor', 'figure']);
  });

  it('writes nothing when one id is unknown, deleted, gold, or on another article', () => {
    const good = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const otherText = 'Elsewhere, five fighters were wounded.';
    const other = writeTransaction((tx) => insertArticle(tx, { text: otherText }, admin.id));
    const onOtherArticle = tag(alice, 'five fighters', 'figure', { articleId: other.id, text: otherText });
    const deleted = tag(bob, 'the border', 'actor');
    getDb().update(annotations).set({ deletedAt: nowIso() }).where(eq(annotations.id, deleted)).run();
    const [inGold] = acceptIntoGold(admin, article.id, [tag(bob, 'The militia', 'actor')]);
    const before = { gold: goldRows().length, history: historyCount() };

    for (const bad of [999_999, deleted, inGold!, onOtherArticle]) {
      expect(() => acceptIntoGold(admin, article.id, [good, bad])).toThrow(expect.objectContaining({ code: 'annotation_not_found', status: 404 }));
      expect({ gold: goldRows().length, history: historyCount() }).toEqual(before);
    }
  });

  it('is for admins only', () => {
    const figure = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const forbidden = expect.objectContaining({ code: 'admin_only', status: 403 });
    expect(() => acceptIntoGold(alice, article.id, [figure])).toThrow(forbidden);
    expect(() => curationView(alice, article.id)).toThrow(forbidden);
    expect(() => acceptAllAgreed(bob, article.id)).toThrow(forbidden);
    expect(() => rejectCluster(bob, article.id, 0, 5)).toThrow(forbidden);
    expect(() => reopenCluster(bob, article.id, 0, 5)).toThrow(forbidden);
    expect(goldRows()).toEqual([]);
  });

  it('answers 404 for an article that does not exist', () => {
    expect(() => acceptIntoGold(admin, 999_999, [1])).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => curationView(admin, 999_999)).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('curationView', () => {
  it('counts reviewers who tagged something or marked the article done, and lines up their spans', () => {
    const carol = person('carol');
    getDb().insert(assignments).values({ articleId: article.id, reviewerId: carol.id, status: 'done', createdAt: nowIso(), updatedAt: nowIso() }).run();
    // Dave is assigned but has neither tagged nor finished: his silence is not a judgment yet.
    const dave = person('dave');
    getDb().insert(assignments).values({ articleId: article.id, reviewerId: dave.id, status: 'in_progress', createdAt: nowIso(), updatedAt: nowIso() }).run();
    tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });

    const view = curationView(admin, article.id);

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
  it('accepts one copy of each open agreed cluster and leaves disagreements alone', () => {
    tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    tag(alice, 'The militia', 'actor');
    tag(bob, 'The militia', 'actor');
    tag(alice, 'the border', 'actor');
    tag(bob, 'near the border', 'actor');

    expect(acceptAllAgreed(admin, article.id)).toBe(2);
    expect(goldRows().map((row) => row.quote).sort()).toEqual(['The militia', 'five fighters']);
    expect(curationView(admin, article.id).clusters.map((cluster) => cluster.state)).toEqual(['accepted', 'open', 'accepted']);
    expect(acceptAllAgreed(admin, article.id)).toBe(0);
  });
});

describe('rejectCluster and reopenCluster', () => {
  it('rejects a cluster as it is now and reopens it', () => {
    tag(alice, 'the border', 'actor');
    tag(bob, 'near the border', 'actor');
    const start = TEXT.indexOf('near the border');
    const end = start + 'near the border'.length;
    const states = () => curationView(admin, article.id).clusters.map((cluster) => cluster.state);

    rejectCluster(admin, article.id, start, end);
    rejectCluster(admin, article.id, start, end);
    expect(states()).toEqual(['rejected']);
    reopenCluster(admin, article.id, start, end);
    expect(states()).toEqual(['open']);
    reopenCluster(admin, article.id, start, end);
    expect(states()).toEqual(['open']);
  });

  it('refuses a stretch that is no longer a cluster, or is already in gold', () => {
    const figure = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const start = TEXT.indexOf('five');
    expect(() => rejectCluster(admin, article.id, start, start + 4)).toThrow(expect.objectContaining({ code: 'cluster_changed', status: 409 }));
    acceptIntoGold(admin, article.id, [figure]);
    expect(() => rejectCluster(admin, article.id, start, start + 'five fighters'.length)).toThrow(expect.objectContaining({ code: 'cluster_accepted', status: 409 }));
  });
});

/** A reviewer's comparison, written straight into the tables as the comparison form leaves it. */
function compare(reviewer: Viewer, annotationIds: number[], title = `${reviewer.username}'s comparison`): number {
  const at = nowIso();
  const row = getDb()
    .insert(comparisons)
    .values({ title, status: 'explained', resolutionNote: 'Different counts.', createdBy: reviewer.id, layerId: reviewer.id, createdAt: at, updatedAt: at })
    .returning()
    .get();
  annotationIds.forEach((annotationId, position) => getDb().insert(comparisonMembers).values({ comparisonId: row.id, annotationId, position }).run());
  return row.id;
}

function goldComparisons() {
  const goldId = goldReviewer(getDb()).id;
  return getDb()
    .select()
    .from(comparisons)
    .where(and(eq(comparisons.layerId, goldId), isNull(comparisons.deletedAt)))
    .all()
    .map((comparison) => ({
      ...comparison,
      members: getDb()
        .select({ annotationId: comparisonMembers.annotationId })
        .from(comparisonMembers)
        .where(eq(comparisonMembers.comparisonId, comparison.id))
        .orderBy(comparisonMembers.position)
        .all()
        .map((member) => member.annotationId),
    }));
}

describe('comparisons follow their figures into gold', () => {
  const SEVEN = { valueMin: 7, valueMax: 7, category: 'killed', counted: 'fighters' } as const;

  it('carries a comparison whose figures are all accepted, over the gold copies, once', () => {
    const five = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const border = tag(alice, 'the border', 'figure', { figure: SEVEN });
    const source = compare(alice, [five, border], 'Fighters killed near the border');

    const [fiveCopy] = acceptIntoGold(admin, article.id, [five]);
    expect(goldComparisons()).toEqual([]);
    expect(curationView(admin, article.id).comparisons).toMatchObject([
      { id: source, title: 'Fighters killed near the border', layerName: 'Alice', figures: [{ annotationId: five, goldId: fiveCopy }, { annotationId: border, goldId: null }] },
    ]);

    const [borderCopy] = acceptIntoGold(admin, article.id, [border]);
    const carried = goldComparisons();
    expect(carried).toMatchObject([
      { title: 'Fighters killed near the border', status: 'explained', resolutionNote: 'Different counts.', createdBy: admin.id, members: [fiveCopy, borderCopy] },
    ]);
    expect(getDb().select().from(comparisons).where(eq(comparisons.id, source)).get()).toMatchObject({ goldCopyId: carried[0]!.id });
    expect(curationView(admin, article.id).comparisons).toEqual([]);

    // Bob made the same comparison: it joins the one gold already has instead of doubling it.
    const bobsFive = tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const bobsBorder = tag(bob, 'the border', 'figure', { figure: SEVEN });
    const bobs = compare(bob, [bobsFive, bobsBorder]);
    acceptIntoGold(admin, article.id, [bobsFive, bobsBorder]);
    expect(goldComparisons()).toHaveLength(1);
    expect(getDb().select().from(comparisons).where(eq(comparisons.id, bobs)).get()).toMatchObject({ goldCopyId: carried[0]!.id });
  });

  it('carries with Accept all agreed too', () => {
    const alicesPair = [tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED }), tag(alice, 'the border', 'figure', { figure: SEVEN })];
    tag(bob, 'five fighters', 'figure', { figure: FIVE_KILLED });
    tag(bob, 'the border', 'figure', { figure: SEVEN });
    compare(alice, alicesPair);
    expect(acceptAllAgreed(admin, article.id)).toBe(2);
    expect(goldComparisons()).toHaveLength(1);
  });

  it('lets the admin settle a partly accepted comparison: accept the rest, or drop it', () => {
    const otherText = 'Elsewhere, seven fighters were killed.';
    const other = writeTransaction((tx) => insertArticle(tx, { text: otherText }, admin.id));
    const five = tag(alice, 'five fighters', 'figure', { figure: FIVE_KILLED });
    const seven = tag(alice, 'seven fighters', 'figure', { articleId: other.id, text: otherText, figure: SEVEN });
    const acrossArticles = compare(alice, [five, seven], 'Across articles');
    const border = tag(alice, 'the border', 'figure', { figure: SEVEN });
    const toDrop = compare(alice, [five, border], 'To drop');
    acceptIntoGold(admin, article.id, [five]);
    expect(curationView(admin, article.id).comparisons.map((comparison) => comparison.title)).toEqual(['Across articles', 'To drop']);

    expect(settleComparison(admin, article.id, toDrop, 'drop')).toBeNull();
    const goldId = settleComparison(admin, article.id, acrossArticles, 'accept');

    expect(curationView(admin, article.id).comparisons).toEqual([]);
    const [carried] = goldComparisons();
    expect(carried).toMatchObject({ id: goldId, title: 'Across articles' });
    // The other article's figure was accepted into gold on its own article.
    const sevenCopy = goldRows().find((row) => row.id === carried!.members[1]);
    expect(sevenCopy).toMatchObject({ articleId: other.id, quote: 'seven fighters' });
    expect(goldRows().some((row) => row.quote === 'the border')).toBe(false);
    expect(() => settleComparison(admin, article.id, toDrop, 'accept')).toThrow(expect.objectContaining({ code: 'comparison_not_pending', status: 404 }));
    expect(() => settleComparison(alice, article.id, toDrop, 'drop')).toThrow(expect.objectContaining({ code: 'admin_only' }));
  });
});
