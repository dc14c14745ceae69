import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { assign, contextSignedInAs, createReviewer } from './support/accounts';
import { spanOf, UNKNOWN_ID, type ErrorJson } from './support/api';
import { createArticle } from './support/articles';
import { queryDatabase, snapshotDatabase } from './support/database';

/*
 * Issue 10, point 1: a reviewer who guesses ids learns and changes nothing. For every API route
 * with an id in its path, and every id in the database of an object that reviewer may not see,
 * the answer is exactly the answer for an id that does not exist (a 404, or the 403 an admin-only
 * route gives everyone who is not an admin), and no table changes.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Kind = 'article' | 'annotation' | 'actor' | 'comparison' | 'token' | 'reviewer';

interface Probe {
  method: Method;
  /** The route folder under app/api, as the file system names it. */
  route: string;
  /** Which kind of id fills `[id]`. */
  kind: Kind;
  /** Builds the request for one id (and the other ids the request needs). */
  send: (id: number, others: Others) => { path: string; data?: unknown };
}

interface Others {
  ownerId: number;
  ownerAnnotationId: number;
  ownerFigureId: number;
  span: object;
}

const BIG_VERSION = 999;
const GUESSES_AT_ONCE = 8;

/** Every id route, each method, with bodies that are valid so the request reaches the database layer. */
const PROBES: Probe[] = [
  { method: 'GET', route: 'actors/[id]', kind: 'actor', send: (id) => ({ path: `/api/actors/${id}` }) },
  { method: 'PATCH', route: 'actors/[id]', kind: 'actor', send: (id) => ({ path: `/api/actors/${id}`, data: {} }) },
  { method: 'PATCH', route: 'actors/[id]', kind: 'actor', send: (id) => ({ path: `/api/actors/${id}`, data: { version: BIG_VERSION } }) },
  {
    method: 'PATCH',
    route: 'actors/[id]',
    kind: 'actor',
    send: (id) => ({ path: `/api/actors/${id}`, data: { canonicalName: `Guessed ${id}`, aliases: [`guessed alias ${id}`], kind: 'person' } }),
  },
  { method: 'GET', route: 'annotations/[id]', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}` }) },
  { method: 'PATCH', route: 'annotations/[id]', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}`, data: { note: 'guessed' } }) },
  { method: 'PATCH', route: 'annotations/[id]', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}`, data: { version: BIG_VERSION } }) },
  { method: 'DELETE', route: 'annotations/[id]', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}` }) },
  { method: 'DELETE', route: 'annotations/[id]', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}?version=${BIG_VERSION}` }) },
  { method: 'GET', route: 'annotations/[id]/history', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}/history` }) },
  { method: 'GET', route: 'annotations/[id]/incidents', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}/incidents` }) },
  { method: 'POST', route: 'annotations/[id]/restore', kind: 'annotation', send: (id) => ({ path: `/api/annotations/${id}/restore` }) },
  { method: 'GET', route: 'articles/[id]', kind: 'article', send: (id) => ({ path: `/api/articles/${id}` }) },
  { method: 'PATCH', route: 'articles/[id]', kind: 'article', send: (id) => ({ path: `/api/articles/${id}`, data: { title: 'Guessed' } }) },
  { method: 'DELETE', route: 'articles/[id]', kind: 'article', send: (id) => ({ path: `/api/articles/${id}` }) },
  { method: 'GET', route: 'articles/[id]/annotations', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/annotations` }) },
  { method: 'POST', route: 'articles/[id]/annotations', kind: 'article', send: (id, o) => ({ path: `/api/articles/${id}/annotations`, data: o.span }) },
  { method: 'GET', route: 'articles/[id]/assignments', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/assignments` }) },
  { method: 'POST', route: 'articles/[id]/assignments', kind: 'article', send: (id, o) => ({ path: `/api/articles/${id}/assignments`, data: { reviewerId: o.ownerId } }) },
  {
    method: 'DELETE',
    route: 'articles/[id]/assignments/[reviewerId]',
    kind: 'article',
    send: (id, o) => ({ path: `/api/articles/${id}/assignments/${o.ownerId}` }),
  },
  { method: 'GET', route: 'articles/[id]/comparisons', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/comparisons` }) },
  { method: 'GET', route: 'articles/[id]/curation', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/curation` }) },
  {
    method: 'POST',
    route: 'articles/[id]/curation/accept',
    kind: 'article',
    send: (id, o) => ({ path: `/api/articles/${id}/curation/accept`, data: { annotationIds: [o.ownerAnnotationId] } }),
  },
  { method: 'POST', route: 'articles/[id]/curation/accept-agreed', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/curation/accept-agreed` }) },
  { method: 'POST', route: 'articles/[id]/curation/reject', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/curation/reject`, data: { start: 0, end: 5 } }) },
  { method: 'DELETE', route: 'articles/[id]/curation/reject', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/curation/reject`, data: { start: 0, end: 5 } }) },
  { method: 'GET', route: 'articles/[id]/layers', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/layers` }) },
  { method: 'PUT', route: 'articles/[id]/progress', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/progress`, data: { status: 'done' } }) },
  { method: 'PUT', route: 'articles/[id]/sharing', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/sharing`, data: { sharing: 'shared' } }) },
  { method: 'GET', route: 'comparisons/[id]', kind: 'comparison', send: (id) => ({ path: `/api/comparisons/${id}` }) },
  { method: 'PATCH', route: 'comparisons/[id]', kind: 'comparison', send: (id) => ({ path: `/api/comparisons/${id}`, data: { title: 'Guessed' } }) },
  { method: 'PATCH', route: 'comparisons/[id]', kind: 'comparison', send: (id) => ({ path: `/api/comparisons/${id}`, data: { version: BIG_VERSION } }) },
  { method: 'DELETE', route: 'comparisons/[id]', kind: 'comparison', send: (id) => ({ path: `/api/comparisons/${id}` }) },
  {
    method: 'POST',
    route: 'comparisons/[id]/figures',
    kind: 'comparison',
    send: (id, o) => ({ path: `/api/comparisons/${id}/figures`, data: { annotationId: o.ownerFigureId, version: BIG_VERSION } }),
  },
  {
    method: 'POST',
    route: 'comparisons/[id]/figures',
    kind: 'comparison',
    send: (id, o) => ({ path: `/api/comparisons/${id}/figures`, data: { annotationId: o.ownerFigureId } }),
  },
  {
    method: 'DELETE',
    route: 'comparisons/[id]/figures/[annotationId]',
    kind: 'comparison',
    send: (id, o) => ({ path: `/api/comparisons/${id}/figures/${o.ownerFigureId}?version=${BIG_VERSION}` }),
  },
  {
    method: 'DELETE',
    route: 'comparisons/[id]/figures/[annotationId]',
    kind: 'comparison',
    send: (id, o) => ({ path: `/api/comparisons/${id}/figures/${o.ownerFigureId}` }),
  },
  { method: 'GET', route: 'articles/[id]/versions', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/versions` }) },
  { method: 'POST', route: 'articles/[id]/versions', kind: 'article', send: (id) => ({ path: `/api/articles/${id}/versions`, data: { text: 'A guessed new version.' } }) },
  {
    method: 'POST',
    route: 'articles/[id]/curation/comparisons',
    kind: 'article',
    send: (id) => ({ path: `/api/articles/${id}/curation/comparisons`, data: { comparisonId: 1, settlement: 'drop' } }),
  },
  { method: 'DELETE', route: 'tokens/[id]', kind: 'token', send: (id) => ({ path: `/api/tokens/${id}` }) },
  { method: 'PATCH', route: 'reviewers/[id]', kind: 'reviewer', send: (id) => ({ path: `/api/reviewers/${id}`, data: { disabled: true } }) },
];

/**
 * Routes whose path segment names nothing private: figure categories (a name), and incidents,
 * which like categories are library-wide names; what an incident holds is filtered per viewer
 * (db/incidents.test.ts: a reviewer sees none of the hidden figures and cannot add one).
 */
const NOT_ID_ROUTES = ['categories/[name]', 'events/[id]', 'events/[id]/figures'];

const API_DIR = path.join(__dirname, '..', 'app', 'api');

/** Every route folder with a dynamic segment and the methods its route.ts exports. */
function idRoutesOnDisk(): string[] {
  return (fs.readdirSync(API_DIR, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => path.basename(file) === 'route.ts' && file.includes('['))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(API_DIR, file), 'utf8');
      const route = path.dirname(file).split(path.sep).join('/');
      return [...source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => `${match[1]} ${route}`);
    })
    .filter((entry) => !NOT_ID_ROUTES.some((route) => entry.endsWith(` ${route}`)))
    .sort();
}

async function created<T>(response: APIResponse): Promise<T> {
  const raw = await response.text();
  expect(response.status(), raw).toBe(201);
  return JSON.parse(raw) as T;
}

/** What the guesser is told: the status, the code, and the message with the id blanked out. */
async function answer(response: APIResponse, id: number): Promise<{ status: number; code: string; message: string }> {
  const raw = await response.text();
  const body = (raw ? JSON.parse(raw) : {}) as Partial<ErrorJson>;
  return { status: response.status(), code: String(body.error?.code), message: String(body.error?.message).replaceAll(String(id), 'N') };
}

async function send(client: APIRequestContext, method: Method, request: { path: string; data?: unknown }): Promise<APIResponse> {
  return client.fetch(request.path, { method, data: request.data, maxRedirects: 0 });
}

test('a second reviewer guessing every id of others’ objects on every id route gets “there is none” and changes nothing', async ({ request, browser, baseURL }) => {
  test.setTimeout(300_000);
  // The table above must name every id route there is, with every method it exports.
  expect([...new Set(PROBES.map((probe) => `${probe.method} ${probe.route}`))].sort()).toEqual(idRoutesOnDisk());

  const shared = await createArticle(request, { title: 'Guessing ids: assigned to both, blind' });
  const hidden = await createArticle(request, { title: 'Guessing ids: not assigned to the guesser' });
  const owner = await createReviewer(request, 'idowner');
  const guesser = await createReviewer(request, 'idguesser');
  await assign(request, shared.id, owner.id);
  await assign(request, shared.id, guesser.id);
  await assign(request, hidden.id, owner.id);
  const o = await contextSignedInAs(browser, owner.username, owner.password, baseURL);
  const g = await contextSignedInAs(browser, guesser.username, guesser.password, baseURL);
  try {
    // The owner's work: spans on both articles (one deleted), an actor of their own, a comparison, a token.
    const tag = async (articleId: number, text: string, quote: string, label: 'claim' | 'actor' | 'figure') =>
      (await created<{ annotation: { id: number } }>(await o.context.request.post(`/api/articles/${articleId}/annotations`, { data: spanOf(text, quote, label) })))
        .annotation.id;
    const killed = await tag(shared.id, shared.text, 'five of its fighters were killed', 'figure');
    const wounded = await tag(shared.id, shared.text, 'five fighters were wounded', 'figure');
    const militiamen = await tag(hidden.id, hidden.text, 'At least five Shiite militiamen', 'figure');
    await tag(shared.id, shared.text, 'Kataib Hezbollah', 'actor');
    const gone = await tag(hidden.id, hidden.text, 'Jurf Al Sakhar', 'actor');
    expect((await o.context.request.delete(`/api/annotations/${gone}`)).status()).toBe(204);
    await created(await o.context.request.post('/api/actors', { data: { canonicalName: `Owner’s own actor ${owner.id}` } }));
    await created(await o.context.request.post('/api/comparisons', { data: { title: 'Owner’s comparison', annotationIds: [killed, wounded] } }));
    await created(await o.context.request.post('/api/comparisons', { data: { title: 'Across articles', annotationIds: [killed, militiamen] } }));
    await created(await o.context.request.post('/api/tokens', { data: { name: 'owner script' } }));
    // And the admin's: an actor nobody tagged and a token.
    await created(await request.post('/api/actors', { data: { canonicalName: `Admin’s actor ${owner.id}` } }));
    await created(await request.post('/api/tokens', { data: { name: 'admin script' } }));

    const ids = async (table: string) => (await queryDatabase<{ id: number }>(`select id from ${table} order by id`)).map((row) => row.id);
    const others = { ownerId: owner.id, ownerAnnotationId: killed, ownerFigureId: killed, span: spanOf(shared.text, 'Jurf Al Sakhar', 'actor') };
    // Everything in the database that is not the guesser's own and not the one article assigned to them.
    const targets: Record<Kind, number[]> = {
      article: (await ids('articles')).filter((id) => id !== shared.id),
      annotation: await ids('annotations'),
      actor: await ids('actors'),
      comparison: await ids('comparisons'),
      token: (await queryDatabase<{ id: number }>('select id from api_tokens where reviewer_id != ? order by id', guesser.id)).map((row) => row.id),
      reviewer: (await ids('reviewers')).filter((id) => id !== guesser.id),
    };
    for (const kind of Object.keys(targets) as Kind[]) expect(targets[kind].length, kind).toBeGreaterThan(0);
    expect(targets.annotation).toContain(gone);

    const guess = g.context.request;
    const before = await snapshotDatabase();
    let checked = 0;
    for (const probe of PROBES) {
      const unknown = await answer(await send(guess, probe.method, probe.send(UNKNOWN_ID, others)), UNKNOWN_ID);
      const label = `${probe.method} ${probe.send(UNKNOWN_ID, others).path}`;
      // An id that names nothing is a 404, or the 403 an admin-only route gives every reviewer.
      if (unknown.status === 403) expect(unknown.code, label).toBe('admin_only');
      else expect(unknown.status, `${label}: ${JSON.stringify(unknown)}`).toBe(404);
      // A few at a time: the database may hold every other spec's objects too.
      for (let from = 0; from < targets[probe.kind].length; from += GUESSES_AT_ONCE) {
        await Promise.all(
          targets[probe.kind].slice(from, from + GUESSES_AT_ONCE).map(async (id) => {
            const sent = probe.send(id, others);
            const got = await answer(await send(guess, probe.method, sent), id);
            expect(got, `${probe.method} ${sent.path} ${JSON.stringify(sent.data ?? '')}`).toEqual(unknown);
            checked += 1;
          }),
        );
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(await snapshotDatabase()).toEqual(before);

    // The control: the owner reaches the same objects.
    expect((await o.context.request.get(`/api/annotations/${killed}`)).status()).toBe(200);
    expect((await o.context.request.patch(`/api/comparisons/${targets.comparison[0]}`, { data: { version: BIG_VERSION } })).status()).toBe(409);
  } finally {
    await o.context.close();
    await g.context.close();
  }
});
