import { expect, test } from '@playwright/test';
import { zipOfZeros } from '../lib/import/zip-bomb.test-helper';
import { contextSignedInAs, createReviewer } from './support/accounts';
import { expectError, expectRejected } from './support/api';
import { createArticle } from './support/articles';
import { queryDatabase } from './support/database';

/* Issue 10, points 2, 3, 4, 9 and 10: what an attacker or a careless client sends, refused early and plainly. */

const NO_COOKIES = { cookies: [], origins: [] };
const MB = 1024 * 1024;

test('sign-in sends the browser only to paths on this site', async ({ request, baseURL, browser }) => {
  // Signed in (the admin): the page redirects at once.
  for (const next of ['/\\evil.example/path', '//evil.example/path', '/%09/evil.example/path', '/\t/evil.example', 'https://evil.example', 'javascript:alert(1)']) {
    const response = await request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect([303, 307, 308], next).toContain(response.status());
    expect(new URL(response.headers()['location']!, baseURL).origin, next).toBe(new URL(baseURL!).origin);
  }
  const kept = await request.get(`/sign-in?next=${encodeURIComponent('/comparisons')}`, { maxRedirects: 0 });
  expect(new URL(kept.headers()['location']!, baseURL).pathname).toBe('/comparisons');

  // Through the form: a reviewer signing in from a crafted link stays here.
  const reviewer = await createReviewer(request, 'redirected');
  const context = await browser.newContext({ baseURL, storageState: NO_COOKIES });
  try {
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent('/\t/evil.example/path')}`);
    await page.getByLabel('Username').fill(reviewer.username);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  } finally {
    await context.close();
  }
});

test('a zip bomb is refused with 413 archive_too_large and the server keeps answering', async ({ request }) => {
  const bomb = zipOfZeros({ 'bomb.txt': 1024 * MB });
  expect(bomb.length).toBeLessThan(7 * MB);
  await expectRejected(
    () => request.post('/api/import', { multipart: { file: { name: 'corpus.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) } } }),
    413,
    'archive_too_large',
    'more than 64 MB',
  );
  expect((await request.get('/api/articles')).status()).toBe(200);
});

/** A body that sends `megabytes` and then never ends: only a server that stops reading at its limit can answer. */
function endlessBody(megabytes: number, chunk: Uint8Array): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= megabytes * MB) return new Promise(() => undefined);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

test('a chunked body past the limit is cut off while it is read: 413 payload_too_large before it ends', async ({ request, baseURL }) => {
  const article = await createArticle(request, { title: 'Chunked' });
  const { cookies } = await request.storageState();
  const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
  const abort = new AbortController();
  try {
    const json = new TextEncoder().encode(' '.repeat(64 * 1024));
    const patch = await fetch(`${baseURL}/api/articles/${article.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: endlessBody(12, json),
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit);
    expect(patch.status).toBe(413);
    expect(((await patch.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');

    const form = await fetch(`${baseURL}/api/import`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
      body: endlessBody(52, new Uint8Array(MB)),
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit);
    expect(form.status).toBe(413);
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  } finally {
    abort.abort();
  }
  expect(await queryDatabase<{ title: string }>('select title from articles where id = ?', article.id)).toEqual([{ title: 'Chunked' }]);
  expect((await request.get('/api/articles')).status()).toBe(200);
});

test('lone surrogates are refused with 400 naming the field; javascript: addresses likewise in an import', async ({ request }) => {
  const article = await createArticle(request, { title: 'Surrogates' });
  const send = (body: string) => request.patch(`/api/articles/${article.id}`, { headers: { 'content-type': 'application/json' }, data: body });
  await expectRejected(() => send('{"title": "Five \\ud83d fighters"}'), 400, 'invalid_request', 'title');
  await expectRejected(() => send('{"source": "\\ude00"}'), 400, 'invalid_request', 'source');
  const jsonl = `${JSON.stringify({ text: 'Five fighters were killed.', url: 'javascript:alert(document.cookie)' })}\n`;
  const refused = await expectRejected(
    () => request.post('/api/import', { multipart: { file: { name: 'library.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) } } }),
    422,
    'import_refused',
  );
  expect(JSON.stringify(refused.details)).toContain('url: use a full http:// or https:// address');
});

test('pages carry the security headers', async ({ request }) => {
  for (const path of ['/', '/sign-in', '/api/articles']) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
});

test('disabling an account or setting its password revokes its API tokens; enabling it again does not revive them', async ({
  request,
  browser,
  baseURL,
  playwright,
}) => {
  const reviewer = await createReviewer(request, 'tokened');
  const r = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
  const tokenOf = async () => ((await (await r.context.request.post('/api/tokens', { data: { name: 'script' } })).json()) as { token: string }).token;
  const withToken = (token: string) => playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const before = await tokenOf();
  const bearer = await withToken(before);
  try {
    expect((await bearer.get('/api/articles')).status()).toBe(200);
    expect((await request.patch(`/api/reviewers/${reviewer.id}`, { data: { disabled: true } })).status()).toBe(200);
    expect((await request.patch(`/api/reviewers/${reviewer.id}`, { data: { disabled: false } })).status()).toBe(200);
    await expectError(await bearer.get('/api/articles'), 401, 'not_signed_in');
    expect(await queryDatabase('select id from api_tokens where reviewer_id = ? and revoked_at is null', reviewer.id)).toEqual([]);
  } finally {
    await bearer.dispose();
    await r.context.close();
  }

  // A password reset: a token made after re-enabling stops working too.
  const again = await contextSignedInAs(browser, reviewer.username, reviewer.password, baseURL);
  const token = ((await (await again.context.request.post('/api/tokens', { data: { name: 'again' } })).json()) as { token: string }).token;
  const second = await withToken(token);
  try {
    expect((await second.get('/api/articles')).status()).toBe(200);
    expect((await request.patch(`/api/reviewers/${reviewer.id}`, { data: { password: 'a-brand-new-password' } })).status()).toBe(200);
    await expectError(await second.get('/api/articles'), 401, 'not_signed_in');
  } finally {
    await second.dispose();
    await again.context.close();
  }
});

test('a server-action post to /sign-in whose body cannot be read is a 400, not a 500', async ({ request }) => {
  const headers = { 'next-action': '0123456789abcdef0123456789abcdef01234567', origin: 'http://127.0.0.1' };
  const brokenMultipart = await request.post('/sign-in', {
    headers: { ...headers, 'content-type': 'multipart/form-data; boundary=----nothing-here' },
    data: Buffer.from('this is not a multipart body'),
  });
  expect(brokenMultipart.status(), await brokenMultipart.text()).toBe(400);
  const brokenJson = await request.post('/sign-in', { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: Buffer.from('[{"unterminated') });
  expect(brokenJson.status(), await brokenJson.text()).toBe(400);
  // The page itself still answers.
  expect((await request.get('/sign-in')).status()).toBe(200);
});
