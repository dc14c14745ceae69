import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../lib/labels';
import { isAppError } from '../lib/errors';
import type { Viewer } from './access';
import { agreementArticleChoices, agreementForViewer, agreementLayers } from './agreement';
import type { Database } from './database';
import { annotations, articles, assignments, figureDetails, reviewers } from './schema';
import { freshDatabase } from './test-database.test-helper';

let db: Database;

const AT = '2026-01-01T00:00:00.000Z';

// 12 word tokens: Five[0,4) fighters[5,13) were[14,18) killed[19,25) and[26,29) two[30,33)
// civilians[34,43) were[44,48) wounded[49,56) near[57,61) the[62,65) border[66,72)
const SENTENCE = 'Five fighters were killed and two civilians were wounded near the border.';

async function addReviewer(username: string, role: Viewer['role'] = 'reviewer'): Promise<Viewer> {
  const [row] = await db.write((tx) => tx.insert(reviewers).values({ username, displayName: username, role, createdAt: AT }).returning());
  return { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
}

async function addArticle(title: string, createdBy: number, deleted = false): Promise<number> {
  const [row] = await db.write((tx) =>
    tx
      .insert(articles)
      .values({ title, text: SENTENCE, wordCount: 12, createdBy, createdAt: AT, updatedAt: AT, deletedAt: deleted ? AT : null })
      .returning(),
  );
  return row!.id;
}

interface SpanInput {
  label: Label;
  start: number;
  end: number;
  figure?: { min: number; max: number; category: string };
  deleted?: boolean;
}

async function addSpan(articleId: number, reviewerId: number, { label, start, end, figure, deleted }: SpanInput): Promise<void> {
  await db.write(async (tx) => {
    const [annotation] = await tx
      .insert(annotations)
      .values({
        articleId,
        reviewerId,
        label,
        start,
        end,
        quote: SENTENCE.slice(start, end),
        prefix: SENTENCE.slice(Math.max(0, start - 32), start),
        suffix: SENTENCE.slice(end, end + 32),
        createdAt: AT,
        updatedAt: AT,
        deletedAt: deleted ? AT : null,
      })
      .returning();
    if (figure) {
      await tx.insert(figureDetails).values({ annotationId: annotation!.id, valueMin: figure.min, valueMax: figure.max, category: figure.category });
    }
  });
}

async function assign(articleId: number, reviewerId: number, status: 'not_started' | 'in_progress' | 'done'): Promise<void> {
  await db.write(async (tx) => {
    await tx.insert(assignments).values({ articleId, reviewerId, status, createdAt: AT, updatedAt: AT });
  });
}

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

let admin: Viewer;
let alice: Viewer;
let main: number;
let deletedArticle: number;
let solo: number;

beforeAll(async () => {
  ({ db } = await freshDatabase('agreement'));
  admin = await addReviewer('ada', 'admin');
  alice = await addReviewer('alice');
  const bob = await addReviewer('bob');
  const carol = await addReviewer('carol');
  const dave = await addReviewer('dave');
  const erin = await addReviewer('erin');
  const [gold] = await db.read((conn) => conn.select().from(reviewers).where(eq(reviewers.kind, 'gold')).limit(1));
  if (!gold) throw new Error('the startup data should include the gold layer');

  main = await addArticle('Strikes near the border', admin.id);
  // alice: two figures, an actor, a claim, and an actor she deleted.
  await addSpan(main, alice.id, { label: 'figure', start: 0, end: 25, figure: { min: 5, max: 5, category: 'killed' } });
  await addSpan(main, alice.id, { label: 'figure', start: 30, end: 56, figure: { min: 2, max: 2, category: 'wounded' } });
  await addSpan(main, alice.id, { label: 'actor', start: 5, end: 13 });
  await addSpan(main, alice.id, { label: 'claim', start: 0, end: 56 });
  await addSpan(main, alice.id, { label: 'actor', start: 34, end: 43, deleted: true });
  // bob: the first figure at the same offsets, same value, another category; the second one shorter.
  await addSpan(main, bob.id, { label: 'figure', start: 0, end: 25, figure: { min: 5, max: 5, category: 'deaths' } });
  await addSpan(main, bob.id, { label: 'figure', start: 30, end: 48, figure: { min: 2, max: 2, category: 'wounded' } });
  await assign(main, bob.id, 'in_progress');
  // carol finished without tagging anything: a layer. dave has not started: none.
  await assign(main, carol.id, 'done');
  await assign(main, dave.id, 'not_started');
  // erin's only span is deleted and she is still working: no layer.
  await addSpan(main, erin.id, { label: 'claim', start: 0, end: 25, deleted: true });
  await assign(main, erin.id, 'in_progress');
  // The adjudicated layer is not a reviewer, even when "done".
  await addSpan(main, gold.id, { label: 'figure', start: 0, end: 25, figure: { min: 5, max: 5, category: 'killed' } });
  await assign(main, gold.id, 'done');

  deletedArticle = await addArticle('Deleted', admin.id, true);
  await addSpan(deletedArticle, alice.id, { label: 'claim', start: 0, end: 25 });
  await addSpan(deletedArticle, bob.id, { label: 'claim', start: 0, end: 25 });

  solo = await addArticle('Only alice', admin.id);
  await addSpan(solo, alice.id, { label: 'actor', start: 5, end: 13 });
});

describe('agreementLayers', () => {
  it('builds one layer per person who tagged something or finished, on live articles only', async () => {
    const library = await agreementLayers(db, admin);
    expect(library.map((article) => article.articleId)).toEqual([main, solo]);
    const [first, second] = library;
    expect(first?.text).toBe(SENTENCE);
    expect(first?.layers).toEqual([
      {
        reviewer: 'alice',
        spans: [
          { label: 'figure', start: 0, end: 25, figure: { min: 5, max: 5, category: 'killed' } },
          { label: 'claim', start: 0, end: 56 },
          { label: 'actor', start: 5, end: 13 },
          { label: 'figure', start: 30, end: 56, figure: { min: 2, max: 2, category: 'wounded' } },
        ],
      },
      {
        reviewer: 'bob',
        spans: [
          { label: 'figure', start: 0, end: 25, figure: { min: 5, max: 5, category: 'deaths' } },
          { label: 'figure', start: 30, end: 48, figure: { min: 2, max: 2, category: 'wounded' } },
        ],
      },
      { reviewer: 'carol', spans: [] },
    ]);
    expect(second?.layers).toEqual([{ reviewer: 'alice', spans: [{ label: 'actor', start: 5, end: 13 }] }]);
  });

  it('reads one article when asked, and answers 404 for an unknown or deleted one', async () => {
    expect((await agreementLayers(db, admin, main)).map((article) => article.articleId)).toEqual([main]);
    for (const id of [deletedArticle, 99_999]) {
      const error = await thrown(() => agreementLayers(db, admin, id));
      expect(isAppError(error) && { code: error.code, status: error.status }).toEqual({ code: 'article_not_found', status: 404 });
    }
  });

  it('is for admins only', async () => {
    for (const work of [() => agreementLayers(db, alice), () => agreementForViewer(db, alice, main), () => agreementArticleChoices(db, alice)]) {
      const error = await thrown(work);
      expect(isAppError(error) && error.status).toBe(403);
    }
  });
});

describe('agreementForViewer', () => {
  it('scores every pair of layers on the article', async () => {
    const report = await agreementForViewer(db, admin, main);
    expect(report.articles).toBe(1);
    expect(report.reviewers).toEqual(['alice', 'bob', 'carol']);
    expect(report.pairs.map((pair) => `${pair.reviewerA}-${pair.reviewerB}`)).toEqual(['alice-bob', 'alice-carol', 'bob-carol']);
    const [aliceBob, aliceCarol] = report.pairs;
    // Figures: one of alice's two spans has the same offsets as one of bob's → exact F1 = 2·1 / (2 + 2) = 0.5;
    // [30,56) and [30,48) overlap, so both pair up → overlap F1 = 2·2 / 4 = 1.
    expect(aliceBob?.byLabel.figure).toMatchObject({ exactF1: 0.5, overlapF1: 1, countA: 2, countB: 2 });
    // The one exact match: 5 = 5, "killed" ≠ "deaths".
    expect(aliceBob?.figures).toEqual({ matched: 1, valueAgreement: 1, categoryAgreement: 0 });
    // Claims: alice 1, bob 0 → 2·0 / (1 + 0) = 0; carol's empty layer scores 0 against alice's spans.
    expect(aliceBob?.byLabel.claim.exactF1).toBe(0);
    expect(aliceCarol?.byLabel.actor).toMatchObject({ exactF1: 0, overlapF1: 0, countA: 1, countB: 0 });
  });

  it('counts only articles where two layers met for the library', async () => {
    const report = await agreementForViewer(db, admin);
    expect(report.articles).toBe(1);
    expect(report.reviewers).toEqual(['alice', 'bob', 'carol']);
    expect(report.pairs).toEqual((await agreementForViewer(db, admin, main)).pairs);
  });

  it('lists live articles to choose from', async () => {
    expect((await agreementArticleChoices(db, admin)).map((article) => article.title).sort()).toEqual(['Only alice', 'Strikes near the border']);
  });
});
