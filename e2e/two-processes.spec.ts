import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { adminStatePath } from './support/accounts';
import { expectError, spanOf } from './support/api';
import { createArticle } from './support/articles';

/*
 * Several app processes, one database (issue 11, point 4). On PostgreSQL the suite starts a second
 * `next start` on another port against the same database (playwright.config.ts) and hands its
 * address over in E2E_SECOND_BASE_URL; these tests write through both at once. SQLite is one
 * machine's file, so there is no second process to start and this file is skipped there.
 */

const secondBaseUrl = process.env.E2E_SECOND_BASE_URL;
test.skip(!secondBaseUrl, 'needs a second app process on the same database: runs in the PostgreSQL suite');

let second: APIRequestContext;

test.beforeAll(async () => {
  // The admin's session cookie, signed in through the first process: cookies are per host, not per port.
  second = await playwrightRequest.newContext({ baseURL: secondBaseUrl, storageState: adminStatePath() });
});

test.afterAll(async () => {
  await second.dispose();
});

interface AnnotationJson {
  id: number;
  version: number;
  label: string;
}

test('a session signed in on one process is valid on the other', async ({ request }) => {
  for (const context of [request, second]) {
    const response = await context.get('/api/articles');
    expect(response.status()).toBe(200);
  }
  const anonymous = await playwrightRequest.newContext({ baseURL: secondBaseUrl, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get('/api/articles')).status()).toBe(401);
  await anonymous.dispose();
});

test('writes sent through both processes at once are all stored, each once', async ({ request }) => {
  const text = Array.from({ length: 40 }, (_, i) => `Sentence ${i} says ${i + 2} people were hurt.`).join(' ');
  const article = await createArticle(request, { title: 'Two processes, one library', text });
  const responses = await Promise.all(
    Array.from({ length: 40 }, (_, i) => {
      const through = i % 2 === 0 ? request : second;
      return through.post(`/api/articles/${article.id}/annotations`, { data: spanOf(text, `Sentence ${i} says`, 'claim') });
    }),
  );
  const statuses = await Promise.all(responses.map(async (response) => `${response.status()} ${response.status() === 201 ? '' : await response.text()}`.trim()));
  expect(statuses).toEqual(Array.from({ length: 40 }, () => '201'));
  const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { annotation: AnnotationJson }).annotation.id));
  expect(new Set(ids).size).toBe(40);

  for (const context of [request, second]) {
    const listed = (await (await context.get(`/api/articles/${article.id}/annotations`)).json()) as { annotations: AnnotationJson[] };
    expect(listed.annotations.map((annotation) => annotation.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  }
});

test('a change based on a stale version is refused with 409 whichever process saw the newer one', async ({ request }) => {
  const article = await createArticle(request, { title: 'Stale across processes' });
  const created = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, 'two Iraqi security officials', 'claim') });
  expect(created.status()).toBe(201);
  const annotation = ((await created.json()) as { annotation: AnnotationJson }).annotation;

  const first = await second.patch(`/api/annotations/${annotation.id}`, { data: { label: 'actor', version: annotation.version } });
  expect(first.status()).toBe(200);
  await expectError(await request.patch(`/api/annotations/${annotation.id}`, { data: { label: 'figure', version: annotation.version } }), 409, 'version_conflict');

  const stored = (await (await request.get(`/api/annotations/${annotation.id}`)).json()) as { annotation: AnnotationJson };
  expect(stored.annotation).toMatchObject({ label: 'actor', version: annotation.version + 1 });
});

test('a suggestion dismissed through one process is not offered by the other', async ({ request }) => {
  const text = 'The Hashd said six of its fighters were killed in Qaim. Rival channels said six fighters were wounded.';
  const article = await createArticle(request, { title: 'Dismissed across processes', text });
  const tag = async (quote: string) => {
    const response = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(text, quote, 'figure') });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { annotation: AnnotationJson }).annotation.id;
  };
  const killed = await tag('six of its fighters were killed');
  const wounded = await tag('six fighters were wounded');
  const offered = async (context: APIRequestContext) =>
    ((await (await context.get(`/api/suggestions?articleId=${article.id}`)).json()) as { suggestions: { annotationIds: number[] }[] }).suggestions.map(
      (suggestion) => suggestion.annotationIds,
    );
  expect(await offered(second)).toEqual([[killed, wounded]]);

  expect((await request.post('/api/suggestions/dismissals', { data: { annotationIds: [killed, wounded] } })).status()).toBe(204);
  expect(await offered(second)).toEqual([]);
  expect(await offered(request)).toEqual([]);
});
