import { expect, test, type APIRequestContext } from '@playwright/test';
import { assign, contextSignedInAs, createReviewer, type CreatedReviewer } from './support/accounts';
import { expectError, spanOf } from './support/api';
import { createArticle } from './support/articles';
import { annotationItems, openArticle } from './support/reader';

/*
 * Layers stay apart (issue 9, points 3–5): an admin, two reviewers and gold on one article,
 * each in their own browser. Suggestions, comparisons and library counts are one layer's;
 * reviewers' comparisons follow their figures into gold, and the gold export holds them.
 */
const TEXT =
  'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar. Other militia groups said five fighters were wounded. ' +
  'Two Iraqi security officials said seven fighters were killed in Jurf Al Sakhar.';
const FIGHTERS = ['five of its fighters were killed', 'five fighters were wounded', 'seven fighters were killed'];
const OFFICIALS = 'Two Iraqi security officials';

interface Created {
  id: number;
  reviewerId: number;
}

/** Tags the figures in the caller's own layer through the API (the reader's tagging is tested elsewhere). */
async function tagFigures(request: APIRequestContext, articleId: number, quotes: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const quote of quotes) {
    const response = await request.post(`/api/articles/${articleId}/annotations`, { data: spanOf(TEXT, quote, 'figure') });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { annotation: Created }).annotation.id);
  }
  return ids;
}

async function createComparison(request: APIRequestContext, title: string, annotationIds: number[]) {
  const response = await request.post('/api/comparisons', { data: { title, annotationIds } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { comparison: { id: number; layerId: number } }).comparison;
}

interface ExportedComparison {
  title: string;
  figures: { annotationId: number; quote: string }[];
}

test.describe.serial('layers stay apart: admin, two reviewers and gold on one article', () => {
  let article: { id: number; title: string };
  let alice: CreatedReviewer;
  let bob: CreatedReviewer;
  let a: Awaited<ReturnType<typeof contextSignedInAs>>;
  let b: Awaited<ReturnType<typeof contextSignedInAs>>;
  const layers: Record<'admin' | 'alice' | 'bob', number[]> = { admin: [], alice: [], bob: [] };

  // Two reviewers' browsers on a busy machine: as the team scenario in teams.spec.ts.
  test.describe.configure({ timeout: 120_000 });

  test.afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
  });

  test('the admin and two reviewers each tag the same three casualty figures in their own layer', async ({ request, browser, baseURL }) => {
    article = await createArticle(request, { text: TEXT, title: `Layers ${Date.now()}` });
    alice = await createReviewer(request, 'alice');
    bob = await createReviewer(request, 'bob');
    await assign(request, article.id, alice.id);
    await assign(request, article.id, bob.id);
    a = await contextSignedInAs(browser, alice.username, alice.password, baseURL);
    b = await contextSignedInAs(browser, bob.username, bob.password, baseURL);
    layers.admin = await tagFigures(request, article.id, FIGHTERS);
    layers.alice = await tagFigures(a.page.request, article.id, FIGHTERS);
    layers.bob = await tagFigures(b.page.request, article.id, [...FIGHTERS, OFFICIALS]);
  });

  test('suggestions are computed within the layer being viewed, each span once', async ({ page }) => {
    const suggestedQuotes = (scope: typeof page) => scope.getByTestId('suggestion').locator('.suggested-figures li:not(.elsewhere)');

    await openArticle(page, article.id);
    await expect(annotationItems(page)).toHaveCount(3);
    await expect(page.getByTestId('suggestion')).toHaveCount(1);
    await expect(suggestedQuotes(page)).toHaveCount(3);
    for (const quote of FIGHTERS) await expect(suggestedQuotes(page).filter({ hasText: quote })).toHaveCount(1);

    // Alice, done, reads Bob's layer: the suggestion there is Bob's figures, not hers.
    await openArticle(a.page, article.id);
    await expect(a.page.getByTestId('suggestion')).toHaveCount(1);
    await a.page.getByRole('button', { name: 'Mark my work done' }).click();
    await expect(a.page.getByTestId('own-progress')).toHaveAttribute('data-status', 'done');
    await a.page.getByRole('navigation', { name: 'Layers' }).locator(`[data-layer="${bob.username}"]`).click();
    await expect(annotationItems(a.page)).toHaveCount(4);
    await expect(a.page.getByTestId('suggestion')).toHaveCount(1);
    await expect(suggestedQuotes(a.page)).toHaveCount(3);
    const fromApi = await a.page.request.get(`/api/suggestions?articleId=${article.id}&layer=${bob.id}`);
    const { suggestions } = (await fromApi.json()) as { suggestions: { annotationIds: number[] }[] };
    expect(suggestions.map((suggestion) => [...suggestion.annotationIds].sort((x, y) => x - y))).toEqual([layers.bob.slice(0, 3)]);
  });

  test('library counts show the viewer’s own layer; the admin sees gold and each reviewer’s count', async ({ page }) => {
    await page.goto('/');
    const adminRow = page.getByTestId('library-row').filter({ hasText: article.title });
    await expect(adminRow.locator('td[data-label="figure"]')).toHaveText('0');
    await expect(adminRow.locator(`[data-reviewer="${alice.username}"]`)).toHaveText('Alice: Done · 3 tagged');
    await expect(adminRow.locator(`[data-reviewer="${bob.username}"]`)).toHaveText('Bob: In progress · 4 tagged');

    await b.page.goto('/');
    const bobsRow = b.page.getByTestId('library-row').filter({ hasText: article.title });
    await expect(bobsRow.locator('td[data-label="figure"]')).toHaveText('4');
    await expect(b.page.getByTestId('counted-layer')).toHaveText('Claims, actors and figures count your own layer.');
  });

  test('comparisons are one layer’s: a reviewer cannot compare in a layer they only read, nor mix layers', async () => {
    await expectError(
      await a.page.request.post('/api/comparisons', { data: { title: 'Bob’s, by Alice', annotationIds: layers.bob.slice(0, 2) } }),
      403,
      'comparison_read_only',
    );
    await expectError(
      await a.page.request.post('/api/comparisons', { data: { title: 'Mixed', annotationIds: [layers.alice[0], layers.bob[1]] } }),
      422,
      'comparison_mixed_layers',
    );
    const alices = await createComparison(a.page.request, 'Fighters at Jurf Al Sakhar', layers.alice);
    expect(alices.layerId).toBe(alice.id);
    await createComparison(b.page.request, 'Officials and the killed', [layers.bob[0]!, layers.bob[3]!]);

    // The panel lists the comparisons of the layer shown: Alice's own, none in Bob's.
    await openArticle(a.page, article.id);
    await expect(a.page.locator('.article-comparisons li')).toHaveText([/Fighters at Jurf Al Sakhar/]);
    await a.page.getByRole('navigation', { name: 'Layers' }).locator(`[data-layer="${bob.username}"]`).click();
    await expect(annotationItems(a.page)).toHaveCount(4);
    await expect(a.page.locator('.article-comparisons li')).toHaveText([/Officials and the killed/]);
  });

  test('curation carries a comparison whose figures are all accepted into gold, and lists a partly accepted one to settle', async ({ page }) => {
    await page.goto(`/articles/${article.id}/curate`);
    await page.getByRole('button', { name: 'Accept all agreed (3)' }).click();
    await expect(page.getByTestId('curation-summary').locator('[data-count="accepted"]')).toHaveText('3');

    // Bob's comparison has one figure in gold and "Two Iraqi security officials" not.
    const pending = page.getByTestId('pending-comparison');
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText('Officials and the killed');
    await expect(pending.locator('[data-in-gold="false"]')).toContainText(OFFICIALS);
    await pending.getByRole('button', { name: 'Accept the rest' }).click();
    await expect(page.getByText('“Officials and the killed” is in gold, with all its figures.')).toBeVisible();
    await expect(page.getByTestId('pending-comparison')).toHaveCount(0);
    await expect(page.getByTestId('curation-summary').locator('[data-count="accepted"]')).toHaveText('4');

    // The gold layer in the reader shows both comparisons, over gold's own figures.
    await page.goto(`/articles/${article.id}?layer=gold`);
    await expect(annotationItems(page)).toHaveCount(4);
    await expect(page.locator('.article-comparisons li')).toHaveText([/Fighters at Jurf Al Sakhar/, /Officials and the killed/]);
  });

  test('the admin builds a comparison in gold directly, and the gold export holds every comparison', async ({ page, request }) => {
    const goldFigures = (await (await request.get(`/api/articles/${article.id}/annotations?layer=${(await goldLayerId(request, article.id))}`)).json()) as {
      annotations: { id: number; quote: string }[];
    };
    const byQuote = new Map(goldFigures.annotations.map((annotation) => [annotation.quote, annotation.id]));
    await createComparison(request, 'Wounded or killed', [byQuote.get(FIGHTERS[1]!)!, byQuote.get(FIGHTERS[2]!)!]);

    const jsonl = await request.get(`/api/export?format=jsonl&article=${article.id}`);
    const [exported] = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { comparisons: ExportedComparison[] });
    expect(exported!.comparisons.map((comparison) => comparison.title).sort()).toEqual(['Fighters at Jurf Al Sakhar', 'Officials and the killed', 'Wounded or killed']);
    for (const comparison of exported!.comparisons) {
      for (const figure of comparison.figures) expect([...byQuote.values()]).toContain(figure.annotationId);
    }
    const csv = await request.get(`/api/export?format=figures-csv&article=${article.id}`);
    expect((await csv.text()).trim().split('\n')).toHaveLength(4);

    await page.goto(`/export?article=${article.id}`);
    await expect(page.getByTestId('export-summary')).toHaveText('Gold (adjudicated): 1 article, 4 annotations, 3 comparisons.');
    // By its place: the label wraps the select, and the preselected article's title says "Layers" too.
    await page.locator('.layer-choice select').selectOption(bob.username);
    await expect(page.getByTestId('export-summary')).toHaveText('Bob: 1 article, 4 annotations, 1 comparison.');
  });
});

async function goldLayerId(request: APIRequestContext, articleId: number): Promise<number> {
  const response = await request.get(`/api/articles/${articleId}/layers`);
  expect(response.status(), await response.text()).toBe(200);
  const { layers } = (await response.json()) as { layers: { reviewerId: number; kind: string }[] };
  return layers.find((layer) => layer.kind === 'gold')!.reviewerId;
}
