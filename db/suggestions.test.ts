import { and, eq, inArray, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { annotationVisibilityCondition, type Viewer } from './access';
import { insertArticle } from './article-insert';
import { nowIso } from './clock';
import { createComparison, dismissSuggestion, listSuggestions, type SuggestionView } from './comparisons';
import type { Database } from './database';
import { configuredEngine } from './engine';
import { isTrue } from './dialect';
import { annotations, articles, assignments, figureDetails, figurePlaceKeys, reviewers, type Article } from './schema';
import { freshDatabase } from './test-database.test-helper';

/*
 * The reader's suggestions for one article (issue 11, point 5) are read from the figures the rule
 * could group with the article's, found through indexes: they must be exactly the layer's whole
 * list filtered to that article, whatever the places' spellings, dismissals, comparisons and
 * article versions, and never hold another layer's figure.
 */

const TEXT =
  'Officials said five fighters were killed near the border on Monday. The militia said seven of its men died. ' +
  'Residents counted twelve civilians wounded in the strikes. A spokesman said 40 sites were struck overnight.';

// Spellings of one place under the rule's key (case, spacing, a leading "the", edge punctuation), and others.
const PLACES = [null, '   ', 'Jurf al Sakhar', 'the Jurf Al Sakhar', 'JURF  AL SAKHAR,', 'Babil', 'Baghdad', 'west of Baghdad', 'Gaza', 'Rafah'];
const COUNTED = [null, 'fighters', 'militants', 'Shiite militiamen', 'civilians', 'people', 'five of them', 'soldiers'];
const CATEGORIES = ['killed', 'killed', 'wounded', 'strikes'];
const TIMES = [null, null, 'Monday', 'Wednesday', 'early on Monday'];

let db: Database;
let admin: Viewer;
let alice: Viewer;

// A small deterministic generator, so a failure reproduces.
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

async function person(username: string): Promise<Viewer> {
  const [row] = await db.write((tx) => tx.insert(reviewers).values({ username, displayName: username, createdAt: nowIso() }).returning());
  return { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
}

async function article(title: string): Promise<Article> {
  const row = await db.write((tx) => insertArticle(tx, { text: TEXT, title }, admin.id));
  const at = nowIso();
  await db.write((tx) => tx.insert(assignments).values({ articleId: row.id, reviewerId: alice.id, status: 'in_progress', createdAt: at, updatedAt: at }));
  return row;
}

interface FigureSpec {
  value: number;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
}

async function figure(layer: Viewer, articleId: number, spec: FigureSpec, deleted = false): Promise<number> {
  const start = (spec.value * 7) % (TEXT.length - 10);
  const at = nowIso();
  return db.write(async (tx) => {
    const [row] = await tx
      .insert(annotations)
      .values({ articleId, reviewerId: layer.id, label: 'figure', start, end: start + 5, quote: TEXT.slice(start, start + 5), prefix: '', suffix: '', createdAt: at, updatedAt: at, deletedAt: deleted ? at : null })
      .returning();
    await tx.insert(figureDetails).values({ annotationId: row!.id, valueMin: spec.value, valueMax: spec.value, category: spec.category, counted: spec.counted, place: spec.place, time: spec.time });
    return row!.id;
  });
}

function randomSpec(next: (n: number) => number): FigureSpec {
  return {
    value: 1 + next(9),
    category: CATEGORIES[next(CATEGORIES.length)]!,
    counted: COUNTED[next(COUNTED.length)]!,
    place: PLACES[next(PLACES.length)]!,
    time: TIMES[next(TIMES.length)]!,
  };
}

let articleIds: number[];
let supersededId: number;

beforeEach(async () => {
  ({ db, admin } = await freshDatabase('suggestions'));
  alice = await person('alice');
  const next = generator(11);
  const made: Article[] = [];
  for (let i = 0; i < 7; i++) made.push(await article(`Report ${i}`));
  // An earlier version: its figures are never offered, even where they share every key.
  const old = await article('Report 0, first version');
  await db.write((tx) => tx.update(articles).set({ nextVersionId: made[0]!.id }).where(eq(articles.id, old.id)));
  await db.write((tx) => tx.update(articles).set({ previousVersionId: old.id, versionNumber: 2 }).where(eq(articles.id, made[0]!.id)));
  supersededId = old.id;
  articleIds = [...made.map((row) => row.id), old.id];
  for (const layer of [admin, alice]) {
    for (const id of articleIds) {
      for (let i = 0; i < 7; i++) await figure(layer, id, randomSpec(next));
      // A deleted figure that would otherwise join the place's group.
      await figure(layer, id, { value: 9, category: 'killed', counted: 'fighters', place: 'Jurf al Sakhar', time: null }, next(3) === 0);
    }
  }
  // Dismiss one suggestion and compare another in each layer, as its reviewer.
  for (const layer of [admin, alice]) {
    const all = await listSuggestions(db, layer, undefined, layer.id);
    expect(all.length).toBeGreaterThan(3);
    await dismissSuggestion(db, layer, all[0]!.annotationIds);
    await createComparison(db, layer, { title: 'Compared', annotationIds: all[1]!.annotationIds });
    // A comparison of part of a group does not cover the group: it is still offered.
    await createComparison(db, layer, { title: 'Part', annotationIds: all[2]!.annotationIds.slice(0, 2) });
  }
}, 60_000);

function shape(suggestions: SuggestionView[]) {
  return suggestions.map(({ figures, ...suggestion }) => ({ ...suggestion, figures: figures.map((figure) => [figure.annotationId, figure.articleId, figure.sentence]) }));
}

describe("one article's suggestions", () => {
  it('are the whole layer’s list filtered to the article, in every layer, for every article', async () => {
    let offered = 0;
    for (const [viewer, layer] of [
      [admin, admin],
      [admin, alice],
      [alice, alice],
    ] as const) {
      const all = await listSuggestions(db, viewer, undefined, layer.id);
      for (const id of articleIds) {
        const expected = all.filter((suggestion) => suggestion.figures.some((figure) => figure.articleId === id));
        const actual = await listSuggestions(db, viewer, id, layer.id);
        expect(shape(actual), `layer ${layer.username}, article ${id}`).toEqual(shape(expected));
        offered += actual.length;
      }
    }
    expect(offered).toBeGreaterThan(10);
    expect(await listSuggestions(db, admin, supersededId, admin.id)).toEqual([]);
  }, 60_000);

  it('never hold another layer’s figure', async () => {
    const own = new Set((await db.read((conn) => conn.select({ id: annotations.id }).from(annotations).where(eq(annotations.reviewerId, alice.id)))).map((row) => row.id));
    for (const id of articleIds) {
      for (const suggestion of await listSuggestions(db, admin, id, alice.id)) {
        for (const annotationId of suggestion.annotationIds) expect(own.has(annotationId)).toBe(true);
      }
    }
  }, 60_000);

  it('follow a changed place: the key is recomputed and the lists still agree', async () => {
    const target = articleIds[3]!;
    await listSuggestions(db, admin, target, admin.id);
    const [row] = await db.read((conn) => conn.select({ id: annotations.id }).from(annotations).where(eq(annotations.articleId, articleIds[5]!)).limit(1));
    await db.write((tx) => tx.update(figureDetails).set({ place: 'the jurf al sakhar', counted: 'fighters', category: 'killed' }).where(eq(figureDetails.annotationId, row!.id)));
    const [stale] = await db.read((conn) => conn.select().from(figurePlaceKeys).where(eq(figurePlaceKeys.annotationId, row!.id)));
    expect(stale).toMatchObject({ place: 'the jurf al sakhar', placeKey: null, stale: true });
    const all = await listSuggestions(db, admin, undefined, admin.id);
    for (const id of articleIds) {
      const expected = all.filter((suggestion) => suggestion.figures.some((figure) => figure.articleId === id));
      expect(shape(await listSuggestions(db, admin, id, admin.id))).toEqual(shape(expected));
    }
    const [keyed] = await db.read((conn) => conn.select().from(figurePlaceKeys).where(eq(figurePlaceKeys.annotationId, row!.id)));
    expect(keyed).toMatchObject({ placeKey: 'jurf al sakhar', stale: false });
  }, 60_000);
});

describe.skipIf(configuredEngine() !== 'sqlite')('the candidate queries on SQLite', () => {
  it('read a place key’s figures, the stale rows and an article’s figures through indexes, never the whole layer', async () => {
    const client = (db.conn as unknown as { $client: { prepare(sql: string): { all(...params: unknown[]): unknown[] } } }).$client;
    const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
      const { sql, params } = query.toSQL();
      return (client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
    };
    const latest = and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt), isNull(articles.nextVersionId));
    const columns = { id: annotations.id, articleId: annotations.articleId, counted: figureDetails.counted, place: figureDetails.place };
    // The same queries as relatedFigureIds in db/comparisons.ts, for an admin. (A reviewer's
    // visibility condition, db/access.ts, adds its own subqueries.)
    const byKey = plan(db.conn.select({ id: figurePlaceKeys.annotationId }).from(figurePlaceKeys).where(inArray(figurePlaceKeys.placeKey, ['jurf al sakhar', 'baghdad'])));
    const stale = plan(db.conn.select({ id: figurePlaceKeys.annotationId }).from(figurePlaceKeys).where(isTrue(figurePlaceKeys.stale)));
    const byIds = plan(
      db.conn
        .select({ ...columns, layerId: annotations.reviewerId })
        .from(annotations)
        .innerJoin(articles, latest)
        .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(and(inArray(annotations.id, [1, 2, 3]), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), annotationVisibilityCondition(admin))),
    );
    const ofArticle = plan(
      db.conn
        .select(columns)
        .from(annotations)
        .innerJoin(articles, latest)
        .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(and(eq(annotations.reviewerId, alice.id), eq(annotations.label, 'figure'), isNull(annotations.deletedAt), annotationVisibilityCondition(admin), inArray(annotations.articleId, [1, 2]))),
    );
    console.log(`place key:\n${byKey}\n\nstale rows:\n${stale}\n\nfigures by id:\n${byIds}\n\nan article's figures:\n${ofArticle}`);
    expect(byKey).toMatch(/SEARCH figure_place_keys USING COVERING INDEX figure_place_keys_key_idx \(place_key=\?\)/);
    expect(stale).toMatch(/SCAN figure_place_keys USING (COVERING )?INDEX figure_place_keys_stale_idx/);
    expect(byIds).toMatch(/SEARCH annotations USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(ofArticle).toMatch(/SEARCH annotations USING INDEX annotations_layer_article_idx \(reviewer_id=\? AND article_id=\? AND label=\?\)/);
    expect(`${byKey}\n${stale}\n${byIds}\n${ofArticle}`).not.toMatch(/SCAN (annotations|figure_details|articles)\b/);
  });
});
