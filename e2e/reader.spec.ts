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

/** Screen boxes the keyboard tests compare: the caret, the sticky legend's bottom, the status bar's top. */
async function caretAndEdges(page: Page) {
  return page.evaluate(() => {
    const caret = document.querySelector('.caret')?.getBoundingClientRect();
    return {
      caret: caret ? { top: caret.top, bottom: caret.bottom } : null,
      legendBottom: document.querySelector('.legend')!.getBoundingClientRect().bottom,
      statusTop: document.querySelector('[data-testid="status-bar"]')!.getBoundingClientRect().top,
    };
  });
}

async function expectCaretUncovered(page: Page) {
  const { caret, legendBottom, statusTop } = await caretAndEdges(page);
  expect(caret, 'the caret is drawn').not.toBeNull();
  expect(caret!.top).toBeGreaterThanOrEqual(legendBottom);
  expect(caret!.bottom).toBeLessThanOrEqual(statusTop);
}

test.describe('keyboard: focused text, caret and selection stay in view', () => {
  test('tabbing into a scrolled article starts the caret on the first line below the sticky legend', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Tab into the text' });
    await openArticle(page, article.id);
    await page.mouse.wheel(0, 700);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await page.getByRole('button', { name: /^Keyboard/ }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('reader')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.caret')).toBeVisible();
    await expectCaretUncovered(page);
  });

  test('moving the caret down and up scrolls the text, never under the legend or the status bar', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Caret in view' });
    await openArticle(page, article.id);
    await page.getByTestId('reader').focus();
    await page.keyboard.press('ArrowDown');
    for (let line = 0; line < 30; line += 1) await page.keyboard.press('ArrowDown');
    await expectCaretUncovered(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    for (let line = 0; line < 20; line += 1) await page.keyboard.press('ArrowUp');
    await expectCaretUncovered(page);

    // A Ctrl+Shift+→ selection is painted in a solid colour that reads over every label tint.
    for (let word = 0; word < 3; word += 1) await page.keyboard.press('Control+Shift+ArrowRight');
    expect(await page.evaluate(() => window.getSelection()?.toString().trim().length ?? 0)).toBeGreaterThan(0);
    if (process.env.READER_SCREENSHOTS) await page.screenshot({ path: `${process.env.READER_SCREENSHOTS}/keyboard-selection.png` });
    const selectionColour = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="reader"] p')!, '::selection').backgroundColor);
    expect(selectionColour).toBe('rgb(31, 95, 191)');
  });

  test('the tag toolbar opens below a selection that sits just under the legend, not over the legend', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Toolbar and legend' });
    await openArticle(page, article.id);
    const phrase = 'two Iraqi security officials';
    // Scroll the phrase to just below the legend, then drag over it where it is.
    await page.evaluate((phrase) => {
      const paragraph = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="reader"] p')).find((p) => p.textContent!.includes(phrase))!;
      const node = paragraph.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(phrase));
      range.setEnd(node, node.data.indexOf(phrase) + 1);
      const legendBottom = document.querySelector('.legend')!.getBoundingClientRect().bottom;
      window.scrollBy({ top: range.getBoundingClientRect().top - legendBottom - 12, behavior: 'instant' });
    }, phrase);
    const boxes = await page.evaluate((phrase) => {
      const paragraph = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="reader"] p')).find((p) => p.textContent!.includes(phrase))!;
      const node = paragraph.firstChild as Text;
      const box = (at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getClientRects()[0]!;
      };
      const from = node.data.indexOf(phrase);
      const first = box(from);
      const last = box(from + phrase.length - 1);
      return { x1: first.left + 1, y1: (first.top + first.bottom) / 2, x2: last.right - 1, y2: (last.top + last.bottom) / 2 };
    }, phrase);
    await page.mouse.move(boxes.x1, boxes.y1);
    await page.mouse.down();
    await page.mouse.move(boxes.x2, boxes.y2, { steps: 8 });
    await page.mouse.up();
    const toolbar = page.getByTestId('selection-toolbar');
    await expect(toolbar).toBeVisible();
    await expect
      .poll(async () => {
        const legendBottom = await page.evaluate(() => document.querySelector('.legend')!.getBoundingClientRect().bottom);
        return ((await toolbar.boundingBox())?.y ?? 0) - legendBottom;
      })
      .toBeGreaterThanOrEqual(0);
  });
});

test.describe('keyboard help', () => {
  test('? opens a readable shortcuts dialog, Escape closes it and focus returns to the text', async ({ page, request }) => {
    const article = await createArticle(request, { title: 'Keyboard help' });
    await openArticle(page, article.id);
    const reader = page.getByTestId('reader');
    await reader.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    expect((await help.boundingBox())!.width).toBeGreaterThanOrEqual(36 * 16);
    if (process.env.READER_SCREENSHOTS) await page.screenshot({ path: `${process.env.READER_SCREENSHOTS}/keyboard-help.png` });
    // Each explanation reads on one line, not one word a line.
    const explanation = help.locator('dd').filter({ hasText: 'undo the last change' });
    const lineHeight = await explanation.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect((await explanation.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    // Keys inside the dialog do not reach the reader.
    await page.keyboard.press('j');
    await expect(annotationItems(page)).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(reader).toBeFocused();

    const button = page.getByRole('button', { name: /^Keyboard/ });
    await button.click();
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
    await expect(button).toBeFocused();
  });
});
