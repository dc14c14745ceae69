import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createActor } from './actors';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import type { Database } from './database';
import { statusOf } from './status-of.test-helper';
import { freshDatabase } from './test-database.test-helper';

/*
 * Writers that race. SQLite has one writer at a time; on PostgreSQL the writes below really run at
 * once on separate connections, and must end as they do on SQLite: one wins, the others are told
 * why (a stale version, a taken name), nothing is lost or doubled.
 */

const TEXT = 'Kataib Hezbollah said five of its fighters were killed near Jurf al-Sakhar.';

let db: Database;
let admin: Viewer;

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('concurrency'));
});

describe('racing writers', () => {
  it('let exactly one of several changes based on the same version through; the rest get 409', async () => {
    const article = await createArticle(db, admin, { text: TEXT, title: 'Race' });
    const quote = 'Kataib Hezbollah';
    const created = await createAnnotation(db, admin, article.id, { label: 'claim', start: 0, end: quote.length, quote });
    const notes = ['first', 'second', 'third', 'fourth', 'fifth'];
    const outcomes = await Promise.all(notes.map((note) => statusOf(() => updateAnnotation(db, admin, created.id, { note, expectedVersion: created.version }))));
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 409)).toHaveLength(notes.length - 1);
  });

  it('give one actor for one name created at once, and 409 to the others', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => statusOf(() => createActor(db, admin, { canonicalName: 'Kataib Hezbollah' }))));
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 409)).toHaveLength(4);
  });
});
