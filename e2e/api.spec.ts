import { expect, test, type APIRequestContext } from '@playwright/test';
import { createArticle, type StoredArticle } from './support/articles';
import { expectError, expectRejected, spanOf, UNKNOWN_ID, type Label } from './support/api';
import { queryDatabase, snapshotDatabase } from './support/database';

/*
 * The JSON API at the HTTP edge: every bad input gets the right status, an error code and a
 * message that says what is wrong, and leaves the database exactly as it was. The happy-path
 * tests at the end are the control: they show the same assertions do see writes when there are some.
 */

interface AnnotationJson {
  id: number;
  articleId: number;
  label: Label;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  version: number;
}


interface HistoryRow {
  entity_type: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
}

const CONTEXT_LENGTH = 32;
// 👍🏽: thumbs up (U+1F44D) with a medium skin tone (U+1F3FD), two surrogate pairs, 4 UTF-16 units.
const THUMBS_UP = '\u{1F44D}\u{1F3FD}';




async function postAnnotation(request: APIRequestContext, articleId: number | string, data: unknown) {
  return request.post(`/api/articles/${articleId}/annotations`, { data });
}

async function addAnnotation(request: APIRequestContext, articleId: number, data: unknown): Promise<AnnotationJson> {
  const response = await postAnnotation(request, articleId, data);
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { annotation: AnnotationJson }).annotation;
}

function historyOf(entityType: 'article' | 'annotation', entityId: number): Promise<HistoryRow[]> {
  return queryDatabase<HistoryRow>(
    'select entity_type, entity_id, action, before, after from history where entity_type = ? and entity_id = ? order by id',
    entityType,
    entityId,
  );
}

function annotationRows(articleId: number) {
  return queryDatabase<{ id: number; deleted_at: string | null }>('select id, deleted_at from annotations where article_id = ?', articleId);
}

test.describe('creating an annotation with a bad span is refused and writes nothing', () => {
  test('an end past the end of the text is 422 span_out_of_range and names the end and the text length', async ({ request }) => {
    const article = await createArticle(request);
    const length = article.text.length;
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: length - 5, end: length + 10, quote: article.text.slice(length - 5) }),
      422,
      'span_out_of_range',
      `End ${length + 10}`,
      `${length} characters`,
    );
  });

  test('a start equal to or after the end is 422 span_empty and shows both offsets', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: 40, end: 40, quote: 'x' }),
      422,
      'span_empty',
      'start 40 is not before end 40',
    );
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: 60, end: 50, quote: article.text.slice(50, 60) }),
      422,
      'span_empty',
      'start 60 is not before end 50',
    );
  });

  test('a negative start is 400 invalid_request naming start', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: -3, end: 10, quote: article.text.slice(0, 10) }),
      400,
      'invalid_request',
      'start: must not be negative',
    );
  });

  test('fractional offsets are 400 invalid_request naming start and end', async ({ request }) => {
    const article = await createArticle(request);
    const error = await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: 1.5, end: 10.25, quote: article.text.slice(1, 10) }),
      400,
      'invalid_request',
      'start: must be a whole number',
      'end: must be a whole number',
    );
    expect(error.details).toEqual({ issues: ['start: must be a whole number', 'end: must be a whole number'] });
  });

  test('a quote that differs from the text at the offsets is 422 quote_mismatch and shows what the text says', async ({ request }) => {
    const article = await createArticle(request);
    const span = spanOf(article.text, 'Kataib Hezbollah', 'actor');
    await expectRejected(
      () => postAnnotation(request, article.id, { ...span, quote: 'Islamic Resistance' }),
      422,
      'quote_mismatch',
      `at ${span.start}–${span.end}`,
      'which says “Kataib Hezbollah”',
    );
  });

  test('a span of only whitespace is 422 span_blank', async ({ request }) => {
    const article = await createArticle(request);
    const gap = spanOf(article.text, '\n\n');
    await expectRejected(() => postAnnotation(request, article.id, gap), 422, 'span_blank', `${gap.start}–${gap.end} contains only whitespace`);
  });

  test('an unknown label is 400 invalid_request and lists the labels there are', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () => postAnnotation(request, article.id, { ...spanOf(article.text, 'Kataib Hezbollah'), label: 'opinion' }),
      400,
      'invalid_request',
      'label must be one of claim, actor, figure',
    );
  });

  test('a prefix that is not the text before the span is 422 context_mismatch and shows the real context', async ({ request }) => {
    const article = await createArticle(request);
    const span = spanOf(article.text, 'five of its fighters were killed', 'figure');
    const realPrefix = article.text.slice(span.start - CONTEXT_LENGTH, span.start);
    await expectRejected(
      () => postAnnotation(request, article.id, { ...span, prefix: 'Islamic Resistance in Iraq said ' }),
      422,
      'context_mismatch',
      `The text before ${span.start} is “${realPrefix}”`,
      '“Islamic Resistance in Iraq said ”',
    );
  });

  test('a suffix that is not the text after the span is 422 context_mismatch', async ({ request }) => {
    const article = await createArticle(request);
    const span = spanOf(article.text, 'five of its fighters were killed', 'figure');
    await expectRejected(
      () => postAnnotation(request, article.id, { ...span, suffix: ' in Baghdad' }),
      422,
      'context_mismatch',
      `The text after ${span.end} is “ in Jurf Al Sakhar.`,
      '“ in Baghdad”',
    );
  });

  // The quote such offsets cut is half a character itself: refused at the edge, naming it (issue 10, point 9).
  test('offsets between the two halves of a surrogate pair are refused: the quote they cut is 400 naming quote', async ({ request }) => {
    const article = await createArticle(request, { text: `Casualties ${THUMBS_UP} five fighters`, title: 'Surrogate pairs' });
    const emojiAt = article.text.indexOf(THUMBS_UP);
    expect(emojiAt).toBe(11);
    // 11–12 is the thumb's surrogate pair, 13–14 the skin tone's: 12 and 14 fall inside a character.
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'figure', start: 12, end: 20, quote: article.text.slice(12, 20) }),
      400,
      'invalid_request',
      'quote: contains a lone surrogate',
    );
    await expectRejected(
      () => postAnnotation(request, article.id, { label: 'figure', start: 0, end: 14, quote: article.text.slice(0, 14) }),
      400,
      'invalid_request',
      'quote: contains a lone surrogate',
    );
  });

  test('an unknown extra field is 400 invalid_request naming the field', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () => postAnnotation(request, article.id, { ...spanOf(article.text, 'Kataib Hezbollah', 'actor'), colour: 'red' }),
      400,
      'invalid_request',
      'Unrecognized key: "colour"',
    );
  });

  test('a body that is not JSON, or no body at all, is 400 invalid_json', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () =>
        request.post(`/api/articles/${article.id}/annotations`, {
          // A Buffer goes out byte for byte; a string with a JSON content type would be JSON-encoded.
          data: Buffer.from('label=claim&start=0&end=4'),
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'invalid_json',
      'not valid JSON',
    );
    await expectRejected(() => request.post(`/api/articles/${article.id}/annotations`), 400, 'invalid_json', 'not valid JSON');
  });

  test('missing fields are 400 invalid_request naming each missing field', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(() => postAnnotation(request, article.id, {}), 400, 'invalid_request', 'label:', 'start:', 'end:', 'quote:');
    const error = await expectRejected(
      () => postAnnotation(request, article.id, { label: 'claim', start: 0, end: 4 }),
      400,
      'invalid_request',
      'quote:',
    );
    expect(error.message).not.toContain('start:');
  });
});

test.describe('unknown and malformed ids are 404 and write nothing', () => {
  test('an unknown article id is 404 article_not_found for every article route', async ({ request }) => {
    const article = await createArticle(request);
    expect(await queryDatabase('select id from articles where id = ?', UNKNOWN_ID)).toEqual([]);
    const mention = `There is no article ${UNKNOWN_ID}`;
    await expectRejected(() => request.get(`/api/articles/${UNKNOWN_ID}`), 404, 'article_not_found', mention);
    await expectRejected(() => request.get(`/api/articles/${UNKNOWN_ID}/annotations`), 404, 'article_not_found', mention);
    await expectRejected(
      () => postAnnotation(request, UNKNOWN_ID, spanOf(article.text, 'Kataib Hezbollah', 'actor')),
      404,
      'article_not_found',
      mention,
    );
    await expectRejected(() => request.patch(`/api/articles/${UNKNOWN_ID}`, { data: { title: 'New title' } }), 404, 'article_not_found', mention);
    await expectRejected(() => request.delete(`/api/articles/${UNKNOWN_ID}`), 404, 'article_not_found', mention);
  });

  test('a non-numeric id such as abc is 404 on article and annotation routes', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(() => request.get('/api/articles/abc'), 404, 'article_not_found', '"abc"');
    await expectRejected(() => request.get('/api/articles/abc/annotations'), 404, 'article_not_found', '"abc"');
    await expectRejected(
      () => postAnnotation(request, 'abc', spanOf(article.text, 'Kataib Hezbollah', 'actor')),
      404,
      'article_not_found',
      '"abc"',
    );
    await expectRejected(() => request.get('/api/annotations/abc'), 404, 'annotation_not_found', '"abc"');
    await expectRejected(() => request.get(`/api/articles/${article.id}.5`), 404, 'article_not_found', `"${article.id}.5"`);
  });

  test('an unknown annotation id is 404 annotation_not_found for get, patch, delete, restore and history', async ({ request }) => {
    await createArticle(request);
    expect(await queryDatabase('select id from annotations where id = ?', UNKNOWN_ID)).toEqual([]);
    const mention = `There is no annotation ${UNKNOWN_ID}`;
    const url = `/api/annotations/${UNKNOWN_ID}`;
    await expectRejected(() => request.get(url), 404, 'annotation_not_found', mention);
    await expectRejected(() => request.patch(url, { data: { note: 'checked' } }), 404, 'annotation_not_found', mention);
    await expectRejected(() => request.delete(url), 404, 'annotation_not_found', mention);
    await expectRejected(() => request.post(`${url}/restore`), 404, 'annotation_not_found', mention);
    await expectRejected(() => request.get(`${url}/history`), 404, 'annotation_not_found', mention);
  });
});

test.describe('edits that conflict or make no sense are refused and write nothing', () => {
  test('patching an annotation with an unknown label is 400 and keeps the old label', async ({ request }) => {
    const article = await createArticle(request);
    const annotation = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
    await expectRejected(
      () => request.patch(`/api/annotations/${annotation.id}`, { data: { label: 'opinion' } }),
      400,
      'invalid_request',
      'label must be one of claim, actor, figure',
    );
    const stored = await request.get(`/api/annotations/${annotation.id}`);
    expect(((await stored.json()) as { annotation: AnnotationJson }).annotation).toMatchObject({ label: 'actor', version: 1 });
  });

  test('a patch or delete with a stale version is 409 version_conflict and changes nothing', async ({ request }) => {
    const article = await createArticle(request);
    const annotation = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
    const url = `/api/annotations/${annotation.id}`;
    const edited = await request.patch(url, { data: { note: 'first edit', version: 1 } });
    expect(edited.status(), await edited.text()).toBe(200);

    const conflict = await expectRejected(
      () => request.patch(url, { data: { note: 'edit from a stale tab', label: 'claim', version: 1 } }),
      409,
      'version_conflict',
      'now version 2, you had 1',
    );
    expect(conflict.details).toEqual({ currentVersion: 2 });
    await expectRejected(() => request.delete(`${url}?version=1`), 409, 'version_conflict', 'now version 2, you had 1');

    const stored = ((await (await request.get(url)).json()) as { annotation: AnnotationJson }).annotation;
    expect(stored).toMatchObject({ label: 'actor', note: 'first edit', version: 2 });
  });

  test('a delete with a version that is not a number is 400 naming version', async ({ request }) => {
    const article = await createArticle(request);
    const annotation = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
    await expectRejected(() => request.delete(`/api/annotations/${annotation.id}?version=latest`), 400, 'invalid_request', 'version');
  });

  test('tagging the same span with the same label twice is 409 annotation_duplicate and stores one row', async ({ request }) => {
    const article = await createArticle(request);
    const span = spanOf(article.text, 'five of its fighters were killed', 'figure');
    const first = await addAnnotation(request, article.id, span);
    const error = await expectRejected(
      () => postAnnotation(request, article.id, span),
      409,
      'annotation_duplicate',
      '“five of its fighters were killed” is already tagged figure',
      `annotation ${first.id}`,
    );
    expect(error.details).toEqual({ existingId: first.id });
    expect(await annotationRows(article.id)).toEqual([{ id: first.id, deleted_at: null }]);
  });

  test('restoring an annotation that is not deleted is 409 annotation_not_deleted', async ({ request }) => {
    const article = await createArticle(request);
    const annotation = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
    await expectRejected(
      () => request.post(`/api/annotations/${annotation.id}/restore`),
      409,
      'annotation_not_deleted',
      `Annotation ${annotation.id} is not deleted`,
    );
  });
});

test.describe('bad article input is refused and writes nothing', () => {
  test('empty or whitespace-only text is 422 article_empty', async ({ request }) => {
    for (const text of ['', '  \n\t \r\n  ', 'date 2023-11-22\n\n']) {
      await expectRejected(() => request.post('/api/articles', { data: { text } }), 422, 'article_empty', 'no text');
    }
  });

  test('a url that is not an http(s) address is 400 naming url', async ({ request }) => {
    for (const url of ['ftp://x', 'not a url']) {
      await expectRejected(
        () => request.post('/api/articles', { data: { text: 'Five fighters were killed.', url } }),
        400,
        'invalid_request',
        'url: use a full http:// or https:// address',
      );
    }
  });

  test('an impossible publication date is 400 naming publishedOn', async ({ request }) => {
    await expectRejected(
      () => request.post('/api/articles', { data: { text: 'Five fighters were killed.', publishedOn: '2023-02-30' } }),
      400,
      'invalid_request',
      'publishedOn: not a real calendar date',
    );
    const article = await createArticle(request);
    await expectRejected(
      () => request.patch(`/api/articles/${article.id}`, { data: { publishedOn: '2023-02-30' } }),
      400,
      'invalid_request',
      'publishedOn',
    );
  });

  test('patching an article with a blank title is 422 title_blank', async ({ request }) => {
    const article = await createArticle(request, { title: 'Strikes in Iraq' });
    await expectRejected(
      () => request.patch(`/api/articles/${article.id}`, { data: { title: '   ' } }),
      422,
      'title_blank',
      'title cannot be blank',
    );
  });

  test('the article text cannot be changed through PATCH', async ({ request }) => {
    const article = await createArticle(request);
    await expectRejected(
      () => request.patch(`/api/articles/${article.id}`, { data: { text: 'Something else entirely.' } }),
      400,
      'invalid_request',
      'Unrecognized key: "text"',
    );
  });
});

test.describe('the happy path writes what it should (the control for the tests above)', () => {
  test('a valid annotation is stored with the server’s own quote and context, listed, and logged', async ({ request }) => {
    const article = await createArticle(request);
    const span = spanOf(article.text, 'two Iraqi security officials', 'actor');
    const fullPrefix = article.text.slice(span.start - CONTEXT_LENGTH, span.start);
    const fullSuffix = article.text.slice(span.end, span.end + CONTEXT_LENGTH);
    const before = await snapshotDatabase();

    // The client keeps less context than the server: shorter is fine, and the server stores its own.
    const response = await postAnnotation(request, article.id, { ...span, prefix: fullPrefix.slice(-6), suffix: fullSuffix.slice(0, 5), note: '  named?  ' });
    expect(response.status(), await response.text()).toBe(201);
    const { annotation } = (await response.json()) as { annotation: AnnotationJson };
    expect(response.headers()['location']).toBe(`/api/annotations/${annotation.id}`);
    expect(annotation).toMatchObject({
      articleId: article.id,
      label: 'actor',
      start: span.start,
      end: span.end,
      quote: 'two Iraqi security officials',
      prefix: fullPrefix,
      suffix: fullSuffix,
      note: 'named?',
      version: 1,
    });
    expect(annotation.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(await snapshotDatabase()).not.toEqual(before);

    const stored = await queryDatabase<{ quote: string; prefix: string; suffix: string; start_offset: number; end_offset: number }>(
      'select quote, prefix, suffix, start_offset, end_offset from annotations where id = ?',
      annotation.id,
    );
    expect(stored).toEqual([{ quote: span.quote, prefix: fullPrefix, suffix: fullSuffix, start_offset: span.start, end_offset: span.end }]);

    const list = await request.get(`/api/articles/${article.id}/annotations`);
    expect(list.status()).toBe(200);
    expect(((await list.json()) as { annotations: AnnotationJson[] }).annotations.map((a) => a.id)).toEqual([annotation.id]);

    const history = await historyOf('annotation', annotation.id);
    expect(history.map((row) => row.action)).toEqual(['create']);
    expect(history[0]?.before).toBeNull();
    expect(JSON.parse(history[0]?.after ?? 'null')).toMatchObject({ id: annotation.id, quote: span.quote, prefix: fullPrefix, version: 1 });
  });

  test('a note edit bumps the version and logs before and after; delete then restore brings back the same annotation', async ({ request }) => {
    const article = await createArticle(request);
    const created = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));
    const url = `/api/annotations/${created.id}`;

    const patched = await request.patch(url, { data: { note: 'Iran-backed, per the US', version: 1 } });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(((await patched.json()) as { annotation: AnnotationJson }).annotation).toMatchObject({ id: created.id, note: 'Iran-backed, per the US', version: 2 });
    const update = (await historyOf('annotation', created.id)).at(-1);
    expect(update?.action).toBe('update');
    expect(JSON.parse(update?.before ?? 'null')).toMatchObject({ note: '', version: 1 });
    expect(JSON.parse(update?.after ?? 'null')).toMatchObject({ note: 'Iran-backed, per the US', version: 2 });

    const deleted = await request.delete(`${url}?version=2`);
    expect(deleted.status(), await deleted.text()).toBe(204);
    await expectError(await request.get(url), 404, 'annotation_not_found');
    expect(((await (await request.get(`/api/articles/${article.id}/annotations`)).json()) as { annotations: unknown[] }).annotations).toEqual([]);
    expect(await annotationRows(article.id)).toEqual([{ id: created.id, deleted_at: expect.any(String) }]);

    const restored = await request.post(`${url}/restore`);
    expect(restored.status(), await restored.text()).toBe(200);
    expect(((await restored.json()) as { annotation: AnnotationJson }).annotation).toMatchObject({
      id: created.id,
      note: 'Iran-backed, per the US',
      version: 4,
    });
    expect(await annotationRows(article.id)).toEqual([{ id: created.id, deleted_at: null }]);

    const history = await historyOf('annotation', created.id);
    expect(history.map((row) => row.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(history[2]).toMatchObject({ before: expect.any(String), after: null });
    expect(history[3]).toMatchObject({ before: null, after: expect.any(String) });

    const apiHistory = await request.get(`${url}/history`);
    expect(apiHistory.status()).toBe(200);
    expect(((await apiHistory.json()) as { history: { action: string }[] }).history.map((entry) => entry.action)).toEqual([
      'create',
      'update',
      'delete',
      'restore',
    ]);
  });

  test('a deleted article is 404 afterwards but its row stays, marked deleted', async ({ request }) => {
    const article = await createArticle(request, { title: 'To be deleted' });
    const annotation = await addAnnotation(request, article.id, spanOf(article.text, 'Kataib Hezbollah', 'actor'));

    const deleted = await request.delete(`/api/articles/${article.id}`);
    expect(deleted.status(), await deleted.text()).toBe(204);
    await expectError(await request.get(`/api/articles/${article.id}`), 404, 'article_not_found', `There is no article ${article.id}`);
    await expectError(await request.get(`/api/articles/${article.id}/annotations`), 404, 'article_not_found');
    await expectRejected(
      () => postAnnotation(request, article.id, spanOf(article.text, 'five of its fighters were killed', 'figure')),
      404,
      'article_not_found',
    );

    // Its annotations go out of reach with it: nothing can be read or changed through them.
    await expectRejected(() => request.get(`/api/annotations/${annotation.id}`), 404, 'annotation_not_found');
    await expectRejected(() => request.patch(`/api/annotations/${annotation.id}`, { data: { note: 'late' } }), 404, 'annotation_not_found');
    await expectRejected(() => request.delete(`/api/annotations/${annotation.id}`), 404, 'annotation_not_found');
    await expectRejected(() => request.post(`/api/annotations/${annotation.id}/restore`), 404, 'annotation_not_found');
    expect(await annotationRows(article.id)).toEqual([{ id: annotation.id, deleted_at: null }]);

    const rows = await queryDatabase<{ id: number; title: string; deleted_at: string | null }>('select id, title, deleted_at from articles where id = ?', article.id);
    expect(rows).toEqual([{ id: article.id, title: 'To be deleted', deleted_at: expect.any(String) }]);
    expect((await historyOf('article', article.id)).map((row) => row.action)).toEqual(['create', 'delete']);
    const list = (await (await request.get('/api/articles')).json()) as { articles: { id: number }[] };
    expect(list.articles.map((a) => a.id)).not.toContain(article.id);
  });
});

test.describe('offsets count UTF-16 code units, as the browser does', () => {
  async function emojiArticle(request: APIRequestContext): Promise<StoredArticle> {
    return createArticle(request, { text: `${THUMBS_UP} Five fighters were slain in the strikes on Jurf Al Sakhar`, title: 'Emoji offsets' });
  }

  test('after a 4-unit emoji and a space, “Five” starts at 5 and the server accepts it', async ({ request }) => {
    const article = await emojiArticle(request);
    expect(THUMBS_UP).toHaveLength(4);
    const annotation = await addAnnotation(request, article.id, { label: 'figure', start: 5, end: 9, quote: 'Five', prefix: `${THUMBS_UP} ` });
    expect(annotation).toMatchObject({ start: 5, end: 9, quote: 'Five', prefix: `${THUMBS_UP} `, suffix: article.text.slice(9, 9 + CONTEXT_LENGTH) });
  });

  test('context that would start inside an emoji is shortened to whole characters', async ({ request }) => {
    const article = await emojiArticle(request);
    const span = spanOf(article.text, 'the strikes');
    // 32 units back from the start lands between the halves of the thumb, so the prefix drops that half.
    expect(span.start - CONTEXT_LENGTH).toBe(1);
    const annotation = await addAnnotation(request, article.id, span);
    expect(annotation.prefix).toBe(article.text.slice(2, span.start));
    expect(annotation.prefix.startsWith('\u{1F3FD}')).toBe(true);
  });
});

test.describe('writes from other sites are refused', () => {
  test('a cross-site form post or fetch (foreign Origin) is 403 and writes nothing', async ({ request }) => {
    const article = await createArticle(request, { title: 'Cross-site' });
    await expectRejected(
      () =>
        request.post(`/api/articles/${article.id}/annotations`, {
          headers: { Origin: 'https://evil.example' },
          data: spanOf(article.text, 'Kataib Hezbollah', 'actor'),
        }),
      403,
      'cross_site_request',
      'another site',
    );
    await expectRejected(() => request.delete(`/api/articles/${article.id}`, { headers: { 'Sec-Fetch-Site': 'cross-site' } }), 403, 'cross_site_request');
    await expectRejected(
      () => request.post('/api/articles', { headers: { Origin: 'null' }, form: { text: 'A forged article.' } }),
      403,
      'cross_site_request',
    );
  });

  test('the same write from the app itself, or from a script without an Origin, goes through', async ({ request, baseURL }) => {
    const article = await createArticle(request, { title: 'Same site' });
    const sameOrigin = await request.post(`/api/articles/${article.id}/annotations`, {
      headers: { Origin: new URL(baseURL!).origin },
      data: spanOf(article.text, 'Kataib Hezbollah', 'actor'),
    });
    expect(sameOrigin.status(), await sameOrigin.text()).toBe(201);
  });
});
