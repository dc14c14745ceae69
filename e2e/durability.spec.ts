import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, signIn, uniqueUsername } from './support/accounts';
import { expectError, spanOf } from './support/api';
import { createArticle } from './support/articles';

/*
 * What a team relies on when things go wrong: a busy database or a race never surfaces as a
 * 500, and a write the API acknowledged is still there after the server is killed.
 */

test('six concurrent requests for one new username give one account and five 409s', async ({ request }) => {
  const username = uniqueUsername('race');
  const responses = await Promise.all(
    Array.from({ length: 6 }, () => request.post('/api/reviewers', { data: { username, displayName: 'Race', password: 'a-long-password', role: 'reviewer' } })),
  );
  const statuses = responses.map((response) => response.status()).sort();
  expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  for (const response of responses.filter((response) => response.status() === 409)) await expectError(response, 409, 'username_taken', username);
});

// SQLite's file lock and its WAL: on PostgreSQL the server keeps writers apart and makes a commit durable.
const onSqlite = !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

test('a write while another process holds the database answers 503 database_busy, and goes through once it is free', async ({ request }) => {
  test.skip(!onSqlite, 'SQLite file locking');
  const article = await createArticle(request);
  const span = spanOf(article.text, 'Kataib Hezbollah');
  const database = new Database(process.env.E2E_DATABASE_PATH!, { fileMustExist: true });
  try {
    // What `npm run import` of a large file does to a running server: it holds the write lock.
    database.exec('BEGIN IMMEDIATE');
    const refused = await request.post(`/api/articles/${article.id}/annotations`, { data: span });
    expect(refused.status()).toBe(503);
    expect(refused.headers()['retry-after']).toBe('1');
    await expectError(refused, 503, 'database_busy', 'Nothing was saved');
    database.exec('ROLLBACK');
  } finally {
    database.close();
  }
  const accepted = await request.post(`/api/articles/${article.id}/annotations`, { data: span });
  expect(accepted.status()).toBe(201);
});

function withoutDurabilitySetting(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...environment };
  delete copy.SQLITE_SYNCHRONOUS;
  return copy;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForServer(baseURL: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ready = await fetch(`${baseURL}/api/articles`).then((response) => response.status === 401, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start within a minute');
}

test('kill -9 under concurrent writes loses no acknowledged write, and the database passes integrity_check', async ({ browser }) => {
  test.skip(!onSqlite, 'SQLite WAL and integrity_check');
  test.setTimeout(150_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-fault-'));
  const databaseFile = path.join(folder, 'crosscheck.db');
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // Its own server and database: this one is killed. Own process group, so the kill reaches every process it started.
  const server = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    // SQLITE_SYNCHRONOUS left out: the default (FULL) is what is under test.
    env: { ...withoutDurabilitySetting(process.env), DATABASE_PATH: databaseFile, ADMIN_PASSWORD, BETTER_AUTH_URL: baseURL, PORT: String(port) },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(baseURL, server);
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const tokenResponse = await page.request.post('/api/tokens', { data: { name: 'fault test' } });
    expect(tokenResponse.status()).toBe(201);
    const { token } = (await tokenResponse.json()) as { token: string };
    await context.close();

    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    // The sample the server loaded on its first start, as stored (normalised).
    const { article } = (await (await fetch(`${baseURL}/api/articles/1`, { headers })).json()) as { article: { text: string } };
    const text = article.text;
    const words = [...text.matchAll(/\p{L}{4,}/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, quote: match[0] }));
    const acknowledged: number[] = [];
    let killed = false;
    // Eight clients write annotations (each word once) as fast as the server answers; each write counts once its 201 arrived.
    const writer = async (client: number) => {
      for (let index = client; !killed && index < words.length; index += 8) {
        const word = words[index]!;
        const response = await fetch(`${baseURL}/api/articles/1/annotations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ label: 'claim', ...word }),
        }).catch(() => null);
        // Acknowledged only once the whole answer arrived: a body cut off by the kill was never seen by the client.
        const body = response?.status === 201 ? ((await response.json().catch(() => null)) as { annotation: { id: number } } | null) : null;
        if (body) acknowledged.push(body.annotation.id);
      }
    };
    const writers = Array.from({ length: 8 }, (_, client) => writer(client));
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
    process.kill(-server.pid!, 'SIGKILL');
    killed = true;
    await Promise.all(writers);

    const database = new Database(databaseFile, { fileMustExist: true });
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(database.prepare('select id from annotations').pluck().all() as number[]);
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged writes were lost`).toEqual([]);
      // Each acknowledged annotation has the history row written in the same transaction.
      const created = new Set(database.prepare("select entity_id from history where entity_type = 'annotation' and action = 'create'").pluck().all() as number[]);
      expect(acknowledged.filter((id) => !created.has(id))).toEqual([]);
    } finally {
      database.close();
    }
  } finally {
    if (server.exitCode === null) {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
