import { expect, test, type Locator, type Page } from '@playwright/test';
import { createArticle } from './support/articles';
import { annotationItem, annotationItems, clickOn, openArticle, pendingText, selectWithMouse } from './support/reader';

const KILLED = 'five of its fighters were killed';
const WOUNDED = 'five fighters were wounded';

async function tag(page: Page, phrase: string, key: '1' | '2' | '3') {
  const before = await annotationItems(page).count();
  await selectWithMouse(page, phrase);
  await page.keyboard.press(key);
  await expect(annotationItems(page)).toHaveCount(before + 1);
}

async function openEditor(page: Page, quote: string): Promise<Locator> {
  const item = annotationItem(page, quote);
  if ((await item.getAttribute('aria-current')) !== 'true') await item.locator('.annotation-summary').click();
  await expect(item).toHaveAttribute('aria-current', 'true');
  return item;
}

const figureOf = (item: Locator) => item.getByRole('group', { name: 'Figure details' });
const statusBar = (page: Page) => page.getByTestId('status-bar');

/** Tags KILLED as a figure and types two corrections into it without saving them explicitly. */
async function correctFigure(page: Page): Promise<Locator> {
  const article = await createArticle(page.request, { title: 'Figure corrections' });
  await openArticle(page, article.id);
  await tag(page, WOUNDED, '3');
  await tag(page, KILLED, '3');
  const item = await openEditor(page, KILLED);
  await expect(figureOf(item).getByLabel('Lowest')).toHaveValue('5');
  await figureOf(item).getByLabel('Who is counted').fill('Kataib Hezbollah militiamen');
  await figureOf(item).getByLabel('Lowest').fill('4');
  return item;
}

async function expectCorrectionsKept(page: Page) {
  await page.reload();
  const item = await openEditor(page, KILLED);
  await expect(figureOf(item).getByLabel('Who is counted')).toHaveValue('Kataib Hezbollah militiamen');
  await expect(figureOf(item).getByLabel('Lowest')).toHaveValue('4');
  await expect(item.locator('.figure-summary')).toHaveText(' · 4–5 killed');
}

test.describe('figure corrections are never lost', () => {
  test('saving the note with Ctrl+Enter keeps (and saves) the figure fields typed before it', async ({ page }) => {
    const item = await correctFigure(page);
    const note = item.getByLabel('Note');
    await note.click();
    await note.fill('Group’s own count.');
    await note.press('Control+Enter');
    await expect(statusBar(page)).toContainText('Saved');
    await expect(figureOf(item).getByLabel('Who is counted')).toHaveValue('Kataib Hezbollah militiamen');
    await expect(figureOf(item).getByLabel('Lowest')).toHaveValue('4');
    await expect(item.getByRole('button', { name: 'Save note' })).toBeDisabled();
    await expectCorrectionsKept(page);
    await expect(annotationItem(page, KILLED)).toContainText('Group’s own count.');
  });

  test('moving on with J keeps the figure fields', async ({ page }) => {
    const item = await correctFigure(page);
    await page.getByTestId('reader').focus();
    await page.keyboard.press('j');
    await expect(item).not.toHaveAttribute('aria-current', 'true');
    await expect(item.locator('.figure-summary')).toHaveText(' · 4–5 killed');
    await expectCorrectionsKept(page);
  });

  test('a click elsewhere in the text keeps the figure fields', async ({ page }) => {
    const item = await correctFigure(page);
    await clickOn(page, 'Jurf Al Sakhar');
    await expect(item).not.toHaveAttribute('aria-current', 'true');
    await expect(item.locator('.figure-summary')).toHaveText(' · 4–5 killed');
    await expectCorrectionsKept(page);
  });

  test('a value that cannot be saved is kept with its error until fixed or discarded, and nothing claims it was saved', async ({ page }) => {
    const item = await correctFigure(page);
    await figureOf(item).getByLabel('Lowest').fill('four');
    const note = item.getByLabel('Note');
    await note.fill('Check the count.');
    await note.press('Control+Enter');
    await expect(figureOf(item).getByRole('alert')).toHaveText('Values must be numbers of zero or more, such as 5 or 1200.');
    await expect(statusBar(page)).toContainText('not its figure change');
    await expect(statusBar(page)).not.toContainText(/^Saved[^,]*\.$/);

    // Moving away and back shows the draft again, with its error.
    await clickOn(page, 'Jurf Al Sakhar');
    await expect(item).not.toHaveAttribute('aria-current', 'true');
    const back = await openEditor(page, KILLED);
    await expect(figureOf(back).getByLabel('Lowest')).toHaveValue('four');
    await expect(figureOf(back).getByLabel('Who is counted')).toHaveValue('Kataib Hezbollah militiamen');
    await expect(figureOf(back)).toContainText('Unsaved changes');

    await figureOf(back).getByRole('button', { name: 'Discard changes' }).click();
    await expect(figureOf(back).getByLabel('Lowest')).toHaveValue('5');
    await expect(figureOf(back).getByRole('alert')).toHaveCount(0);
  });
});

test.describe('number keys act only on a selection the reviewer can see', () => {
  test('after a drag that selects nothing (it began on the sticky legend), 1 does not relabel the last tagged figure', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Keys and visible selections' });
    await openArticle(page, article.id);
    await tag(page, KILLED, '3');
    const figure = annotationItem(page, KILLED);
    await expect(figure).toHaveAttribute('aria-current', 'true');

    // Scroll so text lies under the legend, then drag from the legend down over the text.
    await page.mouse.wheel(0, 400);
    const legend = await page.locator('.legend').boundingBox();
    if (!legend) throw new Error('no legend');
    const from = { x: legend.x + legend.width - 8, y: legend.y + legend.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 200, from.y + 120, { steps: 8 });
    await page.mouse.up();
    // The browser selects from the legend into the text: nothing the reader can tag.
    expect(await pendingText(page)).toBeNull();

    await expect(figure).not.toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('1');
    await expect(statusBar(page)).toContainText(/Select (some )?text/);
    await expect(figure).toHaveAttribute('data-label', 'figure');
    await page.reload();
    await expect(annotationItem(page, KILLED)).toHaveAttribute('data-label', 'figure');
  });

  test('an annotation hidden by the label filter is not relabelled or deleted by a key', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Keys and the filter' });
    await openArticle(page, article.id);
    await tag(page, KILLED, '3');
    await page.getByRole('group', { name: 'Show annotations by label' }).getByRole('button', { name: /^Claim/ }).click();
    await expect(annotationItems(page)).toHaveCount(0);
    await page.keyboard.press('1');
    await page.keyboard.press('Delete');
    await page.getByRole('group', { name: 'Show annotations by label' }).getByRole('button', { name: /^All/ }).click();
    await expect(annotationItem(page, KILLED)).toHaveAttribute('data-label', 'figure');
    await page.reload();
    await expect(annotationItem(page, KILLED)).toHaveAttribute('data-label', 'figure');
  });

  test('the annotation open in the panel is still relabelled by a key', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Keys relabel the open entry' });
    await openArticle(page, article.id);
    await tag(page, KILLED, '3');
    await openEditor(page, KILLED);
    await page.getByTestId('reader').focus();
    await page.keyboard.press('1');
    await expect(annotationItem(page, KILLED)).toHaveAttribute('data-label', 'claim');
  });
});
