import { expect, test, type Page } from '@playwright/test';
import { assign, contextSignedInAs, createReviewer } from './support/accounts';
import { createArticle } from './support/articles';

// Issue 9 point 11: Markdown read as text, duplicate URLs skipped and reported, per-file
// statuses on the Import page, and deleting an article from the UI (admins only).

const file = (name: string, content: string, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(content) });

function htmlPage(title: string, canonical: string): string {
  return `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${canonical}"></head>
    <body><article><h1>${title}</h1>
    <p>Officials said two depots were struck overnight near the river crossing in the north.</p>
    <p>A spokesman for the group said later that nobody had been hurt in either of the strikes.</p>
    <p>Neither account could be confirmed by reporters, who were kept away from both sites all day.</p></article></body></html>`;
}

async function chooseFiles(page: Page, files: ReturnType<typeof file>[]) {
  await page.getByLabel('Files', { exact: true }).setInputFiles(files);
}

test('a Markdown file is imported as its readable text, its heading as the title', async ({ page }) => {
  await page.goto('/import');
  await chooseFiles(page, [
    file('anbar.md', '# Briefing on Anbar\n\n**Officials** said [three sites](https://example.com/report) were hit\nlate on Monday.\n\nA second paragraph, with *emphasis*.\n'),
  ]);
  await page.getByRole('button', { name: 'Import' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'imported');
  await result.getByRole('link', { name: 'Open it' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Briefing on Anbar');
  const paragraphs = page.getByTestId('reader').locator('p');
  await expect(paragraphs).toHaveText(['Officials said three sites were hit late on Monday.', 'A second paragraph, with emphasis.']);
  await expect(page.getByTestId('reader')).not.toContainText('Briefing on Anbar');
});

test('each chosen file shows its state at once, and while the others wait', async ({ page }) => {
  await page.goto('/import');
  await chooseFiles(page, [
    file('first.txt', 'Officials said four people were hurt in the first strike.'),
    file('second.md', '# Second\n\nThe ministry said six buildings were damaged.'),
    file('empty.txt', '   '),
  ]);
  const results = page.getByTestId('import-result');
  // Listed before anything is sent.
  await expect(results).toHaveCount(3);
  await expect(results.nth(0)).toContainText('first.txt');
  await expect(results.nth(0)).toContainText('Waiting');
  await expect(page.getByRole('status').filter({ hasText: '3 files chosen' })).toBeVisible();

  // Hold the second file's request, to see it importing while the third waits.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  await page.route('**/api/import**', async (route) => {
    calls += 1;
    if (calls === 2) await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(results.nth(0)).toHaveAttribute('data-status', 'imported');
  await expect(results.nth(1)).toHaveAttribute('data-status', 'importing');
  await expect(results.nth(1)).toContainText('Importing…');
  await expect(results.nth(2)).toHaveAttribute('data-status', 'waiting');
  await expect(page.getByText('Finished 1 of 3 files')).toBeVisible();
  release();

  await expect(page.getByText('Finished 3 of 3 files')).toBeVisible();
  await expect(results.nth(0)).toContainText('Imported 1 article, 0 annotations');
  await expect(results.nth(1)).toHaveAttribute('data-status', 'imported');
  await expect(results.nth(2)).toHaveAttribute('data-status', 'refused');
  await expect(results.nth(2)).toContainText('Refused');
  await expect(results.nth(2).getByRole('alert')).toContainText('the file is empty');
  await page.screenshot({ path: test.info().outputPath('import-statuses.png'), fullPage: true });
});

test('an article whose URL is already in the library is skipped and reported, and imported when asked', async ({ page, request }) => {
  const canonical = `https://news.example/depots-${Date.now()}`;
  const page1 = htmlPage('Depots struck overnight', canonical);
  await page.goto('/import');
  await chooseFiles(page, [file('depots.html', page1, 'text/html')]);
  await page.getByRole('button', { name: 'Import' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'imported');
  const firstId = Number((await result.getByRole('link', { name: 'Open it' }).getAttribute('href'))!.split('/').pop());

  // The same page again, saved with tracking parameters and a fragment: skipped, with a link to the first.
  await chooseFiles(page, [file('depots-again.html', htmlPage('Depots struck overnight', `${canonical}/?utm_source=feed#top`), 'text/html')]);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(result).toHaveAttribute('data-status', 'skipped');
  await expect(result).toContainText('Skipped as duplicate');
  await expect(result).toContainText('“Depots struck overnight” has the same web address as article');
  await expect(result.getByRole('link', { name: `article ${firstId}` })).toHaveAttribute('href', `/articles/${firstId}`);
  const titles = async () => ((await (await request.get('/api/articles')).json()) as { articles: { title: string }[] }).articles.filter((a) => a.title === 'Depots struck overnight');
  expect(await titles()).toHaveLength(1);

  // Asked for: imported.
  await page.getByRole('checkbox', { name: 'Import duplicates anyway' }).check();
  await chooseFiles(page, [file('depots-again.html', page1, 'text/html')]);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(result).toHaveAttribute('data-status', 'imported');
  expect(await titles()).toHaveLength(2);
});

test('the API skips a duplicate with 200 and a report, and imports it with allowDuplicates=true', async ({ request }) => {
  const canonical = `https://news.example/api-dup-${Date.now()}`;
  const multipart = { file: file('api.html', htmlPage('API duplicate', canonical), 'text/html') };
  expect((await request.post('/api/import', { multipart })).status()).toBe(201);
  const skipped = await request.post('/api/import', { multipart });
  expect(skipped.status()).toBe(200);
  const { report } = (await skipped.json()) as { report: { articleIds: number[]; skipped: { title: string; existingArticleId: number }[] } };
  expect(report.articleIds).toEqual([]);
  expect(report.skipped).toMatchObject([{ title: 'API duplicate' }]);
  expect((await request.post('/api/import?allowDuplicates=true', { multipart })).status()).toBe(201);
});

test('an admin deletes an article from its page after confirming, and is back in the library', async ({ page, request }) => {
  const title = `To be deleted ${Date.now()}`;
  const article = await createArticle(request, { title });
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Keyboard: open, the focus is on Cancel, Escape closes without deleting.
  const deleteButton = page.getByRole('button', { name: 'Delete article' });
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('delete-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await request.get(`/api/articles/${article.id}`)).status()).toBe(200);

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete article' }).click();
  await expect(page).toHaveURL(/\/\?deleted=/);
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${title}”` })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  expect((await request.get(`/api/articles/${article.id}`)).status()).toBe(404);
});

test('a reviewer sees no Delete on an article assigned to them', async ({ browser, request, baseURL }) => {
  const article = await createArticle(request, { title: `Assigned ${Date.now()}` });
  const reviewer = await createReviewer(request, 'deleter');
  await assign(request, article.id, reviewer.id);
  const { context, page } = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect(page.getByRole('button', { name: 'Delete article' })).toHaveCount(0);
  await context.close();
});

test('a multi-article JSONL upload shows the server’s progress, then how many articles it wrote', async ({ page }) => {
  const stamp = Date.now();
  const lines = Array.from({ length: 300 }, (_, index) =>
    JSON.stringify({ text: `Officials said ${index + 2} depots were struck overnight near the river, report ${index} of batch ${stamp}.`, url: `https://news.example/batch-${stamp}/${index}` }),
  );
  await page.goto('/import');
  await chooseFiles(page, [file('batch.jsonl', `${lines.join('\n')}\n`, 'application/x-ndjson')]);
  await page.getByRole('button', { name: 'Import' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'imported');
  // The last progress line the server streamed stays as the file's finished bar.
  const progress = result.getByTestId('import-file-progress');
  await expect(progress).toHaveAttribute('data-phase', 'done');
  await expect(progress).toContainText('Wrote 300 of 300 articles');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('value', '1');
  await expect(result).toContainText('Imported 300 articles');
  await page.screenshot({ path: test.info().outputPath('import-progress.png'), fullPage: true });
});
