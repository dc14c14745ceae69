import { expect, test, type APIRequestContext } from '@playwright/test';
import { spanOf } from './support/api';
import { createArticle } from './support/articles';

/*
 * Incidents (issue 13, points 1 and 2): the sample and a second outlet's report of the
 * same strikes become one record with the lowest and highest number per kind of harm,
 * the figures behind each bound, and the reports on a timeline.
 */

const SECOND_OUTLET = [
  'Iraqi militias count their losses after US strikes',
  '',
  'Officials in Baghdad said seven fighters were killed in Jurf Al Sakhar on Wednesday, and medics said at least nine fighters were wounded.',
].join('\n');

async function goldLayerId(request: APIRequestContext, articleId: number): Promise<number> {
  const response = await request.get(`/api/articles/${articleId}/layers`);
  expect(response.status(), await response.text()).toBe(200);
  const { layers } = (await response.json()) as { layers: { reviewerId: number; kind: string }[] };
  return layers.find((layer) => layer.kind === 'gold')!.reviewerId;
}

async function goldFigure(request: APIRequestContext, article: { id: number; text: string }, quote: string, layerId: number): Promise<number> {
  const response = await request.post(`/api/articles/${article.id}/annotations`, { data: { ...spanOf(article.text, quote, 'figure'), layerId } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { annotation: { id: number } }).annotation.id;
}

test('two outlets’ reports of one strike become an incident with ranges, sources and a timeline', async ({ page, request }) => {
  const sample = await createArticle(request, { title: 'US strikes in Iraq' });
  const patch = await request.patch(`/api/articles/${sample.id}`, { data: { publishedOn: '2023-11-22' } });
  expect(patch.status(), await patch.text()).toBe(200);
  const second = await createArticle(request, { title: 'Militias count losses', text: SECOND_OUTLET, source: 'Iraq Monitor' });
  await request.patch(`/api/articles/${second.id}`, { data: { publishedOn: '2023-11-23' } });
  const gold = await goldLayerId(request, sample.id);
  const killedFive = await goldFigure(request, sample, 'five of its fighters were killed', gold);
  const woundedFive = await goldFigure(request, sample, 'five fighters were wounded', gold);
  const killedSeven = await goldFigure(request, second, 'seven fighters were killed', gold);
  const woundedNine = await goldFigure(request, second, 'at least nine fighters were wounded', gold);

  // A comparison names the incident; one more figure is added by hand through the API.
  const name = `Strikes on Jurf Al Sakhar ${sample.id}`;
  const comparison = await request.post('/api/comparisons', { data: { title: 'Fighters killed or wounded', annotationIds: [killedFive, woundedFive, killedSeven], eventName: name } });
  expect(comparison.status(), await comparison.text()).toBe(201);
  const incidentId = ((await comparison.json()) as { comparison: { eventId: number } }).comparison.eventId;
  const added = await request.post(`/api/events/${incidentId}/figures`, { data: { annotationId: woundedNine } });
  expect(added.status(), await added.text()).toBe(200);

  const api = (await (await request.get(`/api/events/${incidentId}`)).json()) as {
    event: { name: string };
    categories: { category: string; min: number; max: number; maxText: string; figures: { annotationId: number }[] }[];
  };
  expect(api.event.name).toBe(name);
  expect(api.categories.map(({ category, min, max, maxText }) => ({ category, min, max, maxText }))).toEqual([
    { category: 'killed', min: 5, max: 7, maxText: '7' },
    { category: 'wounded', min: 5, max: 9, maxText: '9 or more' },
  ]);

  // The reviewer's way in: Incidents in the navigation, then the record.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const killed = page.locator('[data-testid="incident-range"][data-category="killed"]');
  await expect(killed.locator('[data-column="min"]')).toHaveText('5');
  await expect(killed.locator('[data-column="max"]')).toHaveText('7');
  await expect(killed).toContainText('Iraq Monitor');
  await expect(killed).toContainText('five of its fighters were killed');
  const wounded = page.locator('[data-testid="incident-range"][data-category="wounded"]');
  await expect(wounded.locator('[data-column="max"]')).toHaveText('9 or more');

  // The timeline lists the reports in publication order, the later outlet last.
  const rows = page.getByTestId('timeline-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('2023-11-22');
  await expect(rows.last()).toContainText('2023-11-23');

  // Dates and place are kept; a figure added by hand can be taken out again.
  const details = page.getByRole('form', { name: 'Incident details' });
  await details.getByLabel('From').fill('2023-11-22');
  await details.getByLabel('Place').fill('Jurf Al Sakhar');
  await details.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByTestId('incident-facts')).toHaveText('2023-11-22 · Jurf Al Sakhar');
  await page.getByRole('button', { name: 'Remove “at least nine fighters were wounded” from this incident' }).click();
  await expect(rows).toHaveCount(3);
  await expect(wounded.locator('[data-column="max"]')).toHaveText('5');

  // The export has IBC-like columns.
  const csv = await (await request.get('/api/events/export?format=csv')).text();
  const header = csv.split('\n')[0];
  expect(header).toBe('incident_id,title,start_date,end_date,place,killed_min,killed_max,wounded_min,wounded_max,sources,articles');
  const line = csv.split('\n').find((row) => row.includes(name));
  expect(line).toContain(',2023-11-22,2023-11-22,Jurf Al Sakhar,5,7,5,5,');
});

test('a reviewer adds a figure to an incident from the reader’s panel, by a new name or an existing one', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Losses counted', text: SECOND_OUTLET, source: 'Iraq Monitor' });
  const killed = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, 'seven fighters were killed', 'figure') });
  expect(killed.status(), await killed.text()).toBe(201);
  const { id: killedId, reviewerId: ownLayer } = ((await killed.json()) as { annotation: { id: number; reviewerId: number } }).annotation;
  const wounded = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, 'at least nine fighters were wounded', 'figure') });
  const woundedId = ((await wounded.json()) as { annotation: { id: number } }).annotation.id;
  const name = `Panel strikes ${article.id}`;

  await page.goto(`/articles/${article.id}?annotation=${killedId}`);
  const incidents = page.getByTestId('figure-incidents');
  await expect(incidents).toContainText('Not part of an incident yet.');
  await incidents.getByLabel('Add to incident').fill(name);
  await incidents.getByLabel('Add to incident').press('Enter');
  await expect(incidents.getByRole('status')).toHaveText(`Added to “${name}”.`);
  await expect(incidents.getByRole('link', { name })).toBeVisible();

  // The second figure joins the same incident: the name is offered, and typed in other case it is the same record.
  await page.goto(`/articles/${article.id}?annotation=${woundedId}`);
  await incidents.getByLabel('Add to incident').fill(name.toUpperCase());
  await incidents.getByRole('button', { name: 'Add' }).click();
  await expect(incidents.getByRole('link', { name })).toBeVisible();

  await incidents.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="incident-range"][data-category="wounded"] [data-column="min"]')).toHaveText('9');

  // Taken out from the panel, it leaves the record.
  await page.goto(`/articles/${article.id}?annotation=${woundedId}`);
  await incidents.getByRole('button', { name: `Take out of ${name}` }).click();
  await expect(incidents).toContainText('Not part of an incident yet.');
  const record = (await (await request.get(`/api/events?layer=${ownLayer}`)).json()) as { events: { name: string; figureCount: number }[] };
  expect(record.events.find((event) => event.name === name)?.figureCount).toBe(1);
});
