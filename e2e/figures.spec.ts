import { expect, test, type Page } from '@playwright/test';
import { createArticle } from './support/articles';
import { queryDatabase } from './support/database';
import { annotationItem, annotationItems, openArticle, selectWithMouse } from './support/reader';

const KILLED = 'five of its fighters were killed';
const WOUNDED = 'five fighters were wounded';
const AT_LEAST = 'At least five Shiite militiamen';

async function tag(page: Page, phrase: string, key: '1' | '2' | '3', occurrence = 0) {
  const before = await annotationItems(page).count();
  await selectWithMouse(page, phrase, occurrence);
  await page.keyboard.press(key);
  await expect(annotationItems(page)).toHaveCount(before + 1);
}

async function openEditor(page: Page, quote: string) {
  const item = annotationItem(page, quote);
  if ((await item.getAttribute('aria-current')) !== 'true') await item.locator('.annotation-summary').click();
  return item;
}

test('a tagged figure is read into value, qualifier, category, who is counted, place and source', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Figure reading' });
  await openArticle(page, article.id);
  // The actor in the figure's sentence is tagged first, so the figure's source links to it.
  await tag(page, 'Kataib Hezbollah', '2', 2);
  await tag(page, KILLED, '3');

  const item = await openEditor(page, KILLED);
  await expect(item.locator('.figure-summary')).toHaveText(' · 5 killed');
  const figure = item.getByRole('group', { name: 'Figure details' });
  await expect(figure.getByLabel('Qualifier')).toHaveValue('exact');
  await expect(figure.getByLabel('Lowest')).toHaveValue('5');
  await expect(figure.getByLabel('Highest')).toHaveValue('5');
  await expect(figure.getByLabel('Counts')).toHaveValue('killed');
  await expect(figure.getByLabel('Who is counted')).toHaveValue(/fighters$/);
  await expect(figure.getByLabel('Where')).toHaveValue('Jurf Al Sakhar');
  await expect(figure.getByLabel('Source')).toHaveText(/Kataib Hezbollah/);
  expect(await figure.getByLabel('Source').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe('Kataib Hezbollah');

  await tag(page, AT_LEAST, '3');
  const atLeast = await openEditor(page, AT_LEAST);
  await expect(atLeast.locator('.figure-summary')).toHaveText(' · at least 5 killed');
  await expect(atLeast.getByLabel('Qualifier')).toHaveValue('at_least');
  await expect(atLeast.getByLabel('Highest')).toHaveValue('');

  // A claim's claimant is proposed from the same attribution, once the actor is known.
  await tag(page, 'five of its fighters were killed in Jurf Al Sakhar', '1');
  const claim = (await openEditor(page, 'five of its fighters were killed in Jurf Al Sakhar')).getByRole('group', { name: 'Claim details' });
  await expect(claim.getByLabel('Status')).toHaveValue('unverified');
  expect(await claim.getByLabel('Claimant').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe('Kataib Hezbollah');
});

test('a reviewer corrects a figure, and a claim gets a status and a claimant; both survive a reload', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Corrections' });
  await openArticle(page, article.id);
  await tag(page, 'two Iraqi security officials', '2');
  await tag(page, 'two Kataib Hezbollah operations centres', '3');

  const item = await openEditor(page, 'two Kataib Hezbollah operations centres');
  const figure = item.getByRole('group', { name: 'Figure details' });
  await expect(figure.getByLabel('Counts')).toHaveValue('strikes');
  await figure.getByLabel('Counts').selectOption('other');
  await figure.getByLabel('Lowest').fill('2');
  await figure.getByLabel('Highest').fill('3');
  await figure.getByLabel('Qualifier').selectOption('range');
  await figure.getByLabel('Source').selectOption({ label: 'two Iraqi security officials' });
  await figure.getByRole('button', { name: 'Save figure' }).click();
  await expect(item.locator('.figure-summary')).toHaveText(' · 2–3 other');

  // A figure with its lowest value above its highest is refused before anything is sent.
  await figure.getByLabel('Lowest').fill('9');
  await figure.getByRole('button', { name: 'Save figure' }).click();
  await expect(figure.getByRole('alert')).toHaveText('The lowest value (9) is greater than the highest (3).');

  await tag(page, 'There were casualties, they confirmed', '1');
  const claim = (await openEditor(page, 'There were casualties, they confirmed')).getByRole('group', { name: 'Claim details' });
  await claim.getByLabel('Status').selectOption('supported');
  await expect(claim.getByLabel('Status')).toHaveValue('supported');
  await claim.getByLabel('Claimant').selectOption({ label: 'two Iraqi security officials' });
  await expect(claim.getByLabel('Claimant')).toHaveValue(/\d+/);

  await page.reload();
  const reloaded = await openEditor(page, 'two Kataib Hezbollah operations centres');
  await expect(reloaded.locator('.figure-summary')).toHaveText(' · 2–3 other');
  await expect(reloaded.getByLabel('Qualifier')).toHaveValue('range');
  const reloadedClaim = await openEditor(page, 'There were casualties, they confirmed');
  await expect(reloadedClaim.getByLabel('Status')).toHaveValue('supported');

  // The change history keeps the figure's details before and after.
  const [update] = await queryDatabase<{ before: string; after: string }>(
    "select h.before, h.after from history h join annotations a on a.id = h.entity_id where h.entity_type = 'annotation' and h.action = 'update' and a.article_id = ? and a.label = 'figure' order by h.id limit 1",
    article.id,
  );
  expect(JSON.parse(update!.before).figure.category).toBe('strikes');
  expect(JSON.parse(update!.after).figure.category).toBe('other');
});

test('the same name tagged again is one actor with several mentions, listed on the Actors page', async ({ page }) => {
  await page.goto('/articles/new');
  await page.getByLabel('Title', { exact: true }).fill('Saraya report');
  await page
    .getByLabel('Text')
    .fill('Saraya Awliya al-Dam said three of its members were killed.\n\nA spokesman for Saraya Awliya al-Dam denied it. Later, saraya awliya al-dam issued a statement.');
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await tag(page, 'Saraya Awliya al-Dam', '2', 0);
  await tag(page, 'Saraya Awliya al-Dam', '2', 1);
  await selectWithMouse(page, 'saraya awliya al-dam');
  await page.keyboard.press('2');
  await expect(annotationItems(page)).toHaveCount(3);
  await tag(page, 'three of its members were killed', '3');

  await page.getByRole('link', { name: 'Actors' }).click();
  const row = page.getByTestId('actor-row').filter({ hasText: 'Saraya Awliya al-Dam' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td[data-column="mentions"]')).toHaveText('3');
  await expect(row.locator('td[data-column="figures"]')).toHaveText('1');

  await row.getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Mentions' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Figures sourced' })).toContainText('three of its members were killed');
  await page.getByLabel('Kind').selectOption('armed_group');
  await page.getByLabel('Also called (one name per line)').fill('SAD');
  await page.getByRole('button', { name: 'Save actor' }).click();
  await expect(page.getByRole('status')).toHaveText('Actor saved.');
  await page.goto('/actors');
  await expect(page.getByTestId('actor-row').filter({ hasText: 'Saraya Awliya al-Dam' })).toContainText('armed group');
  await expect(page.getByTestId('actor-row').filter({ hasText: 'Saraya Awliya al-Dam' })).toContainText('SAD');
});

test('conflicting casualty figures go side by side in a few clicks, and the table marks what differs', async ({ page, request }) => {
  const article = await createArticle(request, { title: 'Side by side' });
  await openArticle(page, article.id);
  await tag(page, KILLED, '3');
  await tag(page, WOUNDED, '3');
  await tag(page, AT_LEAST, '3');

  await annotationItem(page, KILLED).getByRole('checkbox').check();
  await annotationItem(page, WOUNDED).getByRole('checkbox').check();
  await annotationItem(page, AT_LEAST).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  const form = page.getByRole('form', { name: 'New comparison' });
  await form.getByLabel('Title').fill('Casualties at Jurf Al Sakhar, 22 Nov 2023');
  await form.getByLabel(/^Event/).fill('US strikes in Iraq, 22 Nov 2023');
  await form.getByRole('button', { name: 'Create comparison' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casualties at Jurf Al Sakhar, 22 Nov 2023');
  await page.reload();
  const table = page.getByTestId('comparison-table');
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('thead th .column-quote')).toHaveText([`“${KILLED}”`, `“${WOUNDED}”`, `“${AT_LEAST}”`]);
  const row = (field: string) => table.locator(`tr[data-field="${field}"]`);
  await expect(row('value').locator('td')).toHaveText(['5', '5', 'at least 5']);
  await expect(row('category').locator('td')).toHaveText(['killed', 'wounded', 'killed']);
  // Each row says same, more specific or differs; killed vs wounded is the key difference.
  await expect(row('category').getByRole('rowheader')).toHaveText('What was counted Key difference differs');
  await expect(row('category')).toHaveAttribute('data-key-difference', 'true');
  await expect(row('source')).toHaveAttribute('data-status', 'differs');
  await expect(row('source').getByRole('rowheader')).toHaveText('Source differs');
  await expect(row('source')).not.toHaveAttribute('data-key-difference');
  // Jurf Al Sakhar lies within Iraq, and 5 is "at least 5" made precise: neither is a conflict.
  await expect(row('place').locator('td')).toHaveText(['Jurf Al Sakhar', '—', 'Iraq']);
  await expect(row('place')).toHaveAttribute('data-status', 'more_specific');
  await expect(row('place').getByRole('rowheader')).toContainText('more specific');
  await expect(row('value')).toHaveAttribute('data-status', 'more_specific');
  await expect(row('qualifier')).toHaveAttribute('data-status', 'more_specific');
  await expect(row('counted')).toHaveAttribute('data-status', 'same');
  await expect(page.getByTestId('differs-summary')).toHaveText(
    'Key difference: what was counted. They also differ in source. More specific, not a conflict: value, qualifier, where.',
  );
  // The values keep their qualifiers, and the range its open end.
  await expect(page.getByTestId('comparison-values')).toHaveText('Values: 5, 5, at least 5');
  await expect(page.locator('.article-meta')).toContainText('Range: 5 – 5+');
  // A key difference looks different from a secondary one, not by colour alone but by its rule.
  const keyRule = await row('category').getByRole('rowheader').evaluate((cell) => getComputedStyle(cell).borderLeftWidth);
  const secondaryRule = await row('source').getByRole('rowheader').evaluate((cell) => getComputedStyle(cell).borderLeftWidth);
  expect(parseFloat(keyRule)).toBeGreaterThan(parseFloat(secondaryRule));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('comparison-table').screenshot({ path: test.info().outputPath('comparison-table.png') });
  await expect(row('sentence').locator('td').first()).toContainText('Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.');

  await page.getByLabel('Status').selectOption('explained');
  await page.getByLabel('Resolution note').fill('Kataib Hezbollah reports deaths; other groups report the same five as wounded.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Comparison saved.');

  await page.getByRole('link', { name: 'Comparisons', exact: true }).first().click();
  const listed = page.getByTestId('comparison-row').filter({ hasText: 'Casualties at Jurf Al Sakhar, 22 Nov 2023' });
  await expect(listed).toContainText('explained');
  await expect(listed).toContainText('US strikes in Iraq, 22 Nov 2023');
  await expect(listed.locator('td[data-column="spread"]')).toHaveText('5 – 5+');
});

test('a comparison can hold figures from two articles', async ({ page, request }) => {
  const first = await createArticle(request, { title: 'First outlet' });
  const second = await createArticle(request, {
    title: 'Second outlet',
    text: 'date 2023-11-23\nKataib Hezbollah said seven of its fighters were killed in Jurf Al Sakhar on Wednesday.',
  });
  await openArticle(page, first.id);
  await tag(page, KILLED, '3');
  await tag(page, WOUNDED, '3');
  await annotationItem(page, KILLED).getByRole('checkbox').check();
  await annotationItem(page, WOUNDED).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await page.getByRole('form', { name: 'New comparison' }).getByLabel('Title').fill('Jurf Al Sakhar across outlets');
  await page.getByRole('button', { name: 'Create comparison' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jurf Al Sakhar across outlets');
  const comparisonUrl = page.url();

  await openArticle(page, second.id);
  await tag(page, 'seven of its fighters were killed', '3');
  await page.goto(comparisonUrl);
  await page.getByLabel('Add a figure from any article').selectOption({ label: 'Second outlet — “seven of its fighters were killed”' });
  await page.getByRole('button', { name: 'Add figure' }).click();
  const table = page.getByTestId('comparison-table');
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('tr[data-field="value"] td')).toHaveText(['5', '5', '7']);
  await expect(table.locator('tr[data-field="value"]')).toHaveAttribute('data-differs', 'true');
  await expect(table.locator('tr[data-field="value"]')).toHaveAttribute('data-key-difference', 'true');
  await expect(page.locator('.article-meta')).toContainText('3 figures from 2 articles');
  await expect(table.locator('tr[data-field="sentence"] td').nth(2)).toContainText('Second outlet');

  // The sentence links back into its article, with that figure selected and flashed.
  await table.locator('tr[data-field="sentence"] td').nth(2).getByRole('link', { name: 'Second outlet' }).click();
  // The flash is brief, so it is checked first; the selection stays.
  await expect(page.getByTestId('reader')).toHaveAttribute('data-flashing', /^\d+$/);
  const seven = annotationItem(page, 'seven of its fighters were killed');
  expect(await page.getByTestId('reader').getAttribute('data-flashing')).toBe(await seven.getAttribute('data-annotation-id'));
  await expect(seven).toHaveAttribute('aria-current', 'true');
});

test('the app suggests conflicting figures; accepting creates a comparison and dismissing is remembered', async ({ page, request }) => {
  // A place no other test uses: suggestions also group figures across articles by who is counted and where.
  const article = await createArticle(request, {
    title: 'Suggestions',
    text:
      'The Hashd said four of its fighters were killed in Akashat. Rival channels said four fighters were wounded.\n\nAt least six fighters were killed in the clash, a local official said.\n\nLate on Monday, one militant was killed at a checkpoint in Al Qaim.',
  });
  const killed = 'four of its fighters were killed';
  const wounded = 'four fighters were wounded';
  const atLeast = 'At least six fighters were killed';
  await openArticle(page, article.id);
  await tag(page, killed, '3');
  await tag(page, wounded, '3');

  const suggestion = page.getByTestId('suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toContainText('Both count fighters, but one says killed and the other wounded');
  await suggestion.getByRole('button', { name: 'Dismiss' }).click();
  await expect(suggestion).toHaveCount(0);
  await page.reload();
  await expect(annotationItems(page)).toHaveCount(2);
  await expect(page.getByText('Tick two or more figures')).toBeVisible();
  await expect(suggestion).toHaveCount(0);

  // A third conflicting figure makes a new group, which is offered again and can be accepted.
  await tag(page, atLeast, '3');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.locator('.suggested-figures li:not(.elsewhere)')).toHaveCount(3);
  // The militant killed on Monday in another town is another incident: it joins no group.
  await tag(page, 'one militant was killed', '3');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.locator('.suggested-figures li:not(.elsewhere)')).toHaveCount(3);
  await expect(suggestion).not.toContainText('one militant');

  await suggestion.getByRole('button', { name: 'Compare these' }).click();
  const form = page.getByRole('form', { name: 'New comparison' });
  // A human title, the figures it will compare, and one primary button.
  await expect(form.getByLabel('Title')).toHaveValue('Fighters killed or wounded, Akashat');
  const compared = form.getByRole('list', { name: '3 figures to compare' });
  await expect(compared.getByRole('listitem')).toHaveText([`4 killed — “${killed}”`, `4 wounded — “${wounded}”`, `at least 6 killed — “${atLeast}”`]);
  await expect(page.locator('.compare-panel button.primary')).toHaveCount(1);
  await expect(page.locator('.compare-panel button.primary')).toHaveText('Create comparison');
  await form.getByRole('button', { name: 'Create comparison' }).click();
  await expect(page.getByTestId('comparison-table').locator('thead th')).toHaveCount(3);
  await page.goBack();
  await expect(annotationItems(page)).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'Fighters killed or wounded, Akashat' })).toBeVisible();
  await expect(suggestion).toHaveCount(0);
});
