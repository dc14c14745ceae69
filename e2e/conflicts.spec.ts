import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { assign, contextSignedInAs, createReviewer } from './support/accounts';
import { spanOf } from './support/api';
import { createArticle, type StoredArticle } from './support/articles';

/*
 * The library's conflict finder (issue 13, point 3): the sample says five fighters were wounded,
 * a second outlet's report of the same strikes says the five were killed. Tagged by a reviewer
 * in their own layer, the finder proposes that group on /conflicts; it joins an incident from
 * there; a dismissed group stays gone; another reviewer sees none of it.
 */

const SECOND_OUTLET = [
  'Iraqi militias mourn fighters killed in US strikes',
  '',
  'Officials in Baghdad said five fighters were killed in Jurf Al Sakhar on Wednesday after US aircraft struck the base.',
].join('\n');

// Two reports of another event, in another town and counting other people: a second group.
const MOSUL_FIRST = ['Blast in Mosul', '', 'Police said 12 civilians were killed in Mosul on Thursday.'].join('\n');
const MOSUL_SECOND = ['Mosul toll rises', '', 'Hospital officials said 19 civilians were killed in Mosul on Thursday.'].join('\n');

async function dated(request: APIRequestContext, fields: { text?: string; title: string; source: string }, publishedOn: string): Promise<StoredArticle> {
  const article = await createArticle(request, fields);
  const patch = await request.patch(`/api/articles/${article.id}`, { data: { publishedOn } });
  expect(patch.status(), await patch.text()).toBe(200);
  return article;
}

/** Tags a figure as the signed-in reviewer and sets what it counts, so the test does not depend on the automatic reading. */
async function figure(
  request: APIRequestContext,
  article: StoredArticle,
  quote: string,
  details: { min: number; category: string; counted: string; place: string | null },
): Promise<number> {
  const created = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, quote, 'figure') });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { annotation: { id: number } }).annotation;
  const patched = await request.patch(`/api/annotations/${id}`, { data: { figure: { ...details, max: details.min, qualifier: 'exact' } } });
  expect(patched.status(), await patched.text()).toBe(200);
  return id;
}

test('the finder proposes the killed/wounded conflict across the two articles, within the reviewer’s layer', async ({ browser, request, baseURL, page: adminPage }) => {
  // Four articles, two reviewers and two signed-in browsers: more setup than the default 30 s allows on a busy machine.
  test.setTimeout(150_000);
  const sample = await dated(request, { title: 'US strikes in Iraq', source: 'The National' }, '2023-11-22');
  const second = await dated(request, { title: 'Militias mourn fighters', text: SECOND_OUTLET, source: 'Iraq Monitor' }, '2023-11-23');
  const mosulFirst = await dated(request, { title: 'Blast in Mosul', text: MOSUL_FIRST, source: 'Nineveh News' }, '2023-11-24');
  const mosulSecond = await dated(request, { title: 'Mosul toll rises', text: MOSUL_SECOND, source: 'Iraq Monitor' }, '2023-11-25');
  const alice = await createReviewer(request, 'alice');
  const bob = await createReviewer(request, 'bob');
  for (const article of [sample, second, mosulFirst, mosulSecond]) {
    await assign(request, article.id, alice.id);
    await assign(request, article.id, bob.id);
  }

  const { context, page } = await contextSignedInAs(browser, alice.username, alice.password, baseURL);
  const wounded = await figure(context.request, sample, 'five fighters were wounded', { min: 5, category: 'wounded', counted: 'fighters', place: null });
  const killed = await figure(context.request, second, 'five fighters were killed', { min: 5, category: 'killed', counted: 'fighters', place: 'Jurf Al Sakhar' });
  await figure(context.request, mosulFirst, '12 civilians were killed', { min: 12, category: 'killed', counted: 'civilians', place: 'Mosul' });
  await figure(context.request, mosulSecond, '19 civilians were killed', { min: 19, category: 'killed', counted: 'civilians', place: 'Mosul' });

  // The API gives the same groups, newest first.
  const api = await context.request.get('/api/conflicts');
  expect(api.status(), await api.text()).toBe(200);
  const body = (await api.json()) as { conflicts: { annotationIds: number[]; reason: string }[]; nextCursor: string | null };
  expect(body.conflicts.map((conflict) => conflict.annotationIds)).toHaveLength(2);
  expect(body.conflicts[1]).toMatchObject({ annotationIds: [wounded, killed].sort((a, b) => a - b) });

  // The reviewer's way in: Conflicts in the navigation.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
  const cards = page.getByTestId('conflict');
  await expect(cards).toHaveCount(2);
  const fighters = cards.filter({ hasText: 'Both count fighters' });
  await expect(fighters).toContainText('one says wounded and the other killed');
  await expect(fighters.getByTestId('conflict-figure')).toHaveCount(2);
  await expect(fighters.getByTestId('conflict-figure').filter({ hasText: 'The National' })).toContainText('wounded');
  await expect(fighters.getByTestId('conflict-figure').filter({ hasText: 'Iraq Monitor' })).toContainText('killed');
  await expect(fighters.getByRole('link', { name: 'Militias mourn fighters' })).toHaveAttribute('href', `/articles/${second.id}?annotation=${killed}&layer=${alice.id}`);
  await page.screenshot({ path: test.info().outputPath('conflicts.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  // Keyboard: the first card's actions are reached with Tab and named for a screen reader.
  await fighters.getByRole('button', { name: 'Compare' }).focus();
  await page.keyboard.press('Tab');
  await expect(fighters.getByRole('combobox', { name: 'Incident' })).toBeFocused();

  // Dismiss the other group: it does not come back.
  const mosul = cards.filter({ hasText: 'civilians' });
  await mosul.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Both count fighters');

  // An admin may read Alice's layer, but comparing, adding or dismissing there would be refused: no action is offered.
  await adminPage.goto(`/conflicts?layer=${alice.id}`);
  await expect(adminPage.getByTestId('conflict')).toHaveCount(1);
  await expect(adminPage.getByTestId('conflicts-read-only')).toContainText('Alice');
  await expect(adminPage.getByTestId('conflict').getByRole('button')).toHaveCount(0);

  // Add to incident (a new one named from the group): the incident shows both reports.
  await cards.first().getByRole('button', { name: 'Add to incident' }).click();
  await expect(page).toHaveURL(/\/incidents\/\d+\?layer=/);
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);
  await expect(page.getByTestId('timeline-row').first()).toContainText('2023-11-22');
  await expect(page.getByTestId('timeline-row').last()).toContainText('Iraq Monitor');
  // Dealt with: the finder no longer proposes it.
  await page.goto('/conflicts');
  await expect(page.getByTestId('conflicts-empty')).toBeVisible();
  await context.close();

  // Another reviewer on the same articles sees neither group, and cannot ask for Alice's layer.
  const other = await contextSignedInAs(browser, bob.username, bob.password, baseURL);
  await other.page.goto('/conflicts');
  await expect(other.page.getByTestId('conflicts-empty')).toBeVisible();
  const foreign = await other.context.request.get(`/api/conflicts?layer=${alice.id}`);
  expect(foreign.status()).toBe(403);
  await other.context.close();
});
