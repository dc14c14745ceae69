import { expect, test } from '@playwright/test';
import { assign, contextSignedInAs, createReviewer } from './support/accounts';
import { spanOf } from './support/api';
import { createArticle } from './support/articles';
import { annotationItems } from './support/reader';

/* Issue 13, point 5: one search box over articles and annotations, within the viewer's access. */

const unique = () => `zq${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test('the header search finds a note and a quote, and a result opens the reader at the span', async ({ page, request }) => {
  const word = unique();
  const article = await createArticle(request, { title: `Search sample ${word}` });
  const quote = 'five of its fighters were killed';
  const response = await request.post(`/api/articles/${article.id}/annotations`, { data: { ...spanOf(article.text, quote, 'figure'), note: `checked against ${word}notes` } });
  expect(response.status(), await response.text()).toBe(201);
  const annotationId = ((await response.json()) as { annotation: { id: number } }).annotation.id;

  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search articles and annotations' }).first().fill(`${word}notes`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();
  await page.getByRole('link', { name: `Figure “${quote}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?annotation=${annotationId}`));
  await expect(annotationItems(page).filter({ hasText: quote })).toHaveAttribute('aria-current', 'true');

  // A quote's words find the annotation, and the article's title finds the article.
  await page.goto(`/search?q=${encodeURIComponent(`fighters ${word}`)}`);
  await expect(page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole('heading', { name: 'Articles (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Search sample ${word}` })).toBeVisible();
});

test('a reviewer does not find another reviewer’s blind annotations', async ({ browser, request, baseURL }) => {
  // Two accounts and two sign-ins (each a deliberately slow password hash) on a shared machine.
  test.setTimeout(120_000);
  const word = unique();
  const article = await createArticle(request, { title: `Blind search ${word}` });
  const bob = await createReviewer(request, 'bob');
  const alice = await createReviewer(request, 'alice');
  await assign(request, article.id, bob.id);
  await assign(request, article.id, alice.id);

  const asBob = await contextSignedInAs(browser, bob.username, bob.password, baseURL);
  const tagged = await asBob.page.request.post(`/api/articles/${article.id}/annotations`, {
    data: { ...spanOf(article.text, 'Kataib Hezbollah', 'actor'), note: `bob thinks ${word}` },
  });
  expect(tagged.status(), await tagged.text()).toBe(201);
  await asBob.page.goto(`/search?q=${word}`);
  await expect(asBob.page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();

  const asAlice = await contextSignedInAs(browser, alice.username, alice.password, baseURL);
  await asAlice.page.goto(`/search?q=${word}`);
  await expect(asAlice.page.getByRole('heading', { name: 'Articles (1)' })).toBeVisible();
  await expect(asAlice.page.getByRole('heading', { name: 'Annotations (0)' })).toBeVisible();
  await asAlice.context.close();
  await asBob.context.close();
});
