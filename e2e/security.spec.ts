import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, assign, contextSignedInAs, createReviewer, serverLogPath, signIn } from './support/accounts';
import { expectError, expectRejected, spanOf, UNKNOWN_ID } from './support/api';
import { createArticle } from './support/articles';
import { queryDatabase, snapshotDatabase } from './support/database';

/*
 * The edges an attacker pokes at: every page and API route without a session, other
 * reviewers' ids, disabled accounts, API tokens, cross-site writes, password guessing,
 * the session cookie, and where a password could end up in plain text.
 */

const NO_COOKIES = { cookies: [], origins: [] };
const SESSION_COOKIE = 'crosscheck.session_token';
const FAILED_SIGN_IN = 'That username and password do not match an active account.';

const APP_DIR = path.join(__dirname, '..', 'app');

/** Every file under `dir` named `name`, as paths relative to `dir`. */
function filesNamed(dir: string, name: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => path.basename(file) === name)
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** A route folder as a URL: dynamic segments get a value that is well-formed for them. */
function urlPath(folder: string): string {
  const segments = folder
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment === '[name]' ? 'x' : /^\[.+\]$/.test(segment) ? '1' : segment));
  return `/${segments.join('/')}`;
}

const PAGE_PATHS = [
  '/',
  '/articles/new',
  '/articles/1',
  '/articles/1/curate',
  '/comparisons',
  '/comparisons/1',
  '/incidents',
  '/incidents/1',
  '/conflicts',
  '/search',
  '/actors',
  '/actors/1',
  '/categories',
  '/export',
  '/import',
  '/reviewers',
  '/profile',
  '/agreement',
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every API route and the methods its route.ts exports, read from the source tree. */
function apiRoutes(): { method: (typeof METHODS)[number]; path: string }[] {
  const apiDir = path.join(APP_DIR, 'api');
  return filesNamed(apiDir, 'route.ts').flatMap((file) => {
    const source = fs.readFileSync(path.join(apiDir, file), 'utf8');
    const exported = new Set(
      [...source.matchAll(/export\s+(?:const\s+(GET|POST|PUT|PATCH|DELETE)\b|(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b)/g)].map(
        (match) => match[1] ?? match[2],
      ),
    );
    const route = urlPath(`api/${path.posix.dirname(file)}`);
    return METHODS.filter((method) => exported.has(method)).map((method) => ({ method, path: route }));
  });
}

async function annotationIdOf(request: APIRequestContext, articleId: number, data: object): Promise<number> {
  const response = await request.post(`/api/articles/${articleId}/annotations`, { data });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { annotation: { id: number } }).annotation.id;
}

/** The sign-in form's own message (Next also renders an empty route announcer with role alert). */
const signInError = (page: Page) => page.locator('form.sign-in-form').getByRole('alert');

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('without a session', () => {
  test('every page redirects to the sign-in page, keeping where the visitor wanted to go', async ({ playwright, baseURL }) => {
    // The list above must name every page there is (apart from sign-in itself).
    const pages = filesNamed(APP_DIR, 'page.tsx').map((file) => urlPath(path.posix.dirname(file)));
    expect(pages.filter((page) => page !== '/sign-in').sort()).toEqual([...PAGE_PATHS].sort());

    const anonymous = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
    try {
      for (const page of PAGE_PATHS) {
        const response = await anonymous.get(page, { maxRedirects: 0 });
        expect([302, 303, 307], `${page} answers ${response.status()}`).toContain(response.status());
        const location = new URL(response.headers()['location'] ?? '', baseURL);
        expect(location.pathname, page).toBe('/sign-in');
        expect(location.searchParams.get('next'), page).toBe(page);
      }
    } finally {
      await anonymous.dispose();
    }
  });

  test('every API route answers 401 not_signed_in and writes nothing', async ({ playwright, baseURL }) => {
    const routes = apiRoutes();
    // A broken walk (wrong folder, regex that matches nothing) must not pass by testing nothing.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes).toContainEqual({ method: 'DELETE', path: '/api/articles/1/assignments/1' });
    expect(routes).toContainEqual({ method: 'DELETE', path: '/api/categories/x' });
    expect(routes).toContainEqual({ method: 'PATCH', path: '/api/reviewers/1' });

    const anonymous = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
    try {
      const before = await snapshotDatabase();
      for (const { method, path: route } of routes) {
        const response = await anonymous.fetch(route, { method, data: method === 'GET' || method === 'DELETE' ? undefined : {}, maxRedirects: 0 });
        const raw = await response.text();
        expect(response.status(), `${method} ${route}: ${raw}`).toBe(401);
        expect(JSON.parse(raw).error.code, `${method} ${route}`).toBe('not_signed_in');
      }
      // Made-up and malformed tokens are nobody too.
      for (const authorization of ['Bearer cc_madeup', 'Bearer not-a-token', 'Basic YWRtaW46YWRtaW4=']) {
        await expectError(await anonymous.get('/api/articles', { headers: { authorization } }), 401, 'not_signed_in');
      }
      expect(await snapshotDatabase()).toEqual(before);
    } finally {
      await anonymous.dispose();
    }
  });
});

test.describe('other reviewers’ work', () => {
  test('a blind reviewer guessing a colleague’s annotation ids learns and changes nothing; once done may read but not write', async ({
    request,
    browser,
    baseURL,
  }) => {
    const article = await createArticle(request, { title: 'Guessing ids' });
    const owner = await createReviewer(request, 'owner');
    const guesser = await createReviewer(request, 'guesser');
    await assign(request, article.id, owner.id);
    await assign(request, article.id, guesser.id);
    const o = await contextSignedInAs(browser, owner.username, owner.password, baseURL);
    const g = await contextSignedInAs(browser, guesser.username, guesser.password, baseURL);
    try {
      const live = await annotationIdOf(o.context.request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
      const deleted = await annotationIdOf(o.context.request, article.id, spanOf(article.text, 'five of its fighters were killed', 'figure'));
      expect((await o.context.request.delete(`/api/annotations/${deleted}`)).status()).toBe(204);
      const guess = g.context.request;
      const rows = () =>
        queryDatabase('select id, label, note, version, deleted_at, updated_at from annotations where id in (?, ?) order by id', live, deleted);
      const before = await rows();
      expect(before).toHaveLength(2);

      // Blind and not done: the colleague's ids look exactly like ids that do not exist.
      for (const id of [live, deleted, UNKNOWN_ID]) {
        const mention = `There is no annotation ${id}.`;
        await expectRejected(() => guess.get(`/api/annotations/${id}`), 404, 'annotation_not_found', mention);
        await expectRejected(() => guess.patch(`/api/annotations/${id}`, { data: { note: 'guessed' } }), 404, 'annotation_not_found', mention);
        await expectRejected(() => guess.delete(`/api/annotations/${id}`), 404, 'annotation_not_found', mention);
        await expectRejected(() => guess.get(`/api/annotations/${id}/history`), 404, 'annotation_not_found', mention);
        await expectRejected(() => guess.post(`/api/annotations/${id}/restore`), 404, 'annotation_not_found', mention);
      }
      expect(await (await guess.get(`/api/articles/${article.id}/annotations?layer=${owner.id}`)).json()).toEqual({ annotations: [] });
      await expectRejected(
        () => guess.post(`/api/articles/${article.id}/annotations`, { data: { ...spanOf(article.text, 'Jurf Al Sakhar', 'actor'), layerId: owner.id } }),
        403,
        'layer_read_only',
      );

      // Done: the colleague's layer is readable, and still not writable.
      expect((await guess.put(`/api/articles/${article.id}/progress`, { data: { status: 'done' } })).status()).toBe(200);
      const seen = await guess.get(`/api/annotations/${live}`);
      expect(seen.status()).toBe(200);
      expect((await seen.json()).annotation).toMatchObject({ id: live, quote: 'Kataib Hezbollah', label: 'actor' });
      expect((await guess.get(`/api/annotations/${live}/history`)).status()).toBe(200);
      await expectRejected(() => guess.patch(`/api/annotations/${live}`, { data: { note: 'guessed' } }), 403, 'annotation_read_only');
      await expectRejected(() => guess.patch(`/api/annotations/${live}`, { data: { label: 'claim' } }), 403, 'annotation_read_only');
      await expectRejected(() => guess.delete(`/api/annotations/${live}`), 403, 'annotation_read_only');
      await expectRejected(() => guess.post(`/api/annotations/${deleted}/restore`), 403, 'annotation_read_only');

      expect(await rows()).toEqual(before);
    } finally {
      await o.context.close();
      await g.context.close();
    }
  });

  test('a reviewer not assigned to an article cannot find it, its annotations or its page', async ({ request, browser, baseURL }) => {
    const article = await createArticle(request, { title: 'Not for outsiders' });
    const insider = await createReviewer(request, 'insider');
    const outsider = await createReviewer(request, 'outsider');
    await assign(request, article.id, insider.id);
    const i = await contextSignedInAs(browser, insider.username, insider.password, baseURL);
    const o = await contextSignedInAs(browser, outsider.username, outsider.password, baseURL);
    try {
      const annotation = await annotationIdOf(i.context.request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
      const outside = o.context.request;
      const mention = `There is no article ${article.id}.`;
      await expectRejected(() => outside.get(`/api/articles/${article.id}`), 404, 'article_not_found', mention);
      await expectRejected(() => outside.get(`/api/articles/${article.id}/annotations`), 404, 'article_not_found', mention);
      await expectRejected(() => outside.get(`/api/articles/${article.id}/annotations?layer=${insider.id}`), 404, 'article_not_found', mention);
      await expectRejected(() => outside.get(`/api/articles/${article.id}/layers`), 404, 'article_not_found', mention);
      await expectRejected(
        () => outside.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, 'Jurf Al Sakhar', 'actor') }),
        404,
        'article_not_found',
        mention,
      );
      await expectRejected(() => outside.put(`/api/articles/${article.id}/progress`, { data: { status: 'done' } }), 404, 'article_not_found', mention);
      await expectRejected(() => outside.get(`/api/annotations/${annotation}`), 404, 'annotation_not_found');
      const list = (await (await outside.get('/api/articles')).json()) as { articles: { id: number }[] };
      expect(list.articles.map((entry) => entry.id)).not.toContain(article.id);

      const response = await o.page.goto(`/articles/${article.id}`);
      expect(response?.status()).toBe(404);
      await expect(o.page.getByTestId('reader')).toHaveCount(0);
      // The control: the assigned reviewer opens the same page.
      expect((await i.page.goto(`/articles/${article.id}`))?.status()).toBe(200);
      await expect(i.page.getByTestId('reader')).toBeVisible();
    } finally {
      await i.context.close();
      await o.context.close();
    }
  });
});

test.describe('accounts, sessions and tokens', () => {
  test('disabling a reviewer ends their browser session and their API token at once, and they cannot sign in again', async ({
    page,
    request,
    browser,
    baseURL,
    playwright,
  }) => {
    const reviewer = await createReviewer(request, 'leaver');
    const r = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
    const created = await r.context.request.post('/api/tokens', { data: { name: 'scripts' } });
    expect(created.status()).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const bearer = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    try {
      // Both work before.
      expect((await r.context.request.get('/api/articles')).status()).toBe(200);
      expect((await bearer.get('/api/articles')).status()).toBe(200);
      const authUserId = (await queryDatabase<{ auth_user_id: string }>('select auth_user_id from reviewers where id = ?', reviewer.id))[0]!.auth_user_id;
      expect(await queryDatabase('select id from auth_sessions where user_id = ?', authUserId)).toHaveLength(1);

      await page.goto('/reviewers');
      const row = page.locator(`[data-testid="reviewer-row"][data-username="${reviewer.username}"]`);
      await expect(row).toContainText('Active');
      await row.getByRole('button', { name: `Disable ${reviewer.username}` }).click();
      await expect(row).toContainText('Disabled');
      await expect(row.getByRole('button', { name: `Enable ${reviewer.username}` })).toBeVisible();

      await expectError(await r.context.request.get('/api/articles'), 401, 'not_signed_in');
      await expectError(await bearer.get('/api/articles'), 401, 'not_signed_in');
      expect(await queryDatabase('select id from auth_sessions where user_id = ?', authUserId)).toEqual([]);

      await r.page.reload();
      await expect(r.page).toHaveURL(/\/sign-in\?next=/);
      await expect(r.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(r.page.getByTestId('signed-in-as')).toHaveCount(0);

      // The right password gets the same answer as a wrong one: the account's state is not revealed.
      await fillSignIn(r.page, reviewer.username, reviewer.password);
      await expect(signInError(r.page)).toHaveText(FAILED_SIGN_IN);
      await expect(r.page.getByTestId('signed-in-as')).toHaveCount(0);
    } finally {
      await bearer.dispose();
      await r.context.close();
    }
  });

  test('a personal API token made on the profile page works without cookies until it is revoked', async ({ request, browser, baseURL, playwright }) => {
    const article = await createArticle(request, { title: 'Token work' });
    const reviewer = await createReviewer(request, 'scripter');
    await assign(request, article.id, reviewer.id);
    const r = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
    try {
      await r.page.goto('/profile');
      await r.page.getByLabel('Token name').fill('nightly export');
      await r.page.getByRole('button', { name: 'Create token' }).click();
      const token = await r.page.getByTestId('new-token').inputValue();
      expect(token).toMatch(/^cc_[\w-]{40,}$/);
      const row = r.page.getByRole('row', { name: /nightly export/ });
      await expect(row).toContainText(`…${token.slice(-4)}`);
      // Only a hash is stored.
      expect(JSON.stringify(await queryDatabase('select * from api_tokens where reviewer_id = ?', reviewer.id))).not.toContain(token);

      const scripted = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const anonymous = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
      try {
        await expectError(await anonymous.get('/api/articles'), 401, 'not_signed_in');
        const listed = (await (await scripted.get('/api/articles')).json()) as { articles: { id: number }[] };
        expect(listed.articles.map((entry) => entry.id)).toContain(article.id);
        const id = await annotationIdOf(scripted, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
        expect(await queryDatabase('select reviewer_id from annotations where id = ?', id)).toEqual([{ reviewer_id: reviewer.id }]);

        await r.page.getByRole('button', { name: 'Revoke nightly export' }).click();
        await expect(r.page.getByText('Revoked “nightly export”.')).toBeVisible();
        await expect(row).toHaveCount(0);
        await expectRejected(() => scripted.get('/api/articles'), 401, 'not_signed_in');
        await expectRejected(
          () => scripted.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, 'Jurf Al Sakhar', 'actor') }),
          401,
          'not_signed_in',
        );
      } finally {
        await scripted.dispose();
        await anonymous.dispose();
      }
    } finally {
      await r.context.close();
    }
  });

  test('a write sent with the reviewer’s cookie from another site is refused and writes nothing', async ({ request, browser, baseURL }) => {
    const article = await createArticle(request, { title: 'Cross-site' });
    const reviewer = await createReviewer(request, 'victim');
    await assign(request, article.id, reviewer.id);
    const r = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
    try {
      const span = spanOf(article.text, 'Kataib Hezbollah', 'actor');
      const url = `/api/articles/${article.id}/annotations`;
      await expectRejected(
        () => r.context.request.post(url, { data: span, headers: { origin: 'https://evil.example' } }),
        403,
        'cross_site_request',
        'another site',
      );
      await expectRejected(() => r.context.request.post(url, { data: span, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'cross_site_request');
      await expectRejected(() => r.context.request.post(url, { data: span, headers: { origin: 'null' } }), 403, 'cross_site_request');
      // An Origin that is not a URL at all is foreign too (it used to be an unhandled 500).
      await expectRejected(() => r.context.request.post(url, { data: span, headers: { origin: 'evil' } }), 403, 'cross_site_request');
      // The control: the same request from the app's own origin is written.
      const own = await r.context.request.post(url, { data: span, headers: { origin: new URL(baseURL!).origin } });
      expect(own.status(), await own.text()).toBe(201);
    } finally {
      await r.context.close();
    }
  });

  test('after three wrong passwords even the right one is refused for a while', async ({ request, browser, baseURL }) => {
    const reviewer = await createReviewer(request, 'guessed');
    const context = await browser.newContext({ baseURL, storageState: NO_COOKIES });
    try {
      const page = await context.newPage();
      await page.goto('/sign-in');
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await fillSignIn(page, reviewer.username, `wrong-password-${attempt}`);
        await expect(signInError(page)).toHaveText(FAILED_SIGN_IN);
        await expect.poll(() => queryDatabase('select failures from sign_in_failures where username = ?', reviewer.username)).toEqual([{ failures: attempt }]);
      }
      await fillSignIn(page, reviewer.username, reviewer.password);
      await expect(signInError(page)).toHaveText(/^Too many failed sign-ins for this username\. Try again in [12] seconds?\.$/);
      await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
      expect(await queryDatabase('select failures from sign_in_failures where username = ?', reviewer.username)).toEqual([{ failures: 3 }]);

      // The wait is short at first: retried, the right password gets in, and the count starts again.
      await expect(async () => {
        if (!(await page.getByTestId('signed-in-as').isVisible())) {
          await page.getByLabel('Password').fill(reviewer.password, { timeout: 1_000 });
          await page.getByRole('button', { name: 'Sign in' }).click({ timeout: 1_000 });
        }
        await expect(page.getByTestId('signed-in-as')).toBeVisible({ timeout: 1_000 });
      }).toPass({ intervals: [500], timeout: 15_000 });
      expect(await queryDatabase('select failures from sign_in_failures where username = ?', reviewer.username)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the session cookie is httpOnly, SameSite=Lax, lasts a week, and is worthless after signing out', async ({ request, browser, baseURL, playwright }) => {
    const reviewer = await createReviewer(request, 'cookie');
    const context = await browser.newContext({ baseURL, storageState: NO_COOKIES });
    const replay = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
    try {
      const page = await context.newPage();
      await signIn(page, reviewer.username, reviewer.password);
      const signedInAt = Date.now() / 1000;
      const cookie = (await context.cookies()).find((entry) => entry.name === SESSION_COOKIE);
      expect(cookie).toBeDefined();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(Math.abs(cookie!.expires - (signedInAt + 7 * 24 * 60 * 60))).toBeLessThan(120);
      expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

      const replayed = () => replay.get('/api/articles', { headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}` } });
      expect((await replayed()).status()).toBe(200);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
      expect((await context.cookies()).map((entry) => entry.name)).not.toContain(SESSION_COOKIE);
      await expectError(await replayed(), 401, 'not_signed_in');
    } finally {
      await replay.dispose();
      await context.close();
    }
  });
});

test('no password is ever logged, answered, rendered or stored in plain text', async ({ page, request, browser, baseURL }) => {
  // Distinctive values: found anywhere, they can only have come from the test.
  const initial = `Initial-${randomUUID()}`;
  const wrong = `Wrong-${randomUUID()}`;
  const reset = `Reset-${randomUUID()}`;
  const secrets = { initial, wrong, reset, admin: ADMIN_PASSWORD };
  const expectNoSecret = (where: string, text: string) => {
    for (const [name, secret] of Object.entries(secrets)) expect(text.includes(secret), `the ${name} password in ${where}`).toBe(false);
  };

  const reviewer = await createReviewer(request, 'secretive', 'reviewer', initial);
  const hashOf = async () =>
    (
      await queryDatabase<{ password: string }>(
        'select a.password from auth_accounts a join reviewers r on r.auth_user_id = a.user_id where r.id = ? and a.provider_id = ?',
        reviewer.id,
        'credential',
      )
    ).map((row) => row.password);
  const [initialHash] = await hashOf();
  expect(initialHash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);

  // A wrong password, then the right one, on the sign-in page; every answer of the sign-in action is read.
  const context = await browser.newContext({ baseURL, storageState: NO_COOKIES });
  try {
    const visitor = await context.newPage();
    const answers: Promise<string>[] = [];
    visitor.on('response', (response) => {
      if (response.request().method() === 'POST') answers.push(response.text().catch(() => ''));
    });
    await visitor.goto('/sign-in');
    await fillSignIn(visitor, reviewer.username, wrong);
    await expect(signInError(visitor)).toHaveText(FAILED_SIGN_IN);
    expectNoSecret('the sign-in page after a failed attempt', await visitor.content());
    await fillSignIn(visitor, reviewer.username, initial);
    await expect(visitor.getByTestId('signed-in-as')).toBeVisible();
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expectNoSecret('the sign-in action’s answers', (await Promise.all(answers)).join('\n'));
  } finally {
    await context.close();
  }

  // An admin creates an account (with the same initial password, in case the first one got away) and resets the first one's.
  const created = await request.post('/api/reviewers', { data: { username: `secretive${Date.now() % 100_000}b`, displayName: 'Other', password: initial, role: 'reviewer' } });
  expect(created.status()).toBe(201);
  expectNoSecret('POST /api/reviewers', await created.text());
  const changed = await request.patch(`/api/reviewers/${reviewer.id}`, { data: { password: reset } });
  expect(changed.status()).toBe(200);
  expectNoSecret('PATCH /api/reviewers/:id', await changed.text());
  const [resetHash] = await hashOf();
  expect(resetHash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  expect(resetHash).not.toBe(initialHash);
  // The new password works (so it really is the one stored, hashed).
  const again = await contextSignedInAs(browser, reviewer.username, reset, baseURL);
  await again.context.close();

  const listed = await request.get('/api/reviewers');
  expect(listed.status()).toBe(200);
  expectNoSecret('GET /api/reviewers', await listed.text());
  await page.goto('/reviewers');
  await expect(page.locator(`[data-testid="reviewer-row"][data-username="${reviewer.username}"]`)).toBeVisible();
  expectNoSecret('the Reviewers page', await page.content());

  // The server's own output (see playwright.config.ts). It is the server's: Next says it is ready.
  const log = fs.readFileSync(serverLogPath(), 'utf8');
  expect(log).toContain('Ready');
  expectNoSecret('the server log', log);

  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
    // PostgreSQL's files belong to its server: every row of every table, as the server gives them.
    expectNoSecret('every stored row', JSON.stringify(await snapshotDatabase()));
  } else {
    // The database, read as bytes: the main file, and the write-ahead log the latest writes are in.
    const database = process.env.E2E_DATABASE_PATH!;
    const files = [database, `${database}-wal`].filter((file) => fs.existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expectNoSecret(path.basename(file), fs.readFileSync(file).toString('latin1'));
  }
  for (const hash of [initialHash!, resetHash!]) expectNoSecret('a stored hash', hash);
});
