import { expect, test } from '@playwright/test';
import { spanOf } from './support/api';
import { createArticle, sampleText } from './support/articles';
import { annotationItems, openArticle } from './support/reader';

/*
 * Issue 13, point 4: an outlet updates the sample story. A sentence is inserted before a tagged
 * span, a figure's number changes and a tagged sentence is deleted; the annotations follow.
 */

const MOVED = 'Kataib Hezbollah, at Jurf Al Sakhar';
const FIGURE = 'five of its fighters were killed';
const DELETED = 'There was no word on casualties from the strike in Anbar province';
const INSERTED = 'This story was updated with new casualty figures from the militia and the Pentagon.\n\n';

function editedSample(): string {
  const text = sampleText();
  const paragraphs = text.split('\n\n');
  const withoutDeleted = paragraphs.filter((paragraph) => !paragraph.startsWith(DELETED)).join('\n\n');
  expect(withoutDeleted.length).toBeLessThan(text.length);
  return withoutDeleted.replace('Among the targets struck', `${INSERTED}Among the targets struck`).replace(FIGURE, 'six of its fighters were killed');
}

test('a new version carries spans over, shows the changed figure as a change and the deleted span as an orphan', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Strikes in Iraq (versions)' });
  for (const [quote, label] of [
    [MOVED, 'actor'],
    [FIGURE, 'figure'],
    [DELETED, 'claim'],
  ] as const) {
    const response = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, quote, label) });
    expect(response.status(), await response.text()).toBe(201);
  }

  await openArticle(page, article.id);
  await expect(annotationItems(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'New version' }).click();
  await page.getByLabel('Updated text').fill(editedSample());
  await page.getByRole('button', { name: 'Import as new version' }).click();

  await expect(page.getByTestId('version-status')).toContainText('Version 2 of 2');
  await expect(page).not.toHaveURL(new RegExp(`/articles/${article.id}$`));
  await expect(annotationItems(page)).toHaveCount(2);
  await expect(annotationItems(page).filter({ hasText: MOVED })).toHaveCount(1);
  await expect(annotationItems(page).filter({ hasText: 'six of its fighters were killed' })).toHaveCount(1);
  await expect(page.getByTestId('figure-change')).toHaveText(/“six of its fighters were killed”: was 5 in version 1, now 6/);
  const orphans = page.getByTestId('orphan');
  await expect(orphans).toHaveCount(1);
  await expect(orphans).toContainText(DELETED);
  await expect(page.getByRole('heading', { name: 'Not found in this version' })).toBeVisible();
  await page.screenshot({ path: 'test-results/versions-new-version.png', fullPage: false });

  // The history of a carried span starts with its carrying-over.
  await annotationItems(page).filter({ hasText: MOVED }).locator('.annotation-summary').click();
  await page.getByText('History', { exact: true }).click();
  await expect(page.getByRole('list', { name: 'Changes, oldest first' })).toContainText('Created');

  // The old version stays readable, with all three spans, and says it is old.
  await page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByTestId('version-status')).toContainText('Version 1 of 2');
  await expect(page.getByTestId('version-status')).toContainText('An older version');
  await expect(annotationItems(page)).toHaveCount(3);
  await expect(page.getByTestId('orphan')).toHaveCount(0);
});

test('the versions API refuses a version of an old version and unchanged text', async ({ request }) => {
  const article = await createArticle(request);
  const same = await request.post(`/api/articles/${article.id}/versions`, { data: { text: article.text } });
  expect(same.status()).toBe(422);
  const created = await request.post(`/api/articles/${article.id}/versions`, { data: { text: editedSample() } });
  expect(created.status(), await created.text()).toBe(201);
  const again = await request.post(`/api/articles/${article.id}/versions`, { data: { text: `${editedSample()} More.` } });
  expect(again.status()).toBe(409);
  const list = await request.get(`/api/articles/${article.id}/versions`);
  expect(((await list.json()) as { versions: { versionNumber: number }[] }).versions.map((v) => v.versionNumber)).toEqual([1, 2]);
});

test('pasting an update of a story from the same address offers to add it as the next version', async ({ page, request }) => {
  const url = `https://www.example.org/iraq-strikes-${Date.now()}`;
  const created = await request.post('/api/articles', { data: { text: sampleText(), title: 'Strikes (same address)', url } });
  expect(created.status(), await created.text()).toBe(201);
  const original = ((await created.json()) as { article: { id: number; text: string } }).article;
  const tagged = await request.post(`/api/articles/${original.id}/annotations`, { data: spanOf(original.text, MOVED, 'actor') });
  expect(tagged.status()).toBe(201);

  await page.goto('/articles/new');
  const form = page.getByRole('form', { name: 'Add article' });
  // The same page, written with http and a tracking parameter.
  await form.getByLabel('URL').fill(`${url.replace('https://www.', 'http://')}?utm_source=newsletter`);
  await form.getByLabel('Date').fill('2023-11-23');
  await form.getByLabel('Time').fill('17:05+03:00');
  await form.getByLabel('Text').fill(editedSample());
  await form.getByRole('button', { name: 'Add article' }).click();
  const known = page.getByTestId('known-address');
  await expect(known).toContainText('The library already has Strikes (same address) (version 1) from this address.');
  await known.getByRole('button', { name: 'Add as version 2' }).click();

  await expect(page.getByTestId('version-status')).toContainText('Version 2 of 2');
  await expect(annotationItems(page).filter({ hasText: MOVED })).toHaveCount(1);
  await expect(page.locator('.article-meta time')).toContainText('17:05 UTC+03:00');
});
