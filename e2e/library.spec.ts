import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectError } from './support/api';

/*
 * The library one page at a time (issue 11, point 5): sixty articles of one source made for this
 * run, paged, sorted, filtered and searched through the URL-driven form and links.
 */

const run = Date.now().toString(36);
const SOURCE = `Library wire ${run}`;
const COUNT = 60;
const RARE_WORD = `zephyrine${run}`;
const pad = (n: number) => String(n).padStart(2, '0');
const titleOf = (n: number) => `Library ${run} item ${pad(n)}`;

async function createSixty(request: APIRequestContext): Promise<void> {
  for (let n = 1; n <= COUNT; n += 1) {
    const day = new Date(Date.UTC(2021, 0, n)).toISOString().slice(0, 10);
    const text = `Item ${n} of this run. Officials counted the damage${n === 17 ? ` at the ${RARE_WORD} depot` : ''}.`;
    const response = await request.post('/api/articles', { data: { text, title: titleOf(n), source: SOURCE, publishedOn: day } });
    expect(response.status(), await response.text()).toBe(201);
  }
}

const rows = (page: Page) => page.getByTestId('library-row');
const range = (page: Page) => page.getByTestId('library-range');

async function filterBySource(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Source').selectOption(SOURCE);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(range(page)).toHaveText(`Showing 1–50 of ${COUNT} articles, sorted by date added, newest added first.`);
}

// Serial: the tests share the sixty articles made once. Generous time: sixty writes and a dozen page loads on a shared two-core machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  await createSixty(request);
});

test('pages forward and back through one source, the back button included', async ({ page }) => {
  await filterBySource(page);
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText(titleOf(60));
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByRole('link', { name: 'Page 1 of 2' })).toHaveAttribute('aria-current', 'page');

  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(range(page)).toHaveText(`Showing 51–60 of ${COUNT} articles, sorted by date added, newest added first.`);
  await expect(rows(page)).toHaveCount(10);
  await expect(rows(page).last()).toContainText(titleOf(1));
  await expect(pages.getByRole('link', { name: 'Page 2 of 2' })).toHaveAttribute('aria-current', 'page');

  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(rows(page)).toHaveCount(50);
  await pages.getByRole('link', { name: 'Page 2 of 2' }).click();
  await expect(rows(page)).toHaveCount(10);
  await page.goBack();
  await expect(range(page)).toContainText('Showing 1–50 of 60');
  await expect(page.getByLabel('Source')).toHaveValue(SOURCE);
});

test('sorts by title both ways from the column heading, keeping the filter', async ({ page }) => {
  await filterBySource(page);
  await page.getByRole('link', { name: 'Title' }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page).first()).toContainText(titleOf(1));
  await expect(rows(page).nth(1)).toContainText(titleOf(2));
  await page.getByRole('link', { name: 'Title' }).click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first()).toContainText(titleOf(60));
  // A filter change keeps the order and starts again at page 1.
  await page.getByLabel('Published from').fill('2021-01-10');
  await page.getByLabel('Published to').fill('2021-01-19');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(range(page)).toHaveText('Showing 1–10 of 10 articles, sorted by title, Z to A.');
  await expect(rows(page).first()).toContainText(titleOf(19));
  await expect(rows(page).last()).toContainText(titleOf(10));
});

test('finds an article by a word of its text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search titles and text' }).fill(RARE_WORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${RARE_WORD}`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(titleOf(17));
  await page.getByRole('searchbox', { name: 'Search titles and text' }).fill(`${RARE_WORD}nothing`);
  await page.keyboard.press('Enter');
  await expect(page.getByText('No article matches these filters.')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter form and the page links still work', async ({ page }) => {
    await filterBySource(page);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
    await expect(range(page)).toContainText('Showing 51–60 of 60');
  });
});

test('GET /api/articles takes the same query and says which page it is', async ({ request }) => {
  const source = encodeURIComponent(SOURCE);
  const response = await request.get(`/api/articles?source=${source}&sort=title&pageSize=20&page=3`);
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { articles: { title: string; annotationCounts: object; lastActivityAt: string }[]; page: unknown };
  expect(body.page).toEqual({ number: 3, size: 20, total: COUNT, count: 3 });
  expect(body.articles.map((article) => article.title)).toEqual(Array.from({ length: 20 }, (_, i) => titleOf(41 + i)));
  expect(body.articles[0]).toHaveProperty('annotationCounts');
  const dated = (await (await request.get(`/api/articles?source=${source}&from=2021-02-01&to=2021-02-03&q=officials`)).json()) as { page: { total: number } };
  expect(dated.page.total).toBe(3);
  await expectError(await request.get('/api/articles?pageSize=500'), 400, 'invalid_request', 'pageSize');
  await expectError(await request.get('/api/articles?sort=colour'), 400, 'invalid_request', 'sort');
});
