import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentsCsv } from '../lib/incidents/export';
import type { Viewer } from './access';
import { createAnnotation } from './annotations';
import { createArticle, updateArticleMetadata } from './articles';
import { assignReviewer } from './assignments';
import { getDb } from './client';
import { createComparison } from './comparisons';
import { addIncidentFigure, createIncident, getIncident, incidentsForExport, incidentsOfFigure, listIncidents, removeIncidentFigure, updateIncident } from './incidents';
import { commandLineViewer, goldLayerId } from './reviewers';
import { reviewers } from './schema';
import { statusOf } from './status-of.test-helper';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-incidents-'));
process.env.DATABASE_PATH = path.join(folder, 'incidents.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const FIRST = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const SECOND = 'Other militia groups said at least five fighters were wounded, and officials said seven fighters were killed.';

function person(username: string): Viewer {
  const row = getDb().insert(reviewers).values({ username, displayName: username, createdAt: new Date().toISOString() }).returning().get();
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

function figureIn(viewer: Viewer, articleId: number, text: string, quote: string, layerId?: number): number {
  const start = text.indexOf(quote);
  return createAnnotation(viewer, articleId, { label: 'figure', start, end: start + quote.length, quote }, layerId).id;
}

/** Two outlets' reports of one strike, tagged in gold, compared under one incident name. */
function twoOutlets() {
  const admin = commandLineViewer();
  const gold = goldLayerId();
  const first = createArticle(admin, { text: FIRST, title: 'Strikes in Iraq', source: 'The National', publishedOn: '2023-11-22' });
  const second = createArticle(admin, { text: SECOND, title: 'Militias count losses', url: 'https://www.example.org/militias', publishedOn: '2023-11-23' });
  const killedFive = figureIn(admin, first.id, FIRST, 'five of its fighters were killed', gold);
  const woundedAtLeastFive = figureIn(admin, second.id, SECOND, 'at least five fighters were wounded', gold);
  const killedSeven = figureIn(admin, second.id, SECOND, 'seven fighters were killed', gold);
  const name = `Strikes on Jurf Al Sakhar ${Math.random().toString(36).slice(2, 8)}`;
  createComparison(admin, { title: 'Fighters killed or wounded', annotationIds: [killedFive, woundedAtLeastFive], eventName: name });
  const incident = listIncidents(admin).find((entry) => entry.name === name);
  if (!incident) throw new Error('fixture: the comparison made no incident');
  return { admin, first, second, killedFive, woundedAtLeastFive, killedSeven, incidentId: incident.id, name };
}

describe('incidents', () => {
  it('gives the lowest and highest report per kind of harm, each bound tied to its figures', () => {
    const { admin, killedFive, woundedAtLeastFive, killedSeven, incidentId } = twoOutlets();
    let detail = getIncident(admin, incidentId);
    expect(detail.categories.map((entry) => [entry.category, entry.minText, entry.maxText])).toEqual([
      ['killed', '5', '5'],
      ['wounded', '5', '5 or more'],
    ]);
    detail = addIncidentFigure(admin, incidentId, killedSeven);
    const killed = detail.categories.find((entry) => entry.category === 'killed');
    expect(killed).toMatchObject({ min: 5, max: 7, minFigureIds: [killedFive], maxFigureIds: [killedSeven] });
    expect(killed?.figures.map((figure) => [figure.outlet, figure.direct])).toEqual([
      ['The National', false],
      ['example.org', true],
    ]);
    expect(detail.categories.find((entry) => entry.category === 'wounded')?.minFigureIds).toEqual([woundedAtLeastFive]);
    expect(detail.timeline.map((figure) => figure.publishedOn)).toEqual(['2023-11-22', '2023-11-23', '2023-11-23']);
    expect(incidentsOfFigure(admin, killedSeven)).toEqual([{ id: incidentId, name: detail.event.name, direct: true }]);

    detail = removeIncidentFigure(admin, incidentId, killedSeven);
    expect(detail.categories.find((entry) => entry.category === 'killed')?.max).toBe(5);
  });

  it('keeps dates, place and name under a version, refusing stale and impossible changes', () => {
    const { admin, incidentId, name } = twoOutlets();
    const updated = updateIncident(admin, incidentId, { startsOn: '2023-11-21', endsOn: '2023-11-22', place: 'Jurf Al Sakhar', expectedVersion: 1 });
    expect(updated.event).toMatchObject({ startsOn: '2023-11-21', endsOn: '2023-11-22', place: 'Jurf Al Sakhar', version: 2 });
    expect(statusOf(() => updateIncident(admin, incidentId, { place: 'Iraq', expectedVersion: 1 }))).toBe(409);
    expect(statusOf(() => updateIncident(admin, incidentId, { endsOn: '2023-11-01' }))).toBe(422);
    expect(statusOf(() => updateIncident(admin, incidentId, { name: '  ' }))).toBe(422);
    const other = createIncident(admin, { name: `${name} (aftermath)` });
    expect(statusOf(() => updateIncident(admin, other.event.id, { name: name.toUpperCase() }))).toBe(409);
    expect(statusOf(() => getIncident(admin, 999_999))).toBe(404);
  });

  it('shows a reviewer only what they may see, in their own layer, and refuses their guesses', () => {
    const { admin, first, killedFive, incidentId } = twoOutlets();
    const alice = person(`alice${Math.random().toString(36).slice(2, 8)}`);
    expect(getIncident(alice, incidentId).categories).toEqual([]);
    expect(getIncident(alice, incidentId).layers).toEqual([]);
    expect(statusOf(() => addIncidentFigure(alice, incidentId, killedFive))).toBe(404);
    expect(statusOf(() => incidentsForExport(alice))).toBe(403);

    assignReviewer(admin, first.id, alice.id);
    const own = figureIn(alice, first.id, FIRST, 'five of its fighters were killed');
    const detail = addIncidentFigure(alice, incidentId, own);
    expect(detail.layerId).toBe(alice.id);
    expect(detail.categories.flatMap((entry) => entry.figures.map((figure) => figure.annotationId))).toEqual([own]);
    // The admin's gold record is unchanged by the reviewer's copy of the span.
    expect(getIncident(admin, incidentId).categories.find((entry) => entry.category === 'killed')?.figures).toHaveLength(1);
  });

  it('exports records with a min and max column per kind of harm and the sources behind them', () => {
    const { admin, incidentId } = twoOutlets();
    updateIncident(admin, incidentId, { startsOn: '2023-11-22', place: 'Jurf Al Sakhar' });
    const record = incidentsForExport(admin).find((entry) => entry.id === incidentId);
    expect(record).toBeDefined();
    const [header, row] = incidentsCsv([record!]).trim().split('\n');
    expect(header).toBe('incident_id,title,start_date,end_date,place,killed_min,killed_max,wounded_min,wounded_max,sources,articles');
    expect(row).toContain(',2023-11-22,2023-11-22,Jurf Al Sakhar,5,5,5,5,');
    expect(row).toContain('The National: Kataib Hezbollah (five of its fighters were killed)');
  });
  it('orders a day’s reports by the moment they were published, across time zones', () => {
    const admin = commandLineViewer();
    const gold = goldLayerId();
    // Baghdad's 17:05 (+03:00) is 14:05 UTC, before London's 14:30 UTC; a report with only a date opens the day.
    const baghdad = createArticle(admin, { text: FIRST, title: 'Baghdad desk', publishedOn: '2023-11-25', publishedTime: '17:05+03:00' });
    const london = createArticle(admin, { text: SECOND, title: 'London desk', publishedOn: '2023-11-25', publishedTime: '14:30Z' });
    const undated = createArticle(admin, { text: SECOND, title: 'Wire', publishedOn: '2023-11-25' });
    const incident = createIncident(admin, { name: `Timed reports ${baghdad.id}` });
    for (const id of [figureIn(admin, london.id, SECOND, 'seven fighters were killed', gold), figureIn(admin, baghdad.id, FIRST, 'five of its fighters were killed', gold), figureIn(admin, undated.id, SECOND, 'seven fighters were killed', gold)]) {
      addIncidentFigure(admin, incident.event.id, id);
    }
    const timeline = getIncident(admin, incident.event.id).timeline;
    expect(timeline.map((figure) => [figure.articleTitle, figure.publishedTime])).toEqual([
      ['Wire', null],
      ['Baghdad desk', '17:05+03:00'],
      ['London desk', '14:30Z'],
    ]);
  });

  it('refuses a publication time without a date', () => {
    const admin = commandLineViewer();
    const article = createArticle(admin, { text: FIRST, title: 'No date' });
    expect(statusOf(() => updateArticleMetadata(admin, article.id, { publishedTime: '10:00Z' }))).toBe(422);
    expect(updateArticleMetadata(admin, article.id, { publishedOn: '2023-11-22', publishedTime: '10:00Z' }).publishedTime).toBe('10:00Z');
    expect(statusOf(() => updateArticleMetadata(admin, article.id, { publishedOn: null }))).toBe(422);
  });
});
