import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { createArticle, type StoredArticle } from './support/articles';
import { expectRejected, spanOf, UNKNOWN_ID, type Label } from './support/api';
import { queryDatabase, snapshotDatabase } from './support/database';

/*
 * The JSON API for what annotations mean: figure and claim details, actors, categories,
 * comparisons of figures, events and suggestions. Every bad input gets a 4xx with an error
 * code and a message naming what is wrong, and leaves every table exactly as it was. The
 * happy-path tests at the end are the control: the same assertions do see writes when there are some.
 */

interface ActorRef {
  id: number;
  canonicalName: string;
}

interface FigureJson {
  min: number | null;
  max: number | null;
  qualifier: string;
  vague: boolean;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  sourceActor: ActorRef | null;
  sourceText: string | null;
}

interface AnnotationJson {
  id: number;
  articleId: number;
  label: Label;
  start: number;
  end: number;
  quote: string;
  version: number;
  actor: ActorRef | null;
  figure: FigureJson | null;
  claim: { status: string; claimant: ActorRef | null } | null;
}

interface ComparisonJson {
  id: number;
  title: string;
  status: string;
  version: number;
  eventId: number | null;
  eventName: string | null;
  memberCount: number;
  articleCount: number;
  figures: { annotationId: number; articleId: number; quote: string; figure: FigureJson }[];
  differs: Record<'value' | 'qualifier' | 'category' | 'counted' | 'place' | 'time' | 'source', boolean>;
}

interface ActorJson {
  id: number;
  canonicalName: string;
  kind: string;
  version: number;
}

interface SuggestionJson {
  key: string;
  annotationIds: number[];
  reason: string;
}


interface HistoryRow {
  action: string;
  before: string | null;
  after: string | null;
}


// Phrases of the sample article (samples/us-strikes-iraq-2023-11-22.txt).
const KILLED = 'five of its fighters were killed';
const WOUNDED = 'five fighters were wounded';
const AT_LEAST = 'At least five Shiite militiamen were killed';
const KATAIB = 'Kataib Hezbollah';
const CLAIM = 'There were casualties, they confirmed';





async function expectStatus(response: APIResponse, status: number): Promise<void> {
  expect(response.status(), await response.text()).toBe(status);
}

async function tag(request: APIRequestContext, article: StoredArticle, quote: string, label: Label, from = 0): Promise<AnnotationJson> {
  const response = await request.post(`/api/articles/${article.id}/annotations`, { data: spanOf(article.text, quote, label, from) });
  await expectStatus(response, 201);
  return ((await response.json()) as { annotation: AnnotationJson }).annotation;
}

function patchAnnotation(request: APIRequestContext, id: number, data: unknown) {
  return request.patch(`/api/annotations/${id}`, { data });
}

async function getAnnotation(request: APIRequestContext, id: number): Promise<AnnotationJson> {
  const response = await request.get(`/api/annotations/${id}`);
  await expectStatus(response, 200);
  return ((await response.json()) as { annotation: AnnotationJson }).annotation;
}

function postComparison(request: APIRequestContext, data: unknown) {
  return request.post('/api/comparisons', { data });
}

async function createComparison(request: APIRequestContext, data: { title: string; annotationIds: number[]; eventName?: string }): Promise<ComparisonJson> {
  const response = await postComparison(request, data);
  await expectStatus(response, 201);
  return ((await response.json()) as { comparison: ComparisonJson }).comparison;
}

async function createActor(request: APIRequestContext, data: { canonicalName: string; kind?: string }): Promise<ActorJson> {
  const response = await request.post('/api/actors', { data });
  await expectStatus(response, 201);
  return ((await response.json()) as { actor: ActorJson }).actor;
}

/** A figure article's two sample figures, tagged, for the comparison tests. */
async function twoFigures(request: APIRequestContext) {
  const article = await createArticle(request);
  const killed = await tag(request, article, KILLED, 'figure');
  const wounded = await tag(request, article, WOUNDED, 'figure');
  return { article, killed, wounded };
}

async function suggestionsFor(request: APIRequestContext, articleId: number): Promise<SuggestionJson[]> {
  const response = await request.get(`/api/suggestions?articleId=${articleId}`);
  await expectStatus(response, 200);
  return ((await response.json()) as { suggestions: SuggestionJson[] }).suggestions;
}

function historyOf(entityType: string, entityId: number): Promise<HistoryRow[]> {
  return queryDatabase<HistoryRow>('select action, before, after from history where entity_type = ? and entity_id = ? order by id', entityType, entityId);
}

test('the snapshot used by these tests covers every table the figures API writes to', async () => {
  const tables = Object.keys(await snapshotDatabase());
  for (const table of [
    'articles',
    'annotations',
    'history',
    'actors',
    'actor_aliases',
    'figure_details',
    'claim_details',
    'figure_categories',
    'events',
    'comparisons',
    'comparison_members',
    'dismissed_suggestions',
  ]) {
    expect(tables).toContain(table);
  }
  expect(tables.filter((table) => table.startsWith('sqlite_') || table.startsWith('__drizzle'))).toEqual([]);
});

test.describe('a bad figure or claim patch is refused, names the problem and writes nothing', () => {
  test('a non-numeric figure value is 400 invalid_request naming figure.min', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(() => patchAnnotation(request, figure.id, { figure: { min: 'five' } }), 400, 'invalid_request', 'figure.min', 'must be a number');
  });

  test('a negative figure value is 400 invalid_request naming the field', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(() => patchAnnotation(request, figure.id, { figure: { max: -1 } }), 400, 'invalid_request', 'figure.max', 'must not be negative');
    await expectRejected(() => patchAnnotation(request, figure.id, { figure: { min: -3, max: 2 } }), 400, 'invalid_request', 'figure.min', 'must not be negative');
  });

  test('a lowest value above the highest is 422 figure_range_invalid showing both numbers', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(
      () => patchAnnotation(request, figure.id, { figure: { min: 9, max: 3 } }),
      422,
      'figure_range_invalid',
      'The lowest value (9) is greater than the highest (3)',
    );
    // Checked against the stored highest value (5) when only the lowest is sent.
    await expectRejected(() => patchAnnotation(request, figure.id, { figure: { min: 7 } }), 422, 'figure_range_invalid', '(7)', '(5)');
    expect((await getAnnotation(request, figure.id)).figure).toMatchObject({ min: 5, max: 5 });
  });

  test('a category that is not in the list is 422 category_unknown naming it', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(
      () => patchAnnotation(request, figure.id, { figure: { category: '  Exploded ' } }),
      422,
      'category_unknown',
      '“exploded” is not a figure category',
    );
  });

  test('an unknown source actor is 422 actor_unknown naming the id', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    const error = await expectRejected(
      () => patchAnnotation(request, figure.id, { figure: { sourceActorId: UNKNOWN_ID, category: 'wounded' } }),
      422,
      'actor_unknown',
      `There is no actor ${UNKNOWN_ID} to use as the source`,
    );
    expect(error.details).toEqual({ actorId: UNKNOWN_ID });
  });

  test('a figure patch on a claim is 422 not_a_figure', async ({ request }) => {
    const article = await createArticle(request);
    const claim = await tag(request, article, CLAIM, 'claim');
    await expectRejected(
      () => patchAnnotation(request, claim.id, { figure: { min: 2, max: 2 } }),
      422,
      'not_a_figure',
      `Annotation ${claim.id} is not a figure`,
    );
  });

  test('a figure patch on a figure relabelled as a claim is 422 not_a_figure and leaves its old figure details alone', async ({ request }) => {
    // A relabelled figure keeps its details hidden (so relabelling back restores them); a figure
    // patch must be judged by the label, not by whether that hidden row exists.
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectStatus(await patchAnnotation(request, figure.id, { label: 'claim', version: 1 }), 200);
    await expectRejected(
      () => patchAnnotation(request, figure.id, { figure: { min: 2, max: 2 } }),
      422,
      'not_a_figure',
      `Annotation ${figure.id} is not a figure`,
    );
  });

  test('a claim patch on a figure is 422 not_a_claim', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(
      () => patchAnnotation(request, figure.id, { claim: { status: 'disputed' } }),
      422,
      'not_a_claim',
      `Annotation ${figure.id} is not a claim`,
    );
  });

  test('an unknown claim status is 400 invalid_request listing the statuses there are', async ({ request }) => {
    const article = await createArticle(request);
    const claim = await tag(request, article, CLAIM, 'claim');
    await expectRejected(
      () => patchAnnotation(request, claim.id, { claim: { status: 'debunked' } }),
      400,
      'invalid_request',
      'claim.status',
      'status must be one of unverified, supported, disputed, false, misleading',
    );
  });

  test('an unknown claimant is 422 actor_unknown naming the id', async ({ request }) => {
    const article = await createArticle(request);
    const claim = await tag(request, article, CLAIM, 'claim');
    await expectRejected(
      () => patchAnnotation(request, claim.id, { claim: { status: 'supported', claimantActorId: UNKNOWN_ID } }),
      422,
      'actor_unknown',
      `There is no actor ${UNKNOWN_ID} to use as the claimant`,
    );
    expect((await getAnnotation(request, claim.id)).claim).toEqual(claim.claim);
  });

  test('linking a figure to an actor is 422 not_an_actor, even for an actor that exists', async ({ request }) => {
    const article = await createArticle(request);
    const actor = await createActor(request, { canonicalName: `Figures API observer ${article.id}` });
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(
      () => patchAnnotation(request, figure.id, { actorId: actor.id }),
      422,
      'not_an_actor',
      `Annotation ${figure.id} is not an actor mention`,
    );
  });

  test('an unknown key inside figure is 400 invalid_request naming the key', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    await expectRejected(
      () => patchAnnotation(request, figure.id, { figure: { min: 4, colour: 'red' } }),
      400,
      'invalid_request',
      'figure',
      'Unrecognized key: "colour"',
    );
  });
});

test.describe('creating a bad comparison is refused and writes nothing', () => {
  test('fewer than two figures is 422 comparison_too_small', async ({ request }) => {
    const { killed } = await twoFigures(request);
    await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [killed.id] }),
      422,
      'comparison_too_small',
      'at least two figures',
    );
    await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [], eventName: 'An event nobody created' }),
      422,
      'comparison_too_small',
      'at least two figures',
    );
  });

  test('an unknown figure id is 422 figure_unknown naming the id', async ({ request }) => {
    const { killed } = await twoFigures(request);
    const error = await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [killed.id, UNKNOWN_ID] }),
      422,
      'figure_unknown',
      `There is no figure ${UNKNOWN_ID}`,
    );
    expect(error.details).toEqual({ missing: [UNKNOWN_ID] });
  });

  test('a claim’s annotation id is 422 figure_unknown: only figures can be compared', async ({ request }) => {
    const { article, killed } = await twoFigures(request);
    const claim = await tag(request, article, CLAIM, 'claim');
    await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [killed.id, claim.id] }),
      422,
      'figure_unknown',
      `There is no figure ${claim.id}`,
      'only annotations labelled figure',
    );
  });

  test('the same figure twice is 409 figure_already_compared', async ({ request }) => {
    const { killed, wounded } = await twoFigures(request);
    await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id, killed.id], eventName: 'Never stored' }),
      409,
      'figure_already_compared',
      `Figure ${killed.id} is listed twice`,
    );
  });

  test('a blank title is 422 comparison_title_blank', async ({ request }) => {
    const { killed, wounded } = await twoFigures(request);
    await expectRejected(
      () => postComparison(request, { title: '  \n ', annotationIds: [killed.id, wounded.id] }),
      422,
      'comparison_title_blank',
      'needs a title',
    );
  });

  test('ids that are not whole positive numbers are 400 invalid_request naming each', async ({ request }) => {
    const { killed } = await twoFigures(request);
    const error = await expectRejected(
      () => postComparison(request, { title: 'Casualties', annotationIds: [killed.id, 1.5, 'abc'] }),
      400,
      'invalid_request',
      'annotationIds.1: must be a whole number',
      'annotationIds.2',
    );
    expect(error.message).not.toContain('annotationIds.0');
    await expectRejected(() => postComparison(request, { title: 'Casualties', annotationIds: [killed.id, 0] }), 400, 'invalid_request', 'annotationIds.1');
  });
});

test.describe('bad edits to a comparison are refused and write nothing', () => {
  test('adding a figure that is already in it is 409 figure_already_compared', async ({ request }) => {
    const { killed, wounded } = await twoFigures(request);
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    await expectRejected(
      () => request.post(`/api/comparisons/${comparison.id}/figures`, { data: { annotationId: wounded.id } }),
      409,
      'figure_already_compared',
      `Figure ${wounded.id} is already in this comparison`,
    );
  });

  test('adding an unknown figure is 422 figure_unknown', async ({ request }) => {
    const { article, killed, wounded } = await twoFigures(request);
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    const actor = await tag(request, article, KATAIB, 'actor');
    await expectRejected(
      () => request.post(`/api/comparisons/${comparison.id}/figures`, { data: { annotationId: UNKNOWN_ID } }),
      422,
      'figure_unknown',
      `There is no figure ${UNKNOWN_ID}`,
    );
    await expectRejected(
      () => request.post(`/api/comparisons/${comparison.id}/figures`, { data: { annotationId: actor.id } }),
      422,
      'figure_unknown',
      `There is no figure ${actor.id}`,
    );
  });

  test('adding to an unknown comparison is 404 comparison_not_found', async ({ request }) => {
    const { killed } = await twoFigures(request);
    await expectRejected(
      () => request.post(`/api/comparisons/${UNKNOWN_ID}/figures`, { data: { annotationId: killed.id } }),
      404,
      'comparison_not_found',
      `There is no comparison ${UNKNOWN_ID}`,
    );
    await expectRejected(
      () => request.post('/api/comparisons/abc/figures', { data: { annotationId: killed.id } }),
      404,
      'comparison_not_found',
      '"abc"',
    );
  });

  test('adding with a stale version is 409 version_conflict', async ({ request }) => {
    const { article, killed, wounded } = await twoFigures(request);
    const third = await tag(request, article, AT_LEAST, 'figure');
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    await expectStatus(await request.patch(`/api/comparisons/${comparison.id}`, { data: { title: 'Casualties at Jurf Al Sakhar', version: 1 } }), 200);
    const error = await expectRejected(
      () => request.post(`/api/comparisons/${comparison.id}/figures`, { data: { annotationId: third.id, version: 1 } }),
      409,
      'version_conflict',
      'now version 2',
    );
    expect(error.details).toEqual({ currentVersion: 2 });
  });

  test('removing a figure that would leave fewer than two is 422 comparison_too_small', async ({ request }) => {
    const { killed, wounded } = await twoFigures(request);
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    await expectRejected(
      () => request.delete(`/api/comparisons/${comparison.id}/figures/${killed.id}`),
      422,
      'comparison_too_small',
      'at least two figures',
    );
  });

  test('removing a figure that is not in the comparison is 404 figure_not_compared', async ({ request }) => {
    const { article, killed, wounded } = await twoFigures(request);
    const outsider = await tag(request, article, AT_LEAST, 'figure');
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    await expectRejected(
      () => request.delete(`/api/comparisons/${comparison.id}/figures/${outsider.id}`),
      404,
      'figure_not_compared',
      `Figure ${outsider.id} is not in comparison ${comparison.id}`,
    );
  });

  test('an unknown comparison status is 400 invalid_request listing the statuses', async ({ request }) => {
    const { killed, wounded } = await twoFigures(request);
    const comparison = await createComparison(request, { title: 'Casualties', annotationIds: [killed.id, wounded.id] });
    await expectRejected(
      () => request.patch(`/api/comparisons/${comparison.id}`, { data: { status: 'settled' } }),
      400,
      'invalid_request',
      'status must be one of open, explained, resolved',
    );
  });

  test('an unknown comparison is 404 comparison_not_found on get, patch and delete', async ({ request }) => {
    await createArticle(request);
    const mention = `There is no comparison ${UNKNOWN_ID}`;
    await expectRejected(() => request.get(`/api/comparisons/${UNKNOWN_ID}`), 404, 'comparison_not_found', mention);
    await expectRejected(() => request.patch(`/api/comparisons/${UNKNOWN_ID}`, { data: { status: 'resolved' } }), 404, 'comparison_not_found', mention);
    await expectRejected(() => request.delete(`/api/comparisons/${UNKNOWN_ID}`), 404, 'comparison_not_found', mention);
  });
});

test.describe('bad actor and category requests are refused and write nothing', () => {
  test('an actor name already used, in other case and spacing, is 409 actor_name_taken', async ({ request }) => {
    const article = await createArticle(request);
    const name = `Figures API Monitor ${article.id}`;
    await createActor(request, { canonicalName: name, kind: 'organisation' });
    await expectRejected(
      () => request.post('/api/actors', { data: { canonicalName: `  the FIGURES   api monitor ${article.id} ` } }),
      409,
      'actor_name_taken',
      'Another actor is already called',
    );
  });

  test('an empty actor name is 400 and a blank one 422 actor_name_blank', async ({ request }) => {
    await createArticle(request);
    await expectRejected(() => request.post('/api/actors', { data: { canonicalName: '' } }), 400, 'invalid_request', 'canonicalName');
    await expectRejected(() => request.post('/api/actors', { data: { canonicalName: '  \t ' } }), 422, 'actor_name_blank', 'needs a name');
  });

  test('patching an unknown actor is 404 actor_not_found', async ({ request }) => {
    await createArticle(request);
    await expectRejected(
      () => request.patch(`/api/actors/${UNKNOWN_ID}`, { data: { kind: 'person' } }),
      404,
      'actor_not_found',
      `There is no actor ${UNKNOWN_ID}`,
    );
  });

  test('an unknown actor kind is 400 invalid_request listing the kinds', async ({ request }) => {
    const article = await createArticle(request);
    const actor = await createActor(request, { canonicalName: `Figures API Ministry ${article.id}` });
    const kinds = 'kind must be one of person, organisation, armed_group, government_body, place, other';
    await expectRejected(() => request.patch(`/api/actors/${actor.id}`, { data: { kind: 'militia' } }), 400, 'invalid_request', kinds);
    await expectRejected(
      () => request.post('/api/actors', { data: { canonicalName: `Figures API Brigade ${article.id}`, kind: 'militia' } }),
      400,
      'invalid_request',
      kinds,
    );
  });

  test('adding a category that exists, in other case, is 409 category_exists', async ({ request }) => {
    await createArticle(request);
    await expectRejected(() => request.post('/api/categories', { data: { name: ' Killed ' } }), 409, 'category_exists', '“killed”');
  });

  test('deleting a category a figure counts is 409 category_in_use', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    expect(figure.figure?.category).toBe('killed');
    await expectRejected(() => request.delete('/api/categories/killed'), 409, 'category_in_use', '“killed”');
  });

  test('deleting an unknown category is 404 category_not_found', async ({ request }) => {
    await createArticle(request);
    await expectRejected(() => request.delete('/api/categories/exploded'), 404, 'category_not_found', '“exploded”');
  });

  test('deleting an unknown category whose name holds a percent sign is 404, not a server error', async ({ request }) => {
    // Next hands the route the decoded segment ("50% lost"); decoding it again would throw on the "%".
    await createArticle(request);
    await expectRejected(() => request.delete(`/api/categories/${encodeURIComponent('50% lost')}`), 404, 'category_not_found', '“50% lost”');
  });
});

test.describe('bad suggestion requests are refused and write nothing', () => {
  test('dismissing a single figure is 422', async ({ request }) => {
    const { killed } = await twoFigures(request);
    await expectRejected(
      () => request.post('/api/suggestions/dismissals', { data: { annotationIds: [killed.id] } }),
      422,
      'comparison_too_small',
      'at least two figures',
    );
  });

  test('dismissing with an unknown figure is 422 figure_unknown', async ({ request }) => {
    const { killed } = await twoFigures(request);
    await expectRejected(
      () => request.post('/api/suggestions/dismissals', { data: { annotationIds: [killed.id, UNKNOWN_ID] } }),
      422,
      'figure_unknown',
      `There is no figure ${UNKNOWN_ID}`,
    );
  });

  test('a non-numeric articleId filter is 400 invalid_request naming articleId', async ({ request }) => {
    await createArticle(request);
    await expectRejected(() => request.get('/api/suggestions?articleId=abc'), 400, 'invalid_request', 'articleId');
  });
});

test.describe('the happy path writes what it should (the control for the tests above)', () => {
  test('tagging “five of its fighters were killed” reads 5 killed in Jurf Al Sakhar, according to Kataib Hezbollah', async ({ request }) => {
    const article = await createArticle(request);
    const before = await snapshotDatabase();
    const figure = await tag(request, article, KILLED, 'figure');
    expect(figure.label).toBe('figure');
    expect(figure.figure).toMatchObject({ min: 5, max: 5, qualifier: 'exact', category: 'killed', place: 'Jurf Al Sakhar' });
    expect(figure.figure?.sourceActor?.canonicalName ?? figure.figure?.sourceText).toBe(KATAIB);
    expect(await snapshotDatabase()).not.toEqual(before);
    expect(await queryDatabase('select value_min, value_max, category from figure_details where annotation_id = ?', figure.id)).toEqual([
      { value_min: 5, value_max: 5, category: 'killed' },
    ]);
  });

  test('tagging two mentions of Kataib Hezbollah as actor links both to one actor', async ({ request }) => {
    const article = await createArticle(request);
    const first = await tag(request, article, KATAIB, 'actor');
    const second = await tag(request, article, KATAIB, 'actor', first.end);
    expect(second.start).toBeGreaterThan(first.start);
    expect(first.actor?.id).toEqual(expect.any(Number));
    expect(second.actor).toEqual(first.actor);
    expect(await queryDatabase('select id from actors where name_key = ?', 'kataib hezbollah')).toEqual([{ id: first.actor?.id }]);
  });

  test('a figure correction bumps the version and logs the figure details before and after', async ({ request }) => {
    const article = await createArticle(request);
    const figure = await tag(request, article, KILLED, 'figure');
    const response = await patchAnnotation(request, figure.id, { figure: { category: 'wounded', min: 4, max: 6, qualifier: 'range' }, version: 1 });
    await expectStatus(response, 200);
    const { annotation } = (await response.json()) as { annotation: AnnotationJson };
    expect(annotation).toMatchObject({ id: figure.id, version: 2, figure: { category: 'wounded', min: 4, max: 6, qualifier: 'range' } });

    const history = await historyOf('annotation', figure.id);
    expect(history.map((row) => row.action)).toEqual(['create', 'update']);
    expect(JSON.parse(history[1]?.before ?? 'null')).toMatchObject({
      version: 1,
      figure: { annotationId: figure.id, valueMin: 5, valueMax: 5, qualifier: 'exact', category: 'killed' },
    });
    expect(JSON.parse(history[1]?.after ?? 'null')).toMatchObject({
      version: 2,
      figure: { annotationId: figure.id, valueMin: 4, valueMax: 6, qualifier: 'range', category: 'wounded' },
    });
  });

  test('a comparison keeps the given order, marks what differs, takes a figure from another article and shares its event', async ({ request }) => {
    const { article, killed, wounded } = await twoFigures(request);
    const eventName = `Strikes on Jurf Al Sakhar ${article.id}`;
    const response = await postComparison(request, { title: '  Killed or wounded? ', annotationIds: [wounded.id, killed.id], eventName: `  ${eventName} ` });
    await expectStatus(response, 201);
    const { comparison } = (await response.json()) as { comparison: ComparisonJson };
    expect(response.headers()['location']).toBe(`/api/comparisons/${comparison.id}`);
    expect(comparison).toMatchObject({ title: 'Killed or wounded?', status: 'open', version: 1, eventName, memberCount: 2, articleCount: 1 });
    expect(comparison.figures.map((figure) => figure.annotationId)).toEqual([wounded.id, killed.id]);
    expect(comparison.differs).toMatchObject({ value: false, category: true });

    // A third figure from another article: the comparison now spans two articles.
    const other = await createArticle(request, { title: 'Another outlet' });
    const atLeast = await tag(request, other, AT_LEAST, 'figure');
    const added = await request.post(`/api/comparisons/${comparison.id}/figures`, { data: { annotationId: atLeast.id, version: 1 } });
    await expectStatus(added, 200);
    expect(((await added.json()) as { comparison: ComparisonJson }).comparison).toMatchObject({ version: 2, memberCount: 3, articleCount: 2 });
    const fetched = await request.get(`/api/comparisons/${comparison.id}`);
    await expectStatus(fetched, 200);
    const stored = ((await fetched.json()) as { comparison: ComparisonJson }).comparison;
    expect(stored.figures.map((figure) => [figure.annotationId, figure.articleId])).toEqual([
      [wounded.id, article.id],
      [killed.id, article.id],
      [atLeast.id, other.id],
    ]);
    const forOther = await request.get(`/api/articles/${other.id}/comparisons`);
    await expectStatus(forOther, 200);
    expect(((await forOther.json()) as { comparisons: { id: number; annotationIds: number[] }[] }).comparisons).toEqual([
      expect.objectContaining({ id: comparison.id, annotationIds: [wounded.id, killed.id, atLeast.id] }),
    ]);

    // The same event name in other case and spacing is the same event, stored once.
    const second = await createComparison(request, {
      title: 'Same strikes, second look',
      annotationIds: [killed.id, atLeast.id],
      eventName: `strikes  ON jurf al   SAKHAR ${article.id}`,
    });
    expect(second).toMatchObject({ eventId: comparison.eventId, eventName });
    const events = await request.get('/api/events');
    await expectStatus(events, 200);
    const named = ((await events.json()) as { events: { id: number; name: string }[] }).events.filter(
      (event) => event.name.toLowerCase().replace(/\s+/g, ' ') === eventName.toLowerCase(),
    );
    expect(named).toEqual([expect.objectContaining({ id: comparison.eventId, name: eventName })]);
  });

  test('killed and wounded counts of the same fighters are suggested; dismissing removes it, and again changes nothing', async ({ request }) => {
    // A place no other test uses: suggestions also group figures across articles by who is counted and where.
    const article = await createArticle(request, {
      title: 'Suggestions through the API',
      text: 'The Hashd said four of its fighters were killed in Rutba. Rival channels said four fighters were wounded.',
    });
    const killed = await tag(request, article, 'four of its fighters were killed', 'figure');
    const wounded = await tag(request, article, 'four fighters were wounded', 'figure');
    expect(killed.figure).toMatchObject({ category: 'killed', place: 'Rutba' });
    expect(wounded.figure).toMatchObject({ category: 'wounded' });

    const suggestions = await suggestionsFor(request, article.id);
    expect(suggestions).toEqual([{ key: `${killed.id}-${wounded.id}`, annotationIds: [killed.id, wounded.id], reason: expect.any(String), title: expect.any(String), figures: expect.any(Array) }]);
    expect(suggestions[0]?.reason).toContain('killed');
    expect(suggestions[0]?.reason).toContain('wounded');

    const dismissed = await request.post('/api/suggestions/dismissals', { data: { annotationIds: [wounded.id, killed.id] } });
    await expectStatus(dismissed, 204);
    expect(await queryDatabase('select key from dismissed_suggestions where key = ?', `${killed.id}-${wounded.id}`)).toHaveLength(1);
    expect(await suggestionsFor(request, article.id)).toEqual([]);

    const before = await snapshotDatabase();
    await expectStatus(await request.post('/api/suggestions/dismissals', { data: { annotationIds: [killed.id, wounded.id] } }), 204);
    expect(await snapshotDatabase()).toEqual(before);
    expect(await suggestionsFor(request, article.id)).toEqual([]);
  });
});
