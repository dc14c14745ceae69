import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './annotations';
import type { FigurePatch } from './annotation-details';
import { createArticle, updateArticleMetadata } from './articles';
import { assignReviewer } from './assignments';
import { getDb } from './client';
import { createComparison } from './comparisons';
import { dismissConflict, listConflicts } from './conflicts';
import { addIncidentFigure, createIncident } from './incidents';
import { commandLineViewer, goldLayerId } from './reviewers';
import { reviewers } from './schema';
import { createArticleVersion } from './versions';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-conflicts-'));
process.env.DATABASE_PATH = path.join(folder, 'conflicts.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const FIRST = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const SECOND = 'Officials said five fighters were wounded in the strikes on Jurf Al Sakhar.';

function person(): Viewer {
  const username = `r${Math.random().toString(36).slice(2, 10)}`;
  const row = getDb().insert(reviewers).values({ username, displayName: username, createdAt: new Date().toISOString() }).returning().get();
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

function figureIn(viewer: Viewer, articleId: number, text: string, quote: string, details: FigurePatch, layerId?: number): number {
  const start = text.indexOf(quote);
  const id = createAnnotation(viewer, articleId, { label: 'figure', start, end: start + quote.length, quote }, layerId).id;
  updateAnnotation(viewer, id, { figure: details });
  return id;
}

// A unique town per test: every test shares the database, and groups must not meet across tests.
function town(): string {
  return `Town${Math.random().toString(36).slice(2, 8)}`;
}

/** The sample's "five fighters wounded" against a second outlet's "five fighters killed", in one layer. */
function twoOutlets(viewer: Viewer, layerId?: number, dates: [string, string] = ['2023-11-22', '2023-11-23']) {
  const admin = commandLineViewer();
  const place = town();
  const first = createArticle(admin, { text: FIRST, title: 'Strikes in Iraq', source: 'The National', publishedOn: dates[0] });
  const second = createArticle(admin, { text: SECOND, title: 'Militias count losses', source: 'Iraq Monitor', publishedOn: dates[1] });
  if (viewer.role !== 'admin') for (const article of [first, second]) assignReviewer(admin, article.id, viewer.id);
  const fighters = { min: 5, max: 5, qualifier: 'exact' as const, counted: 'fighters', place };
  const killed = figureIn(viewer, first.id, FIRST, 'five of its fighters were killed', { ...fighters, category: 'killed' }, layerId);
  const wounded = figureIn(viewer, second.id, SECOND, 'five fighters were wounded', { ...fighters, category: 'wounded' }, layerId);
  return { first, second, killed, wounded, place };
}

const ids = (page: ReturnType<typeof listConflicts>) => page.conflicts.map((conflict) => conflict.annotationIds);

describe('the conflict finder', () => {
  it('proposes killed against wounded across two outlets in a reviewer layer, and only to that reviewer', () => {
    const alice = person();
    const bob = person();
    const { killed, wounded } = twoOutlets(alice);
    const page = listConflicts(alice);
    expect(ids(page)).toEqual([[killed, wounded]]);
    const [conflict] = page.conflicts;
    expect(conflict?.reason).toBe('Both count fighters, but one says killed and the other wounded');
    expect(conflict?.figures.map((figure) => [figure.articleSource, figure.publishedOn, figure.figure.category])).toEqual([
      ['The National', '2023-11-22', 'killed'],
      ['Iraq Monitor', '2023-11-23', 'wounded'],
    ]);
    expect(conflict?.figures[0]?.sentence).toBe(FIRST);
    expect(listConflicts(bob).conflicts).toEqual([]);
    expect(() => listConflicts(bob, { layerId: alice.id })).toThrow(/own layer/);
    expect(ids(listConflicts(commandLineViewer(), { layerId: alice.id }))).toContainEqual([killed, wounded]);
  });

  it('reads the gold layer for admins by default, and remembers a dismissal', () => {
    const admin = commandLineViewer();
    const { killed, wounded } = twoOutlets(admin, goldLayerId(), ['2024-01-10', '2024-01-12']);
    expect(ids(listConflicts(admin))).toContainEqual([killed, wounded]);
    dismissConflict(admin, [wounded, killed]);
    expect(ids(listConflicts(admin))).not.toContainEqual([killed, wounded]);
  });

  it('leaves out groups already in one incident or one comparison, and superseded versions', () => {
    const alice = person();
    const admin = commandLineViewer();
    const a = twoOutlets(alice);
    const incident = createIncident(admin, { name: `Strikes ${a.place}` });
    addIncidentFigure(alice, incident.event.id, a.killed);
    expect(ids(listConflicts(alice))).toEqual([[a.killed, a.wounded]]);
    addIncidentFigure(alice, incident.event.id, a.wounded);
    expect(listConflicts(alice).conflicts).toEqual([]);

    const b = twoOutlets(alice);
    createComparison(alice, { title: 'Fighters killed or wounded', annotationIds: [b.killed, b.wounded] });
    expect(listConflicts(alice).conflicts).toEqual([]);

    const c = twoOutlets(alice);
    expect(ids(listConflicts(alice))).toEqual([[c.killed, c.wounded]]);
    createArticleVersion(admin, c.second.id, { text: `${SECOND} Updated.` });
    // The carried figure is on the new version, which is still in the window: the group is proposed anew.
    const [group] = ids(listConflicts(alice));
    expect(group).toHaveLength(2);
    expect(group).not.toContain(c.wounded);
  });

  it('follows writes: a deleted figure, a changed detail and a changed article date', () => {
    const alice = person();
    const { killed, wounded, second } = twoOutlets(alice);
    updateAnnotation(alice, wounded, { figure: { category: 'killed' } });
    expect(listConflicts(alice).conflicts).toEqual([]);
    updateAnnotation(alice, wounded, { figure: { category: 'wounded' } });
    expect(ids(listConflicts(alice))).toEqual([[killed, wounded]]);
    updateArticleMetadata(commandLineViewer(), second.id, { publishedOn: '2023-12-30' });
    expect(listConflicts(alice).conflicts).toEqual([]);
    updateArticleMetadata(commandLineViewer(), second.id, { publishedOn: '2023-11-24' });
    expect(ids(listConflicts(alice))).toEqual([[killed, wounded]]);
    deleteAnnotation(alice, killed);
    expect(listConflicts(alice).conflicts).toEqual([]);
  });

  it('pages newest first with a cursor, and each group appears once', () => {
    const alice = person();
    const made = ['2023-01-05', '2023-02-05', '2023-03-05'].map((date) => twoOutlets(alice, undefined, [date, date]));
    const first = listConflicts(alice, { limit: 2 });
    expect(ids(first)).toEqual([made[2], made[1]].map((m) => [m?.killed, m?.wounded]));
    expect(first.nextCursor).not.toBeNull();
    const second = listConflicts(alice, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(ids(second)).toEqual([[made[0]?.killed, made[0]?.wounded]]);
    expect(second.nextCursor).toBeNull();
    expect(() => listConflicts(alice, { cursor: 'nonsense' })).toThrow(/cursor/);
  });
});
