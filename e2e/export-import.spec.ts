import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { createArticle } from './support/articles';
import { annotationItems, openArticle, selectWithMouse } from './support/reader';

test('a reviewer downloads an article as Crosscheck JSONL and as a brat zip from the UI', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Download me' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'five of its fighters were killed');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(1);
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  await expect(annotationItems(page)).toHaveCount(2);

  await page.getByRole('link', { name: 'Export', exact: true }).last().click();
  await expect(page.getByRole('checkbox', { name: 'Download me' })).toBeChecked();
  // Exports default to the adjudicated gold layer; this reviewer's own work is the admin's layer.
  await expect(page.getByLabel('Layer')).toHaveValue('gold');
  await page.getByLabel('Layer').selectOption('admin');
  await page.getByRole('radio', { name: /^jsonl/ }).check();
  const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
  expect(jsonl.suggestedFilename()).toMatch(new RegExp(`^crosscheck-article-${article.id}-admin-\\d{4}-\\d{2}-\\d{2}\\.jsonl$`));
  const lines = fs.readFileSync((await jsonl.path())!, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  const exported = JSON.parse(lines[0]!);
  expect(exported).toMatchObject({ id: article.id, title: 'Download me', text: article.text });
  expect(exported.annotations.map((annotation: { label: string; quote: string }) => [annotation.label, annotation.quote])).toEqual([
    ['actor', 'Kataib Hezbollah'],
    ['figure', 'five of its fighters were killed'],
  ]);
  expect(exported.annotations[1].figure).toMatchObject({ min: 5, max: 5, category: 'killed' });

  await page.getByRole('radio', { name: /^brat/ }).check();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.brat\.zip$/);
  const bytes = fs.readFileSync((await zip.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('importing files shows a report per file, and a bad file is refused with its bad lines named', async ({ page }) => {
  await page.goto('/import');
  const html = `<!doctype html><html><head><title>Strike report | Example News</title>
    <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example/strike">
    <script>window.imported = true; document.title = 'hacked';</script></head>
    <body><nav>Home · World · Sport</nav><article><h1>Strike report</h1>
    <p>Officials said three fighters were killed in the strike on Tuesday near the border crossing.</p>
    <p>A militia spokesman said later that five fighters had been wounded in the same attack.</p>
    <p>Neither figure could be verified independently by reporters at the scene.</p></article>
    <footer>© Example News</footer></body></html>`;
  const doccano = [
    JSON.stringify({ text: 'Five fighters were killed.', label: [[0, 4, 'Figure']] }),
    '{not json',
    JSON.stringify({ text: 'Short text.', label: [[0, 40, 'Figure']] }),
  ].join('\n');
  await page.getByLabel('Files', { exact: true }).setInputFiles([
    { name: 'strike.html', mimeType: 'text/html', buffer: Buffer.from(html) },
    { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(doccano) },
  ]);
  await page.getByRole('button', { name: 'Import' }).click();
  // Reading an HTML page (jsdom, Readability) can take seconds on a busy machine; the statuses show meanwhile.
  await expect(page.getByText('Finished 2 of 2 files')).toBeVisible({ timeout: 20_000 });

  const results = page.getByTestId('import-result');
  await expect(results.nth(0)).toHaveAttribute('data-imported', 'true');
  await expect(results.nth(0)).toContainText('Imported 1 article');
  await expect(results.nth(1)).toHaveAttribute('data-imported', 'false');
  await expect(results.nth(1)).toHaveAttribute('data-status', 'refused');
  await expect(results.nth(1)).toContainText('nothing from this file was written');
  await expect(results.nth(1).getByRole('alert')).toContainText('line 2');
  await expect(results.nth(1).getByRole('alert')).toContainText('line 3');

  await results.nth(0).getByRole('link', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strike report');
  await expect(page.locator('.article-meta')).toContainText('Example News');
  await expect(page.getByTestId('reader').locator('p')).toHaveCount(3);
  await expect(page.getByTestId('reader')).not.toContainText('Home · World');
  expect(await page.evaluate(() => (window as unknown as { imported?: boolean }).imported)).toBeUndefined();
});
