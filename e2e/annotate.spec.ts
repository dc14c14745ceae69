import { expect, test, type Page } from '@playwright/test';
import { createArticle } from './support/articles';
import { queryDatabase } from './support/database';
import {
  annotationItem,
  annotationItems,
  clickOn,
  openArticle,
  paintedCount,
  pendingText,
  placeCaretBefore,
  selectWithMouse,
  storedAnnotationId,
} from './support/reader';

const CENTCOM_CLAIM =
  'The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter';
const KILLED_FIGURE = 'five of its fighters were killed';
const OVERLAPPING_CLAIM = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar';

async function tagWithToolbar(page: Page, label: 'Claim' | 'Actor' | 'Figure') {
  await page.getByRole('toolbar', { name: 'Tag the selected text' }).getByRole('button', { name: label }).click();
}

test('the sample article is in the library on a fresh database and opens as readable paragraphs', async ({ page }) => {
  await page.goto('/');
  const sample = page.getByTestId('library-row').filter({ hasText: 'At least five Shiite militiamen were killed' }).first();
  await expect(sample).toContainText('The National');
  await expect(sample).toContainText('22 Nov 2023');
  await expect(sample.locator('td[data-column="words"]')).toHaveText('517');

  await sample.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said',
  );
  const paragraphs = page.getByTestId('reader').locator('p');
  await expect(paragraphs).toHaveCount(18);
  // The `date` token became metadata and the curly quotes survived normalisation.
  await expect(paragraphs.first()).toHaveText('Live updates: Follow the latest news on Israel-Gaza');
  await expect(paragraphs.nth(4)).toHaveText(/^“The US Central Command/);
});

test('a reviewer tags an actor, a figure, a claim and overlapping spans, and all survive a reload', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Tagging flow' });
  await openArticle(page, article.id);

  // Actor: mouse selection, snapped from a sloppy drag, tagged from the toolbar.
  await selectWithMouse(page, 'ataib Hezbol');
  await expect.poll(() => pendingText(page)).toBe('Kataib Hezbollah');
  await tagWithToolbar(page, 'Actor');
  await expect(annotationItem(page, 'Kataib Hezbollah')).toHaveAttribute('data-label', 'actor');

  // Figure: caret placed before the phrase, extended with shift+arrows, tagged with key 3.
  await placeCaretBefore(page, KILLED_FIGURE);
  for (let i = 0; i < KILLED_FIGURE.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => pendingText(page)).toBe(KILLED_FIGURE);
  await page.keyboard.press('3');
  await expect(annotationItem(page, KILLED_FIGURE)).toHaveAttribute('data-label', 'figure');

  // Claim: the whole quoted paragraph; snapping drops the opening quote and the final full stop.
  await selectWithMouse(page, `“${CENTCOM_CLAIM}.`);
  await expect.poll(() => pendingText(page)).toBe(CENTCOM_CLAIM);
  await page.keyboard.press('1');
  await expect(annotationItem(page, CENTCOM_CLAIM)).toHaveAttribute('data-label', 'claim');

  // A claim containing the figure and a second actor mention, and a claim sharing words with it.
  await selectWithMouse(page, OVERLAPPING_CLAIM);
  await tagWithToolbar(page, 'Claim');
  await selectWithMouse(page, 'In a statement posted on social media, Kataib Hezbollah said');
  await tagWithToolbar(page, 'Claim');
  await expect(annotationItems(page)).toHaveCount(5);
  await expect.poll(() => paintedCount(page, 'claim')).toBe(3);

  await page.reload();
  await expect(annotationItems(page)).toHaveCount(5);
  // Text order: the actor first, the two overlapping claims before the figure they contain.
  await expect(annotationItems(page).locator('.quote')).toHaveText([
    'Kataib Hezbollah',
    CENTCOM_CLAIM,
    'In a statement posted on social media, Kataib Hezbollah said',
    OVERLAPPING_CLAIM,
    KILLED_FIGURE,
  ]);
  expect(await paintedCount(page, 'actor')).toBe(1);
  expect(await paintedCount(page, 'figure')).toBe(1);
  expect(await paintedCount(page, 'claim')).toBe(3);

  // Each nested span stays clickable: the innermost first, then outwards on the next click.
  await clickOn(page, 'fighters were killed');
  await expect(annotationItem(page, KILLED_FIGURE)).toHaveAttribute('aria-current', 'true');
  await clickOn(page, 'fighters were killed');
  await expect(annotationItem(page, OVERLAPPING_CLAIM)).toHaveAttribute('aria-current', 'true');
  await clickOn(page, 'Jurf Al Sakhar. Other');
  await expect(annotationItem(page, OVERLAPPING_CLAIM)).toHaveAttribute('aria-current', 'true');

  const stored = await queryDatabase<{ label: string; quote: string; prefix: string; suffix: string; reviewer_id: number }>(
    'select label, quote, prefix, suffix, reviewer_id from annotations where article_id = ? and deleted_at is null order by start_offset',
    article.id,
  );
  expect(stored).toHaveLength(5);
  const figure = stored.find((row) => row.label === 'figure')!;
  expect(figure.quote).toBe(KILLED_FIGURE);
  expect(figure.prefix).toBe('cial media, Kataib Hezbollah said '.slice(-32));
  expect(figure.suffix).toBe(' in Jurf Al Sakhar. Other militia groups'.slice(0, 32));
  expect(new Set(stored.map((row) => row.reviewer_id)).size).toBe(1);
});

test('the side panel filters by label, scrolls to a highlight and selects from a click on the text', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Panel' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  await selectWithMouse(page, 'five fighters were wounded');
  await page.keyboard.press('3');
  await selectWithMouse(page, 'Thousands of Sunnis who fled the town have been unable to return');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(3);

  const filters = page.getByRole('group', { name: 'Show annotations by label' });
  await expect(filters.getByRole('button', { name: 'Figure 1' })).toBeVisible();
  await filters.getByRole('button', { name: /^Figure/ }).click();
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(filters.getByRole('button', { name: /^Figure/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await paintedCount(page, 'actor')).toBe(0);
  await filters.getByRole('button', { name: /^All/ }).click();
  await expect(annotationItems(page)).toHaveCount(3);

  // Clicking an entry scrolls its highlight into view and flashes it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const actor = annotationItem(page, 'Kataib Hezbollah');
  const actorId = await storedAnnotationId(actor);
  await actor.getByRole('button').first().click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-flashing', actorId);
  await expect(actor).toHaveAttribute('aria-current', 'true');

  // Clicking a highlight in the text selects its entry.
  await clickOn(page, 'fighters were wounded');
  await expect(annotationItem(page, 'five fighters were wounded')).toHaveAttribute('aria-current', 'true');
  await expect(actor).not.toHaveAttribute('aria-current', 'true');
});

test('changing a label and a note persists, and ctrl+z undoes a delete and a label change', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Edit and undo' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'two Iraqi security officials');
  await page.keyboard.press('1');
  const item = annotationItem(page, 'two Iraqi security officials');
  await expect(item).toHaveAttribute('data-label', 'claim');
  const id = await storedAnnotationId(item);

  await item.getByLabel('Label').selectOption('actor');
  await expect(item).toHaveAttribute('data-label', 'actor');
  await item.getByLabel('Note').fill('Anonymous sources: who are they?');
  await item.getByRole('button', { name: 'Save note' }).click();
  await expect(item.getByRole('button', { name: 'Save note' })).toBeDisabled();
  await expect(page.getByTestId('status-bar')).toContainText('Saved');

  await page.reload();
  await expect(item).toHaveAttribute('data-label', 'actor');
  await expect(item).toContainText('Anonymous sources: who are they?');

  await item.getByRole('button').first().click();
  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(annotationItems(page)).toHaveCount(0);
  await expect(page.getByTestId('status-bar').getByRole('status')).toContainText('Deleted Actor “two Iraqi security officials”');
  await page.keyboard.press('Control+z');
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItem(page, 'two Iraqi security officials')).toHaveAttribute('data-annotation-id', id);
  await expect(annotationItem(page, 'two Iraqi security officials')).toContainText('Anonymous sources');

  // Relabel with the keyboard on the selected annotation, then undo it.
  await page.keyboard.press('3');
  await expect(item).toHaveAttribute('data-label', 'figure');
  await page.keyboard.press('Control+z');
  await expect(item).toHaveAttribute('data-label', 'actor');

  await page.reload();
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(item).toHaveAttribute('data-label', 'actor');
  const actions = (
    await queryDatabase<{ action: string }>(
    "select action from history where entity_type = 'annotation' and entity_id = ? order by id",
      Number(id),
    )
  ).map((row) => row.action);
  expect(actions).toEqual(['create', 'update', 'update', 'delete', 'restore', 'update', 'update']);

  // The same history, readable in the panel: who, when and what changed.
  await item.locator('.annotation-summary').click();
  await item.getByText('History').click();
  const history = item.getByRole('list', { name: 'Changes, oldest first' });
  await expect(history.locator(':scope > li')).toHaveCount(7);
  await expect(history.locator(':scope > li').first()).toContainText('Created by Administrator');
  await expect(history.locator(':scope > li').nth(1)).toContainText('label: claim → actor');
  await expect(history.locator(':scope > li').nth(2)).toContainText('note: — → “Anonymous sources: who are they?”');
  await expect(history.locator(':scope > li').nth(3)).toContainText('Deleted by Administrator');
  await expect(history.locator(':scope > li').nth(4)).toContainText('Restored by Administrator');
  await expect(history.locator(':scope > li').nth(5)).toContainText('label: actor → figure');
});

test('keyboard only: focus the text, move the caret, extend with shift+arrows and tag', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Keyboard only' });
  await openArticle(page, article.id);
  await page.getByTestId('reader').focus();
  await page.keyboard.press('ArrowDown'); // places the caret at the start of the text
  await page.keyboard.press('ArrowDown'); // first line of the second paragraph
  await page.keyboard.press('Home');
  await expect(page.locator('.caret')).toBeVisible();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => pendingText(page)).toBe('At least five');
  await page.keyboard.press('3');
  await expect(annotationItem(page, 'At least five')).toHaveAttribute('data-label', 'figure');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(annotationItem(page, 'At least five')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Delete');
  await expect(annotationItems(page)).toHaveCount(0);
});

test('snapping can be turned off to keep the exact selection', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Snapping' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'ataib Hezbol');
  await expect.poll(() => pendingText(page)).toBe('Kataib Hezbollah');
  await page.getByRole('checkbox', { name: 'Snap selections to whole words' }).uncheck();
  await selectWithMouse(page, 'ataib Hezbol');
  await expect.poll(() => pendingText(page)).toBe('ataib Hezbol');
  await page.keyboard.press('2');
  await expect(annotationItem(page, 'ataib Hezbol')).toHaveAttribute('data-label', 'actor');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Snap selections to whole words' })).not.toBeChecked();
});

test('a selection made while the previous tag is still saving survives for the next tag', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Fast reviewer' });
  await openArticle(page, article.id);
  // Hold the first save until the reviewer has already selected the next span.
  let releaseSave: () => void = () => undefined;
  const saveHeld = new Promise<void>((resolve) => (releaseSave = resolve));
  await page.route(`**/api/articles/${article.id}/annotations`, async (route) => {
    if (route.request().method() === 'POST') await saveHeld;
    await route.continue();
  });
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  await selectWithMouse(page, 'five fighters were wounded');
  await expect.poll(() => pendingText(page)).toBe('five fighters were wounded');
  releaseSave();
  await expect(annotationItems(page)).toHaveCount(1);
  await expect.poll(() => pendingText(page)).toBe('five fighters were wounded');
  await page.keyboard.press('3');
  await expect(annotationItems(page).locator('.quote')).toHaveText(['Kataib Hezbollah', 'five fighters were wounded']);
});

test('an error from the server is shown and nothing changes', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Errors' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'Anbar province');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(1);
  await selectWithMouse(page, 'Anbar province');
  await page.keyboard.press('3');
  await expect(page.getByTestId('status-bar').getByRole('alert')).toContainText('“Anbar province” is already tagged figure');
  await expect(annotationItems(page)).toHaveCount(1);
});

test('a tag the server refuses is painted at once, then taken back with the reason', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Refused tag' });
  await openArticle(page, article.id);
  // Hold the refusal until the optimistic highlight has been seen, then answer 422.
  let refuse: () => void = () => undefined;
  const refusalHeld = new Promise<void>((resolve) => (refuse = resolve));
  await page.route(`**/api/articles/${article.id}/annotations`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await refusalHeld;
    await route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'invalid', message: 'The span no longer matches the text.' } }),
    });
  });
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  await expect(annotationItems(page)).toHaveCount(1);
  await expect.poll(() => paintedCount(page, 'actor')).toBe(1);
  refuse();
  await expect(page.getByTestId('status-bar').getByRole('alert')).toHaveText(
    'Not tagged: The span no longer matches the text. The highlight was removed.',
  );
  await expect(annotationItems(page)).toHaveCount(0);
  expect(await paintedCount(page, 'actor')).toBe(0);
  await expect(page.getByTestId('status-bar').getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('a label change the server refuses goes back to the stored label and says why', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Refused change' });
  await openArticle(page, article.id);
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  const item = annotationItem(page, 'Kataib Hezbollah');
  await expect(item).toHaveAttribute('data-label', 'actor');
  await expect(page.getByTestId('status-bar')).toContainText('Tagged');
  await page.route('**/api/annotations/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'Someone changed it first.' } }) })
      : route.continue(),
  );
  await page.keyboard.press('1');
  await expect(page.getByTestId('status-bar').getByRole('alert')).toHaveText('Not saved: Someone changed it first. The change was taken back.');
  await expect(item).toHaveAttribute('data-label', 'actor');
  expect(await paintedCount(page, 'claim')).toBe(0);
  expect(await paintedCount(page, 'actor')).toBe(1);
});

test('a pasted article gets its date from a date line and a title from its first sentence, and can be annotated', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Add article' }).first().click();
  // The library has a Source filter too: wait for the new page before filling its Source.
  await expect(page).toHaveURL(/\/articles\/new$/);
  await page.getByLabel('Source').fill('Test Wire');
  await page.getByLabel('Text').fill('date 2024-01-05\r\nThe ministry said 12 people were injured in the blast.  \r\n\r\nA second paragraph 👍🏽 names Kataib Hezbollah.');
  await page.getByRole('button', { name: 'Add article' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The ministry said 12 people were injured in the blast');
  await expect(page.locator('.article-meta')).toContainText('Test Wire');
  await expect(page.locator('.article-meta')).toContainText('5 Jan 2024');
  await expect(page.getByTestId('reader').locator('p')).toHaveText([
    'The ministry said 12 people were injured in the blast.',
    'A second paragraph 👍🏽 names Kataib Hezbollah.',
  ]);

  // After an emoji, offsets are UTF-16 units: the stored span must still quote the right words.
  await selectWithMouse(page, 'Kataib Hezbollah');
  await page.keyboard.press('2');
  await selectWithMouse(page, '12 people');
  await tagWithToolbar(page, 'Figure');
  // Tags are painted at once and stored a moment later: reload only once the server has it.
  await expect(page.getByTestId('status-bar').getByRole('status')).toContainText('Tagged Figure “12 people”');
  await page.reload();
  await expect(annotationItems(page).locator('.quote')).toHaveText(['12 people', 'Kataib Hezbollah']);
  const id = Number(page.url().split('/').pop());
  const rows = await queryDatabase<{ quote: string; start_offset: number }>(
    'select quote, start_offset from annotations where article_id = ? order by start_offset',
    id,
  );
  expect(rows).toEqual([
    { quote: '12 people', start_offset: 18 },
    { quote: 'Kataib Hezbollah', start_offset: 86 },
  ]);

  // The admin's library counts gold (nothing curated yet); the admin's own two spans show by their progress.
  await page.goto('/');
  const row = page.getByTestId('library-row').filter({ hasText: 'The ministry said 12 people' });
  await expect(row.locator('td[data-label="figure"]')).toHaveText('0');
  await expect(row.locator('td[data-label="actor"]')).toHaveText('0');
  await expect(row.locator('td[data-label="claim"]')).toHaveText('0');
  await expect(row.locator('.progress-chip[data-reviewer="admin"]')).toHaveText('Administrator: In progress · 2 tagged');
});

test('uploaded .md and .txt files become articles, and details can be edited', async ({ page }) => {
  await page.goto('/articles/new');
  await page.getByLabel('Or upload files').setInputFiles([
    { name: 'briefing.md', mimeType: 'text/markdown', buffer: Buffer.from('# Briefing on Anbar\n\nOfficials said three sites were hit.') },
    { name: 'wire.txt', mimeType: 'text/plain', buffer: Buffer.from('Two people were detained on Tuesday, police said.\n') },
  ]);
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('library-row').filter({ hasText: 'Briefing on Anbar' })).toHaveCount(1);
  await page.getByRole('link', { name: 'Two people were detained on Tuesday, police said' }).click();

  await page.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('form', { name: 'Article details' });
  await details.getByLabel('Title').fill('Detentions on Tuesday');
  await details.getByLabel('Date').fill('2024-02-06');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Detentions on Tuesday');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Detentions on Tuesday');
  await expect(page.locator('.article-meta')).toContainText('6 Feb 2024');
});

test('a long annotation list grows as the reviewer scrolls it, and always reaches the selected entry', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Many annotations' });
  const words = [...article.text.matchAll(/[A-Za-z]{3,}/g)].slice(0, 250);
  for (const word of words) {
    const response = await request.post(`/api/articles/${article.id}/annotations`, {
      data: { label: 'claim', start: word.index, end: word.index + word[0].length, quote: word[0] },
    });
    expect(response.status()).toBe(201);
  }
  await openArticle(page, article.id);
  await expect(page.getByRole('button', { name: /^All 250$/ })).toBeVisible();
  await expect(annotationItems(page)).toHaveCount(200);
  await expect(page.getByRole('button', { name: 'Show more (50 not shown yet)' })).toBeAttached();
  expect(await paintedCount(page, 'claim')).toBe(250);

  // K from nothing selected goes to the last annotation, which is rendered for it.
  await page.keyboard.press('k');
  await expect(annotationItems(page)).toHaveCount(250);
  await expect(annotationItems(page).last()).toHaveAttribute('aria-current', 'true');
});
