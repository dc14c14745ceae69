import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotationQueued, getAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import type { Database } from './database';
import { rawRun } from './raw';
import { isReadingPending, readingSettled, resumePendingReadings } from './readings';
import { history, pendingReadings, reviewers } from './schema';
import { statusOf } from './status-of.test-helper';
import { freshDatabase } from './test-database.test-helper';

/*
 * The API's create (db/annotations.ts createAnnotationQueued) with the reading after the write
 * (db/readings.ts): the span is stored and answered first, its figure or claim details follow.
 */

const TEXT = 'At least five Shiite militiamen were killed in the strikes, Kataib Hezbollah said on Wednesday.';

let db: Database;
let viewer: Viewer;

beforeEach(async () => {
  ({ db, admin: viewer } = await freshDatabase('readings'));
});

async function setUp() {
  const article = await createArticle(db, viewer, { text: TEXT, title: 'Strikes' });
  const span = (quote: string, label: 'figure' | 'claim' | 'actor') => {
    const start = article.text.indexOf(quote);
    return { label, start, end: start + quote.length, quote };
  };
  return { article, span };
}

const pendingIds = async () => (await db.read((conn) => conn.select().from(pendingReadings))).map((row) => row.annotationId);

describe('a figure read after the write', () => {
  it('is answered pending, then stored with its reading; the create is logged once', async () => {
    const { article, span } = await setUp();
    const figure = await createAnnotationQueued(db, viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    expect(figure).toMatchObject({ label: 'figure', version: 1, figure: null, readingPending: true, reviewerName: viewer.displayName });
    expect(await getAnnotation(db, viewer, figure.id)).toMatchObject({ figure: null, readingPending: true });
    expect(await pendingIds()).toEqual([figure.id]);
    expect(await isReadingPending(db, viewer, figure.id)).toBe(true);

    await readingSettled(db, figure.id, 5000);
    expect(await getAnnotation(db, viewer, figure.id)).toMatchObject({
      version: 1,
      readingPending: false,
      figure: { min: 5, qualifier: 'at_least', category: 'killed', counted: 'Shiite militiamen' },
    });
    expect(await pendingIds()).toEqual([]);
    expect(await isReadingPending(db, viewer, figure.id)).toBe(false);
    const logged = await db.read((conn) =>
      conn
        .select()
        .from(history)
        .where(and(eq(history.entityType, 'annotation'), eq(history.entityId, figure.id))),
    );
    expect(logged.map((row) => row.action)).toEqual(['create']);
    expect(JSON.parse(logged[0]!.after!)).toMatchObject({ id: figure.id, figure: null, claim: null });
  });

  it('a claim gets its claimant after the write; an actor needs no reading', async () => {
    const { article, span } = await setUp();
    const actor = await createAnnotationQueued(db, viewer, article.id, span('Kataib Hezbollah', 'actor'), viewer.id, { reading: 'after' });
    expect(actor).toMatchObject({ readingPending: false, actor: { canonicalName: 'Kataib Hezbollah' } });
    const claim = await createAnnotationQueued(db, viewer, article.id, span('At least five Shiite militiamen were killed in the strikes', 'claim'), viewer.id, { reading: 'after' });
    expect(claim).toMatchObject({ claim: null, readingPending: true });
    await readingSettled(db, claim.id, 5000);
    expect((await getAnnotation(db, viewer, claim.id)).claim).toEqual({ status: 'unverified', claimant: actor.actor });
  });

  it('read before the write, the answer holds the reading at once', async () => {
    const { article, span } = await setUp();
    const figure = await createAnnotationQueued(db, viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'before' });
    expect(figure).toMatchObject({ readingPending: false, figure: { min: 5, category: 'killed' } });
    expect(await pendingIds()).toEqual([]);
  });

  it("a reviewer's correction made while the reading is pending is kept when the reading is stored", async () => {
    const { article, span } = await setUp();
    const figure = await createAnnotationQueued(db, viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    const corrected = await updateAnnotation(db, viewer, figure.id, { figure: { min: 6, max: 6 }, expectedVersion: 1 });
    expect(corrected).toMatchObject({ version: 2, readingPending: false, figure: { min: 6, max: 6, category: 'killed' } });
    await readingSettled(db, figure.id, 5000);
    expect(await getAnnotation(db, viewer, figure.id)).toMatchObject({ version: 2, figure: { min: 6, max: 6 } });
    expect(await pendingIds()).toEqual([]);
  });

  it('a reading left pending by a crash is made on the next start', async () => {
    const { article, span } = await setUp();
    const figure = await createAnnotationQueued(db, viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    await readingSettled(db, figure.id, 5000);
    // As if the process had stopped between the write and its reading.
    await db.write(async (tx) => {
      await rawRun(tx, sql`delete from figure_details where annotation_id = ${figure.id}`);
      await tx.insert(pendingReadings).values({ annotationId: figure.id, queuedAt: new Date().toISOString() });
    });
    expect(await resumePendingReadings(db)).toBe(1);
    await readingSettled(db, figure.id, 5000);
    expect(await getAnnotation(db, viewer, figure.id)).toMatchObject({ readingPending: false, figure: { min: 5 } });
  });

  it('tells only a viewer who may see the annotation whether its reading is pending', async () => {
    const { article, span } = await setUp();
    const figure = await createAnnotationQueued(db, viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    const [row] = await db.write((tx) => tx.insert(reviewers).values({ username: 'outsider', displayName: 'Outsider', createdAt: new Date().toISOString() }).returning());
    const outsider: Viewer = { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
    expect(await statusOf(() => isReadingPending(db, outsider, figure.id))).toBe(404);
    await readingSettled(db, figure.id, 5000);
  });
});
