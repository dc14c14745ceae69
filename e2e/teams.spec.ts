import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { contextSignedInAs, uniqueUsername, type CreatedReviewer } from './support/accounts';
import { expectError } from './support/api';
import { createArticle } from './support/articles';
import { annotationItems, openArticle, pendingText, selectWithMouse } from './support/reader';

/*
 * A team annotates one article: an admin creates two reviewers and assigns them, each tags
 * the article blind in their own browser, sees the other's layer (read-only) only once done
 * or once the admin shares the article, and the admin measures their agreement, adjudicates
 * into gold and exports it.
 *
 * The article is two sentences, so every agreement score below can be checked by hand.
 */
const TEXT = 'Kataib Hezbollah said five fighters were killed. The Pentagon said it struck two facilities near Baghdad.';

/*
 * Word tokens (lib/agreement/tokens.ts: Intl.Segmenter's word-like segments; the full stops
 * are not tokens), N = 16:
 *    1 Kataib  2 Hezbollah  3 said  4 five  5 fighters  6 were  7 killed
 *    8 The  9 Pentagon  10 said  11 it  12 struck  13 two  14 facilities  15 near  16 Baghdad
 */
const TOKEN_COUNT = 16;

/* Alice (reviewer A: created first) and Bob (B) tag:
 *
 *   label   Alice                                                    Bob
 *   actor   Kataib Hezbollah (1–2), Pentagon (9)                     Kataib Hezbollah (1–2)
 *   figure  five fighters (4–5), two facilities (13–14)              five fighters were killed (4–7), two facilities (13–14)
 *   claim   The Pentagon said it struck two facilities near Baghdad  it struck two facilities near Baghdad (11–16)
 *           (8–16)
 */
const ALICE = {
  actor: ['Kataib Hezbollah', 'Pentagon'],
  figure: ['five fighters', 'two facilities'],
  claim: ['The Pentagon said it struck two facilities near Baghdad'],
};
const BOB = {
  actor: ['Kataib Hezbollah'],
  figure: ['five fighters were killed', 'two facilities'],
  claim: ['it struck two facilities near Baghdad'],
};

/*
 * F1 = 2·matches / (spans A + spans B). Token kappa per label, from the 2×2 table of tokens
 * inside a span of that label (yes) or not, with agreed = bothYes + bothNo and
 * chance = yesA·yesB + noA·noB:  kappa = (N·agreed − chance) / (N² − chance),  N² = 256.
 *
 * actor   exact: KH = KH → 1 match, 2·1/(2+1) = 0.67; overlap: the same pair only → 0.67.
 *         tokens yes A {1,2,9} = 3, B {1,2} = 2; bothYes 2, onlyA 1, onlyB 0, bothNo 13.
 *         agreed 15, chance 3·2 + 13·14 = 188: (16·15 − 188)/(256 − 188) = 52/68 = 0.7647 → 0.76
 * figure  exact: two facilities → 1 match, 2·1/(2+2) = 0.50; overlap: that pair plus
 *         five fighters ~ five fighters were killed → 2 matches, 2·2/4 = 1.00.
 *         yes A {4,5,13,14} = 4, B {4,5,6,7,13,14} = 6; bothYes 4, onlyA 0, onlyB 2, bothNo 10.
 *         agreed 14, chance 4·6 + 12·10 = 144: (16·14 − 144)/(256 − 144) = 80/112 = 0.714 → 0.71
 * claim   exact: none, 0/(1+1) = 0.00; overlap: B's clause lies inside A's sentence → 2·1/2 = 1.00.
 *         yes A {8..16} = 9, B {11..16} = 6; bothYes 6, onlyA 3, onlyB 0, bothNo 7.
 *         agreed 13, chance 9·6 + 7·10 = 124: (16·13 − 124)/(256 − 124) = 84/132 = 0.636 → 0.64
 * figures matched at the same offsets: "two facilities" only (1); both read the same value
 * (2) and category (strikes) from the same words → value 1.00, category 1.00.
 */
const EXPECTED_AGREEMENT = {
  'actor-spans': '2 / 1',
  'actor-exact': '0.67',
  'actor-overlap': '0.67',
  'actor-kappa': '0.76',
  'figure-spans': '2 / 2',
  'figure-exact': '0.50',
  'figure-overlap': '1.00',
  'figure-kappa': '0.71',
  'claim-spans': '1 / 1',
  'claim-exact': '0.00',
  'claim-overlap': '1.00',
  'claim-kappa': '0.64',
  'figures-matched': '1',
  'figures-value': '1.00',
  'figures-category': '1.00',
};

/*
 * Curation clusters (spans that overlap and share a label, or mostly the same words):
 *   Kataib Hezbollah (actor)   both, same span        → agreed: accepted with "Accept all agreed"
 *   two facilities (figure)    both, same span        → agreed: accepted with "Accept all agreed"
 *   five fighters… (figure)    spans differ           → Bob's "five fighters were killed" picked
 *   The Pentagon said… (claim) spans differ           → rejected
 *   Pentagon (actor)           Alice only             → left open
 * Gold must then hold exactly the first three.
 */
const GOLD = [
  ['actor', 'Kataib Hezbollah'],
  ['figure', 'five fighters were killed'],
  ['figure', 'two facilities'],
];

/** Serious and critical WCAG 2.1 A/AA violations on the page, as in accessibility.spec.ts (which sees these pages empty). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const SHORTCUT = { claim: '1', actor: '2', figure: '3' } as const;

interface ExportedArticle {
  id: number;
  annotations: { label: string; quote: string; author: { username: string } }[];
}

function parseJsonl(body: string): ExportedArticle[] {
  return body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportedArticle);
}

const labelsAndQuotes = (article: ExportedArticle) => article.annotations.map((annotation) => [annotation.label, annotation.quote]);

/** The panel's [label, quote] pairs in text order, as spans are listed in an export. */
function expectedSpans(layer: typeof ALICE): string[][] {
  return Object.entries(layer)
    .flatMap(([label, quotes]) => quotes.map((quote) => [label, quote]))
    .sort(([, a], [, b]) => TEXT.indexOf(a!) - TEXT.indexOf(b!) || b!.length - a!.length);
}

/** Tags each span by selecting it with the mouse and pressing the label's number key. */
async function tagLayer(page: Page, layer: typeof ALICE) {
  let count = await annotationItems(page).count();
  for (const [label, quotes] of Object.entries(layer) as [keyof typeof SHORTCUT, string[]][]) {
    for (const quote of quotes) {
      await selectWithMouse(page, quote);
      // The key acts on the selection the reader has taken in (its dashed preview), not on the drag itself.
      await expect.poll(() => pendingText(page)).toBe(quote);
      await page.keyboard.press(SHORTCUT[label]);
      count += 1;
      await expect(annotationItems(page)).toHaveCount(count);
      await expect(annotationItems(page).filter({ has: page.locator('.quote').getByText(quote, { exact: true }) })).toHaveAttribute('data-label', label);
    }
  }
}

/** The admin creates an account on the Reviewers page. */
async function createReviewerInUi(page: Page, displayName: string): Promise<CreatedReviewer> {
  const username = uniqueUsername(displayName.toLowerCase());
  const password = `team-${username}-password`;
  await page.goto('/reviewers');
  const form = page.getByRole('form', { name: 'New reviewer' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Display name').fill(displayName);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Role').selectOption('reviewer');
  await form.getByRole('button', { name: 'Create account' }).click();
  const row = page.locator(`[data-testid="reviewer-row"][data-username="${username}"]`);
  await expect(row).toContainText(displayName);
  await expect(row).toContainText('Active');
  const { reviewers } = (await (await page.request.get('/api/reviewers')).json()) as { reviewers: { id: number; username: string }[] };
  const id = reviewers.find((reviewer) => reviewer.username === username)?.id;
  expect(id).toBeDefined();
  return { id: id!, username, password };
}

/** The admin assigns a reviewer in the article page's Team disclosure. */
async function assignInUi(page: Page, reviewer: CreatedReviewer, displayName: string, teamSize: number) {
  const team = page.locator('details.team-panel');
  if (!(await team.evaluate((details: HTMLDetailsElement) => details.open))) await team.locator('summary').click();
  await team.getByLabel('Assign', { exact: true }).selectOption({ label: `${displayName} (${reviewer.username})` });
  await team.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(team.locator('summary')).toContainText(`Team: ${teamSize} reviewer${teamSize === 1 ? '' : 's'}`);
  await expect(team.locator(`.progress-chip[data-reviewer="${reviewer.username}"]`)).toHaveText(`${displayName}: Not started`);
}

const layerLink = (page: Page, layer: string) => page.getByRole('navigation', { name: 'Layers' }).locator(`[data-layer="${layer}"]`);

const clusterAt = (page: Page, quote: string) => {
  const start = TEXT.indexOf(quote);
  return page.locator(`[data-testid="cluster"][data-key="${start}-${start + quote.length}"]`);
};

/*
 * One team scenario in named steps, run in order: a failure names its step, and the steps
 * after it are skipped. The admin's `page` is a fresh tab in each step; the reviewers'
 * browsers (a, b) live across steps.
 */
test.describe.serial('two reviewers annotate blind, see each other once done or shared, and the admin measures, adjudicates and exports gold', () => {
  const title = `Team scenario ${uniqueUsername('t')}`;
  let article: { id: number };
  let alice: CreatedReviewer;
  let bob: CreatedReviewer;
  let a: Awaited<ReturnType<typeof contextSignedInAs>>;
  let b: Awaited<ReturnType<typeof contextSignedInAs>>;

  // Tagging nine spans in two browsers takes a while on a busy machine (the whole scenario once had 120 s).
  test.describe.configure({ timeout: 120_000 });

  test.afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
  });

  test('the admin creates two reviewers and assigns them to a blind article', async ({ page, request, browser, baseURL }) => {
    // The hand arithmetic above rests on this count; a regex, not the app's tokenizer, checks it.
    expect(TEXT.match(/[\p{L}\p{N}]+/gu)).toHaveLength(TOKEN_COUNT);
    article = await createArticle(request, { text: TEXT, title });
    alice = await createReviewerInUi(page, 'Alice');
    bob = await createReviewerInUi(page, 'Bob');
    await openArticle(page, article.id);
    await assignInUi(page, alice, 'Alice', 1);
    await assignInUi(page, bob, 'Bob', 2);
    await expect(page.locator('details.team-panel summary')).toContainText('· blind');
    a = await contextSignedInAs(browser, alice.username, alice.password, baseURL);
    b = await contextSignedInAs(browser, bob.username, bob.password, baseURL);
  });

  test('each reviewer finds the article in their library and tags it in their own layer', async () => {
    for (const reviewer of [a, b]) {
      await reviewer.page.goto('/');
      const row = reviewer.page.getByTestId('library-row').filter({ hasText: title });
      await expect(row.getByTestId('progress')).toHaveText('Not started');
      await row.getByRole('link', { name: title }).click();
      await expect(reviewer.page.getByTestId('reader')).toBeVisible();
      await expect(layerLink(reviewer.page, 'gold')).toHaveCount(0);
    }
    await tagLayer(b.page, BOB);
    await tagLayer(a.page, ALICE);
    // The bar follows the reader at once: progress and the layer's count, no reload needed.
    await expect(a.page.getByTestId('own-progress')).toHaveAttribute('data-status', 'in_progress');
    await expect(layerLink(a.page, alice.username)).toContainText('5');
  });

  test('blind: Alice sees no layer of Bob’s until she marks her work done, then reads it without being able to change it', async () => {
    await a.page.reload();
    await expect(annotationItems(a.page)).toHaveCount(5);
    // The server recorded it too.
    await expect(a.page.getByTestId('own-progress')).toHaveAttribute('data-status', 'in_progress');
    await expect(a.page.getByTestId('blind-notice')).toBeVisible();
    await expect(a.page.getByRole('navigation', { name: 'Layers' }).getByRole('link')).toHaveText([/^My annotations/]);
    await expect(layerLink(a.page, bob.username)).toHaveCount(0);
    const peek = await a.page.request.get(`/api/articles/${article.id}/annotations?layer=${bob.id}`);
    expect(await peek.json()).toEqual({ annotations: [] });

    await a.page.getByRole('button', { name: 'Mark my work done' }).click();
    await expect(a.page.getByTestId('own-progress')).toHaveAttribute('data-status', 'done');
    await expect(a.page.getByTestId('blind-notice')).toHaveCount(0);
    await expect(a.page.getByRole('button', { name: 'Reopen my work' })).toBeVisible();
    await expect(layerLink(a.page, bob.username)).toHaveText(/^Bob\s*4/);

    const writes: Request[] = [];
    a.page.on('request', (sent) => {
      if (sent.method() !== 'GET' && sent.url().includes('/api/')) writes.push(sent);
    });
    await layerLink(a.page, bob.username).click();
    await expect(layerLink(a.page, bob.username)).toHaveAttribute('aria-current', 'page');
    await expect(annotationItems(a.page).locator('.quote')).toHaveText(expectedSpans(BOB).map(([, quote]) => quote!));

    const killed = annotationItems(a.page).filter({ has: a.page.locator('.quote').getByText('five fighters were killed', { exact: true }) });
    await killed.locator('.annotation-summary').click();
    await expect(killed.getByText('By Bob')).toBeVisible();
    await expect(killed.getByLabel('Label', { exact: true })).toBeDisabled();
    await expect(killed.getByLabel('Note', { exact: true })).toBeDisabled();
    await expect(killed.getByRole('button', { name: 'Delete' })).toBeDisabled();
    // Focus is on the entry, not in a field: Delete would delete an annotation of one's own.
    await expect(killed.locator('.annotation-summary')).toBeFocused();
    await a.page.keyboard.press('Delete');
    // A label key answers at once, after any request Delete would have started.
    await a.page.keyboard.press('1');
    await expect(a.page.getByTestId('status-bar')).toContainText('Bob\'s layer is read-only here');
    await expect(annotationItems(a.page)).toHaveCount(4);
    await expect(killed).toHaveAttribute('data-label', 'figure');
    await a.page.reload();
    await expect(annotationItems(a.page)).toHaveCount(4);
    expect(writes.map((sent) => `${sent.method()} ${sent.url()}`)).toEqual([]);
  });

  test('shared: once the admin shares the article, Bob, not done, sees Alice’s layer', async ({ page }) => {
    await b.page.reload();
    await expect(b.page.getByTestId('blind-notice')).toBeVisible();
    await expect(layerLink(b.page, alice.username)).toHaveCount(0);

    await openArticle(page, article.id);
    await page.locator('details.team-panel summary').click();
    await expect(page.locator(`.progress-chip[data-reviewer="${alice.username}"]`)).toHaveText('Alice: Done');
    await expect(page.locator(`.progress-chip[data-reviewer="${bob.username}"]`)).toHaveText('Bob: In progress');
    const shared = page.getByRole('checkbox', { name: /^Shared:/ });
    await expect(shared).not.toBeChecked();
    // click, not check(): the box is controlled by the server's state and shows the change once the page refreshes.
    await shared.click();
    await expect(page.getByText('Reviewers now see each other’s layers.')).toBeVisible();
    await expect(shared).toBeChecked();
    await expect(page.locator('details.team-panel summary')).toContainText('· shared');

    await b.page.reload();
    await expect(b.page.getByTestId('own-progress')).toHaveAttribute('data-status', 'in_progress');
    await expect(b.page.getByTestId('blind-notice')).toHaveCount(0);
    await layerLink(b.page, alice.username).click();
    await expect(annotationItems(b.page).locator('.quote')).toHaveText(expectedSpans(ALICE).map(([, quote]) => quote!));
    await expect(layerLink(b.page, 'gold')).toHaveCount(0);

    await page.goto('/');
    const progress = page.getByTestId('library-row').filter({ hasText: title }).getByTestId('progress');
    // The admin's library counts gold; each reviewer's own count is by their progress.
    await expect(progress.locator(`[data-reviewer="${alice.username}"]`)).toHaveText('Alice: Done · 5 tagged');
    await expect(progress.locator(`[data-reviewer="${bob.username}"]`)).toHaveText('Bob: In progress · 4 tagged');
  });

  test('the agreement page shows the hand-computed scores', async ({ page }) => {
    await page.goto(`/agreement?article=${article.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeVisible();
    for (const [cell, value] of Object.entries(EXPECTED_AGREEMENT)) {
      await expect(page.getByTestId(`agreement-${alice.username}-${bob.username}-${cell}`), cell).toHaveText(value);
    }
    expect(await violations(page), 'agreement page with a pair').toEqual([]);
  });

  test('the admin accepts what both agree on, picks Bob’s span in one disagreement and rejects another', async ({ page }) => {
    await page.goto(`/articles/${article.id}/curate`);
    const summary = page.getByTestId('curation-summary');
    const count = (name: string) => summary.locator(`[data-count="${name}"]`);
    await expect(page.getByTestId('cluster')).toHaveCount(5);
    await expect(count('agreed')).toHaveText('2');
    await expect(count('disagreements')).toHaveText('3');
    await expect(clusterAt(page, 'Kataib Hezbollah')).toHaveAttribute('data-agreed', 'true');
    await expect(clusterAt(page, 'two facilities')).toHaveAttribute('data-agreed', 'true');

    await page.getByRole('button', { name: 'Accept all agreed (2)' }).click();
    await expect(count('accepted')).toHaveText('2');
    await expect(count('agreed')).toHaveText('0');
    await expect(clusterAt(page, 'Kataib Hezbollah')).toHaveAttribute('data-state', 'accepted');
    await expect(clusterAt(page, 'two facilities')).toHaveAttribute('data-state', 'accepted');

    const fighters = clusterAt(page, 'five fighters were killed');
    await expect(fighters).toHaveAttribute('data-state', 'open');
    await fighters.getByRole('button', { name: `Pick ${bob.username}'s figure span` }).click();
    await expect(fighters).toHaveAttribute('data-state', 'accepted');
    await expect(count('accepted')).toHaveText('3');

    const claim = clusterAt(page, ALICE.claim[0]!);
    await claim.getByRole('button', { name: 'Reject all' }).click();
    await expect(claim).toHaveAttribute('data-state', 'rejected');
    await expect(claim.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await expect(count('rejected')).toHaveText('1');
    await expect(count('disagreements')).toHaveText('1');
    await expect(clusterAt(page, 'Pentagon')).toHaveAttribute('data-state', 'open');
    // The refresh after each decision streams the page's metadata in after its body: the title is briefly missing.
    await expect(page).toHaveTitle(`Curate: ${title} · Crosscheck`);
    expect(await violations(page), 'curation page with open, accepted and rejected clusters').toEqual([]);
  });

  test('the export holds exactly the gold spans; a reviewer’s layer on request; gold is the admins’ own', async ({ page, request }) => {
    const response = await request.get(`/api/export?format=jsonl&article=${article.id}`);
    expect(response.status(), await response.text()).toBe(200);
    const [gold, ...rest] = parseJsonl(await response.text());
    expect(rest).toEqual([]);
    expect(gold!.id).toBe(article.id);
    expect(labelsAndQuotes(gold!)).toEqual(GOLD);
    expect(new Set(gold!.annotations.map((annotation) => annotation.author.username))).toEqual(new Set(['gold']));

    // The Export page offers gold first, and its download is the same gold layer.
    await page.goto(`/export?article=${article.id}`);
    await expect(page.getByRole('combobox', { name: /^Layer/ })).toHaveValue('gold');
    await expect(page.getByRole('combobox', { name: /^Layer/ }).locator('option:checked')).toHaveText('Gold (adjudicated)');
    await page.getByRole('radio', { name: /^jsonl/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^crosscheck-article-${article.id}-gold-`));
    const downloaded = parseJsonl(fs.readFileSync((await download.path())!, 'utf8'));
    expect(downloaded.map(labelsAndQuotes)).toEqual([GOLD]);

    const aliceLayer = await request.get(`/api/export?format=jsonl&article=${article.id}&layer=${alice.username}`);
    expect(parseJsonl(await aliceLayer.text()).map(labelsAndQuotes)).toEqual([expectedSpans(ALICE)]);
    const bobLayer = await request.get(`/api/export?format=jsonl&article=${article.id}&layer=${bob.username}`);
    expect(parseJsonl(await bobLayer.text()).map(labelsAndQuotes)).toEqual([expectedSpans(BOB)]);

    // A reviewer exports their own layer by default, and never gold or a colleague's.
    const own = await a.page.request.get(`/api/export?format=jsonl&article=${article.id}`);
    expect(parseJsonl(await own.text()).map(labelsAndQuotes)).toEqual([expectedSpans(ALICE)]);
    await expectError(await a.page.request.get(`/api/export?format=jsonl&article=${article.id}&layer=gold`), 403, 'export_own_layer_only');
    await expectError(await a.page.request.get(`/api/export?format=jsonl&article=${article.id}&layer=${bob.username}`), 403, 'export_own_layer_only');
  });
});
