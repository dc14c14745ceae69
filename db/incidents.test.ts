import { beforeEach, describe, expect, it } from 'vitest';
import { incidentsCsv } from '../lib/incidents/export';
import type { Viewer } from './access';
import { createAnnotation } from './annotations';
import { createArticle, updateArticleMetadata } from './articles';
import { assignReviewer } from './assignments';
import { createComparison } from './comparisons';
import type { Database } from './database';
import { addIncidentFigure, createIncident, getIncident, incidentsForExport, incidentsOfFigure, listIncidents, removeIncidentFigure, updateIncident } from './incidents';

import { statusOf } from './status-of.test-helper';
import { addReviewer, freshDatabase } from './test-database.test-helper';

let db: Database;
let admin: Viewer;
let gold: Viewer;

beforeEach(async () => {
  ({ db, admin, gold } = await freshDatabase('incidents'));
});

const FIRST = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const SECOND = 'Other militia groups said at least five fighters were wounded, and officials said seven fighters were killed.';

function person(username: string): Promise<Viewer> {
  return addReviewer(db, username);
}

async function figureIn(viewer: Viewer, articleId: number, text: string, quote: string, layerId?: number): Promise<number> {
  const start = text.indexOf(quote);
  return (await createAnnotation(db, viewer, articleId, { label: 'figure', start, end: start + quote.length, quote }, layerId)).id;
}

/** Two outlets' reports of one strike, tagged in gold, compared under one incident name. */
async function twoOutlets() {
  const first = await createArticle(db, admin, { text: FIRST, title: 'Strikes in Iraq', source: 'The National', publishedOn: '2023-11-22' });
  const second = await createArticle(db, admin, { text: SECOND, title: 'Militias count losses', url: 'https://www.example.org/militias', publishedOn: '2023-11-23' });
  const killedFive = await figureIn(admin, first.id, FIRST, 'five of its fighters were killed', gold.id);
  const woundedAtLeastFive = await figureIn(admin, second.id, SECOND, 'at least five fighters were wounded', gold.id);
  const killedSeven = await figureIn(admin, second.id, SECOND, 'seven fighters were killed', gold.id);
  const name = `Strikes on Jurf Al Sakhar ${Math.random().toString(36).slice(2, 8)}`;
  await createComparison(db, admin, { title: 'Fighters killed or wounded', annotationIds: [killedFive, woundedAtLeastFive], eventName: name });
  const incident = (await listIncidents(db, admin)).find((entry) => entry.name === name);
  if (!incident) throw new Error('fixture: the comparison made no incident');
  return { first, second, killedFive, woundedAtLeastFive, killedSeven, incidentId: incident.id, name };
}

describe('incidents', () => {
  it('gives the lowest and highest report per kind of harm, each bound tied to its figures', async () => {
    const { killedFive, woundedAtLeastFive, killedSeven, incidentId } = await twoOutlets();
    let detail = await getIncident(db, admin, incidentId);
    expect(detail.categories.map((entry) => [entry.category, entry.minText, entry.maxText])).toEqual([
      ['killed', '5', '5'],
      ['wounded', '5', '5 or more'],
    ]);
    detail = await addIncidentFigure(db, admin, incidentId, killedSeven);
    const killed = detail.categories.find((entry) => entry.category === 'killed');
    expect(killed).toMatchObject({ min: 5, max: 7, minFigureIds: [killedFive], maxFigureIds: [killedSeven] });
    expect(killed?.figures.map((figure) => [figure.outlet, figure.direct])).toEqual([
      ['The National', false],
      ['example.org', true],
    ]);
    expect(detail.categories.find((entry) => entry.category === 'wounded')?.minFigureIds).toEqual([woundedAtLeastFive]);
    expect(detail.timeline.map((figure) => figure.publishedOn)).toEqual(['2023-11-22', '2023-11-23', '2023-11-23']);
    expect(await incidentsOfFigure(db, admin, killedSeven)).toEqual([{ id: incidentId, name: detail.event.name, direct: true }]);

    detail = await removeIncidentFigure(db, admin, incidentId, killedSeven);
    expect(detail.categories.find((entry) => entry.category === 'killed')?.max).toBe(5);
  });

  it('keeps dates, place and name under a version, refusing stale and impossible changes', async () => {
    const { incidentId, name } = await twoOutlets();
    const updated = await updateIncident(db, admin, incidentId, { startsOn: '2023-11-21', endsOn: '2023-11-22', place: 'Jurf Al Sakhar', expectedVersion: 1 });
    expect(updated.event).toMatchObject({ startsOn: '2023-11-21', endsOn: '2023-11-22', place: 'Jurf Al Sakhar', version: 2 });
    expect(await statusOf(() => updateIncident(db, admin, incidentId, { place: 'Iraq', expectedVersion: 1 }))).toBe(409);
    expect(await statusOf(() => updateIncident(db, admin, incidentId, { endsOn: '2023-11-01' }))).toBe(422);
    expect(await statusOf(() => updateIncident(db, admin, incidentId, { name: '  ' }))).toBe(422);
    const other = await createIncident(db, admin, { name: `${name} (aftermath)` });
    expect(await statusOf(() => updateIncident(db, admin, other.event.id, { name: name.toUpperCase() }))).toBe(409);
    expect(await statusOf(() => getIncident(db, admin, 999_999))).toBe(404);
  });

  it('shows a reviewer only what they may see, in their own layer, and refuses their guesses', async () => {
    const { first, killedFive, incidentId } = await twoOutlets();
    const alice = await person(`alice${Math.random().toString(36).slice(2, 8)}`);
    expect((await getIncident(db, alice, incidentId)).categories).toEqual([]);
    expect((await getIncident(db, alice, incidentId)).layers).toEqual([]);
    expect(await statusOf(() => addIncidentFigure(db, alice, incidentId, killedFive))).toBe(404);
    expect(await statusOf(() => incidentsForExport(db, alice))).toBe(403);

    await assignReviewer(db, admin, first.id, alice.id);
    const own = await figureIn(alice, first.id, FIRST, 'five of its fighters were killed');
    const detail = await addIncidentFigure(db, alice, incidentId, own);
    expect(detail.layerId).toBe(alice.id);
    expect(detail.categories.flatMap((entry) => entry.figures.map((figure) => figure.annotationId))).toEqual([own]);
    // The admin's gold record is unchanged by the reviewer's copy of the span.
    expect((await getIncident(db, admin, incidentId)).categories.find((entry) => entry.category === 'killed')?.figures).toHaveLength(1);
  });

  it('exports records with a min and max column per kind of harm and the sources behind them', async () => {
    const { incidentId } = await twoOutlets();
    await updateIncident(db, admin, incidentId, { startsOn: '2023-11-22', place: 'Jurf Al Sakhar' });
    const record = (await incidentsForExport(db, admin)).find((entry) => entry.id === incidentId);
    expect(record).toBeDefined();
    const [header, row] = incidentsCsv([record!]).trim().split('\n');
    expect(header).toBe('incident_id,title,start_date,end_date,place,killed_min,killed_max,wounded_min,wounded_max,sources,articles');
    expect(row).toContain(',2023-11-22,2023-11-22,Jurf Al Sakhar,5,5,5,5,');
    expect(row).toContain('The National: Kataib Hezbollah (five of its fighters were killed)');
  });

  it('exports each record as its incident page shows it, and leaves out incidents without figures', async () => {
    const { incidentId, killedSeven } = await twoOutlets();
    await addIncidentFigure(db, admin, incidentId, killedSeven);
    const empty = await createIncident(db, admin, { name: 'Nothing reported yet' });
    const records = await incidentsForExport(db, admin);
    expect(records.map((record) => record.id)).not.toContain(empty.event.id);
    const record = records.find((entry) => entry.id === incidentId);
    const detail = await getIncident(db, admin, incidentId);
    expect(record?.categories.map(({ category, min, max, minText, maxText, figures }) => ({ category, min, max, minText, maxText, ids: figures.map((figure) => figure.annotationId) }))).toEqual(
      detail.categories.map(({ category, min, max, minText, maxText, figures }) => ({ category, min, max, minText, maxText, ids: figures.map((figure) => figure.annotationId) })),
    );
  });

  it('orders a day’s reports by the moment they were published, across time zones', async () => {
    // Baghdad's 17:05 (+03:00) is 14:05 UTC, before London's 14:30 UTC; a report with only a date opens the day.
    const baghdad = await createArticle(db, admin, { text: FIRST, title: 'Baghdad desk', publishedOn: '2023-11-25', publishedTime: '17:05+03:00' });
    const london = await createArticle(db, admin, { text: SECOND, title: 'London desk', publishedOn: '2023-11-25', publishedTime: '14:30Z' });
    const undated = await createArticle(db, admin, { text: SECOND, title: 'Wire', publishedOn: '2023-11-25' });
    const incident = await createIncident(db, admin, { name: `Timed reports ${baghdad.id}` });
    const ids = [
      await figureIn(admin, london.id, SECOND, 'seven fighters were killed', gold.id),
      await figureIn(admin, baghdad.id, FIRST, 'five of its fighters were killed', gold.id),
      await figureIn(admin, undated.id, SECOND, 'seven fighters were killed', gold.id),
    ];
    for (const id of ids) await addIncidentFigure(db, admin, incident.event.id, id);
    const timeline = (await getIncident(db, admin, incident.event.id)).timeline;
    expect(timeline.map((figure) => [figure.articleTitle, figure.publishedTime])).toEqual([
      ['Wire', null],
      ['Baghdad desk', '17:05+03:00'],
      ['London desk', '14:30Z'],
    ]);
  });

  it('refuses a publication time without a date', async () => {
    const article = await createArticle(db, admin, { text: FIRST, title: 'No date' });
    expect(await statusOf(() => updateArticleMetadata(db, admin, article.id, { publishedTime: '10:00Z' }))).toBe(422);
    expect((await updateArticleMetadata(db, admin, article.id, { publishedOn: '2023-11-22', publishedTime: '10:00Z' })).publishedTime).toBe('10:00Z');
    expect(await statusOf(() => updateArticleMetadata(db, admin, article.id, { publishedOn: null }))).toBe(422);
  });
});
