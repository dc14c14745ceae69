import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createArticle } from './support/articles';
import { annotationItem, annotationItems, openArticle, selectWithMouse } from './support/reader';

/** Serious and critical WCAG 2.1 A/AA violations found by axe on the current page, summarised. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

// Every screen in the light and in the dark palette (prefers-color-scheme, see globals.css).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    test(`every screen passes an automated WCAG 2.1 AA check (${colorScheme})`, checkEveryScreen);
  });
}

async function checkEveryScreen({ page, request }: { page: Page; request: APIRequestContext }) {
  // Fourteen full axe runs per colour scheme: on a shared two-core machine one run can take several seconds.
  test.setTimeout(360_000);
  const article = await createArticle(request, { title: 'Accessible' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'five of its fighters were killed');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(1);
  await selectWithMouse(page, 'five fighters were wounded');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(2);
  await annotationItem(page, 'five of its fighters were killed').locator('.annotation-summary').click();
  expect(await violations(page), 'article page with the figure editor open').toEqual([]);

  await annotationItem(page, 'five of its fighters were killed').getByRole('checkbox').check();
  await annotationItem(page, 'five fighters were wounded').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await page.getByRole('form', { name: 'New comparison' }).getByLabel('Title').fill('Accessible comparison');
  await page.getByRole('button', { name: 'Create comparison' }).click();
  await expect(page.getByTestId('comparison-table')).toBeVisible();
  expect(await violations(page), 'comparison page').toEqual([]);

  for (const path of ['/', '/articles/new', '/comparisons', '/actors', '/categories', '/import', '/export', '/reviewers', '/profile', '/agreement', '/incidents', '/conflicts', '/search?q=strike', '/articles/1/curate', '/no-such-page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
}
