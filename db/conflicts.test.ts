import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './annotations';
import type { FigurePatch } from './annotation-details';
import { createArticle, updateArticleMetadata } from './articles';
import { assignReviewer } from './assignments';
import { createComparison } from './comparisons';
import { dismissConflict, listConflicts } from './conflicts';
import type { Database } from './database';
import { addIncidentFigure, createIncident } from './incidents';

import { addReviewer, freshDatabase } from './test-database.test-helper';
import { createArticleVersion } from './versions';

let db: Database;
let admin: Viewer;
let gold: Viewer;

beforeEach(async () => {
  ({ db, admin, gold } = await freshDatabase('conflicts'));
});

const FIRST = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const SECOND = 'Officials said five fighters were wounded in the strikes on Jurf Al Sakhar.';

function person(): Promise<Viewer> {
  return addReviewer(db, `r${Math.random().toString(36).slice(2, 10)}`);
}

async function figureIn(viewer: Viewer, articleId: number, text: string, quote: string, details: FigurePatch, layerId?: number): Promise<number> {
  const start = text.indexOf(quote);
  const { id } = await createAnnotation(db, viewer, articleId, { label: 'figure', start, end: start + quote.length, quote }, layerId);
  await updateAnnotation(db, viewer, id, { figure: details });
  return id;
}

// A unique town per test, so groups of one test never meet those of another.
function town(): string {
  return `Town${Math.random().toString(36).slice(2, 8)}`;
}

/** The sample's "five fighters wounded" against a second outlet's "five fighters killed", in one layer. */
async function twoOutlets(viewer: Viewer, layerId?: number, dates: [string, string] = ['2023-11-22', '2023-11-23']) {
  const place = town();
  const first = await createArticle(db, admin, { text: FIRST, title: 'Strikes in Iraq', source: 'The National', publishedOn: dates[0] });
  const second = await createArticle(db, admin, { text: SECOND, title: 'Militias count losses', source: 'Iraq Monitor', publishedOn: dates[1] });
  if (viewer.role !== 'admin') for (const article of [first, second]) await assignReviewer(db, admin, article.id, viewer.id);
  const fighters = { min: 5, max: 5, qualifier: 'exact' as const, counted: 'fighters', place };
  const killed = await figureIn(viewer, first.id, FIRST, 'five of its fighters were killed', { ...fighters, category: 'killed' }, layerId);
  const wounded = await figureIn(viewer, second.id, SECOND, 'five fighters were wounded', { ...fighters, category: 'wounded' }, layerId);
  return { first, second, killed, wounded, place };
}

const ids = (page: Awaited<ReturnType<typeof listConflicts>>) => page.conflicts.map((conflict) => conflict.annotationIds);

describe('the conflict finder', () => {
  it('proposes killed against wounded across two outlets in a reviewer layer, and only to that reviewer', async () => {
    const alice = await person();
    const bob = await person();
    const { killed, wounded } = await twoOutlets(alice);
    const page = await listConflicts(db, alice);
    expect(ids(page)).toEqual([[killed, wounded]]);
    const [conflict] = page.conflicts;
    expect(conflict?.reason).toBe('Both count fighters, but one says killed and the other wounded');
    expect(conflict?.figures.map((figure) => [figure.articleSource, figure.publishedOn, figure.figure.category])).toEqual([
      ['The National', '2023-11-22', 'killed'],
      ['Iraq Monitor', '2023-11-23', 'wounded'],
    ]);
    expect(conflict?.figures[0]?.sentence).toBe(FIRST);
    expect((await listConflicts(db, bob)).conflicts).toEqual([]);
    await expect(listConflicts(db, bob, { layerId: alice.id })).rejects.toThrow(/own layer/);
    expect(ids(await listConflicts(db, admin, { layerId: alice.id }))).toContainEqual([killed, wounded]);
  });

  it('reads the gold layer for admins by default, and remembers a dismissal', async () => {
    const { killed, wounded } = await twoOutlets(admin, gold.id, ['2024-01-10', '2024-01-12']);
    expect(ids(await listConflicts(db, admin))).toContainEqual([killed, wounded]);
    await dismissConflict(db, admin, [wounded, killed]);
    expect(ids(await listConflicts(db, admin))).not.toContainEqual([killed, wounded]);
  });

  it('leaves out groups already in one incident or one comparison, and superseded versions', async () => {
    const alice = await person();
    const a = await twoOutlets(alice);
    const incident = await createIncident(db, admin, { name: `Strikes ${a.place}` });
    await addIncidentFigure(db, alice, incident.event.id, a.killed);
    expect(ids(await listConflicts(db, alice))).toEqual([[a.killed, a.wounded]]);
    await addIncidentFigure(db, alice, incident.event.id, a.wounded);
    expect((await listConflicts(db, alice)).conflicts).toEqual([]);

    const b = await twoOutlets(alice);
    await createComparison(db, alice, { title: 'Fighters killed or wounded', annotationIds: [b.killed, b.wounded] });
    expect((await listConflicts(db, alice)).conflicts).toEqual([]);

    const c = await twoOutlets(alice);
    expect(ids(await listConflicts(db, alice))).toEqual([[c.killed, c.wounded]]);
    await createArticleVersion(db, admin, c.second.id, { text: `${SECOND} Updated.` });
    // The carried figure is on the new version, which is still in the window: the group is proposed anew.
    const [group] = ids(await listConflicts(db, alice));
    expect(group).toHaveLength(2);
    expect(group).not.toContain(c.wounded);
  });

  it('follows writes: a deleted figure, a changed detail and a changed article date', async () => {
    const alice = await person();
    const { killed, wounded, second } = await twoOutlets(alice);
    await updateAnnotation(db, alice, wounded, { figure: { category: 'killed' } });
    expect((await listConflicts(db, alice)).conflicts).toEqual([]);
    await updateAnnotation(db, alice, wounded, { figure: { category: 'wounded' } });
    expect(ids(await listConflicts(db, alice))).toEqual([[killed, wounded]]);
    await updateArticleMetadata(db, admin, second.id, { publishedOn: '2023-12-30' });
    expect((await listConflicts(db, alice)).conflicts).toEqual([]);
    await updateArticleMetadata(db, admin, second.id, { publishedOn: '2023-11-24' });
    expect(ids(await listConflicts(db, alice))).toEqual([[killed, wounded]]);
    await deleteAnnotation(db, alice, killed);
    expect((await listConflicts(db, alice)).conflicts).toEqual([]);
  });

  it('pages newest first with a cursor, and each group appears once', async () => {
    const alice = await person();
    const made = [];
    for (const date of ['2023-01-05', '2023-02-05', '2023-03-05']) made.push(await twoOutlets(alice, undefined, [date, date]));
    const first = await listConflicts(db, alice, { limit: 2 });
    expect(ids(first)).toEqual([made[2], made[1]].map((m) => [m?.killed, m?.wounded]));
    expect(first.nextCursor).not.toBeNull();
    const second = await listConflicts(db, alice, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(ids(second)).toEqual([[made[0]?.killed, made[0]?.wounded]]);
    expect(second.nextCursor).toBeNull();
    await expect(listConflicts(db, alice, { cursor: 'nonsense' })).rejects.toThrow(/cursor/);
  });
});
