import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotationQueued, getAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import { getDb } from './client';
import { readingSettled, resumePendingReadings } from './readings';
import { commandLineViewer } from './reviewers';
import { history, pendingReadings } from './schema';

/*
 * The API's create (db/annotations.ts createAnnotationQueued) with the reading after the write
 * (db/readings.ts): the span is stored and answered first, its figure or claim details follow.
 */

const TEXT = 'At least five Shiite militiamen were killed in the strikes, Kataib Hezbollah said on Wednesday.';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-readings-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let databaseCount = 0;
beforeEach(() => {
  databaseCount += 1;
  process.env.DATABASE_PATH = path.join(folder, `readings-${databaseCount}.db`);
});

function setUp() {
  const viewer = commandLineViewer();
  const article = createArticle(viewer, { text: TEXT, title: 'Strikes' });
  const span = (quote: string, label: 'figure' | 'claim' | 'actor') => {
    const start = article.text.indexOf(quote);
    return { label, start, end: start + quote.length, quote };
  };
  return { viewer, article, span };
}

const pendingIds = () => getDb().select().from(pendingReadings).all().map((row) => row.annotationId);

describe('a figure read after the write', () => {
  it('is answered pending, then stored with its reading; the create is logged once', async () => {
    const { viewer, article, span } = setUp();
    const figure = await createAnnotationQueued(viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    expect(figure).toMatchObject({ label: 'figure', version: 1, figure: null, readingPending: true, reviewerName: viewer.displayName });
    expect(getAnnotation(viewer, figure.id)).toMatchObject({ figure: null, readingPending: true });
    expect(pendingIds()).toEqual([figure.id]);

    await readingSettled(figure.id, 5000);
    expect(getAnnotation(viewer, figure.id)).toMatchObject({
      version: 1,
      readingPending: false,
      figure: { min: 5, qualifier: 'at_least', category: 'killed', counted: 'Shiite militiamen' },
    });
    expect(pendingIds()).toEqual([]);
    const logged = getDb().select().from(history).where(and(eq(history.entityType, 'annotation'), eq(history.entityId, figure.id))).all();
    expect(logged.map((row) => row.action)).toEqual(['create']);
    expect(JSON.parse(logged[0]!.after!)).toMatchObject({ id: figure.id, figure: null, claim: null });
  });

  it('a claim gets its claimant after the write; an actor needs no reading', async () => {
    const { viewer, article, span } = setUp();
    const actor = await createAnnotationQueued(viewer, article.id, span('Kataib Hezbollah', 'actor'), viewer.id, { reading: 'after' });
    expect(actor).toMatchObject({ readingPending: false, actor: { canonicalName: 'Kataib Hezbollah' } });
    const claim = await createAnnotationQueued(viewer, article.id, span('At least five Shiite militiamen were killed in the strikes', 'claim'), viewer.id, { reading: 'after' });
    expect(claim).toMatchObject({ claim: null, readingPending: true });
    await readingSettled(claim.id, 5000);
    expect(getAnnotation(viewer, claim.id).claim).toEqual({ status: 'unverified', claimant: actor.actor });
  });

  it('read before the write, the answer holds the reading at once', async () => {
    const { viewer, article, span } = setUp();
    const figure = await createAnnotationQueued(viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'before' });
    expect(figure).toMatchObject({ readingPending: false, figure: { min: 5, category: 'killed' } });
    expect(pendingIds()).toEqual([]);
  });

  it("a reviewer's correction made while the reading is pending is kept when the reading is stored", async () => {
    const { viewer, article, span } = setUp();
    const figure = await createAnnotationQueued(viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    const corrected = updateAnnotation(viewer, figure.id, { figure: { min: 6, max: 6 }, expectedVersion: 1 });
    expect(corrected).toMatchObject({ version: 2, readingPending: false, figure: { min: 6, max: 6, category: 'killed' } });
    await readingSettled(figure.id, 5000);
    expect(getAnnotation(viewer, figure.id)).toMatchObject({ version: 2, figure: { min: 6, max: 6 } });
    expect(pendingIds()).toEqual([]);
  });

  it('a reading left pending by a crash is made on the next start', async () => {
    const { viewer, article, span } = setUp();
    const figure = await createAnnotationQueued(viewer, article.id, span('five Shiite militiamen', 'figure'), viewer.id, { reading: 'after' });
    await readingSettled(figure.id, 5000);
    // As if the process had stopped between the write and its reading.
    getDb().run(`delete from figure_details where annotation_id = ${figure.id}`);
    getDb().insert(pendingReadings).values({ annotationId: figure.id, queuedAt: new Date().toISOString() }).run();
    expect(resumePendingReadings()).toBe(1);
    await readingSettled(figure.id, 5000);
    expect(getAnnotation(viewer, figure.id)).toMatchObject({ readingPending: false, figure: { min: 5 } });
  });
});
