import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimReviewFormat, type ClaimReview } from '../lib/export/claimreview';
import { jsonlFormat } from '../lib/export/jsonl';
import { collectText } from '../lib/export/streams.test-helper';
import { parseCrosscheckJsonl } from '../lib/import/crosscheck-jsonl';
import type { Viewer } from './access';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import type { Database } from './database';
import { exportArticles, exportContext } from './export';
import { importParsedFile } from './import';
import { freshDatabase } from './test-database.test-helper';

/*
 * ClaimReview's datePublished is when the verdict was given. The exporter reads it from the
 * annotation's history (db/export.ts with lib/history/verdict-time.ts), so a later edit of
 * the note, the export date, or a round trip through Crosscheck JSONL does not move it.
 */

afterEach(() => {
  vi.useRealTimers();
  delete process.env.CROSSCHECK_ORGANISATION_NAME;
  delete process.env.CROSSCHECK_ORGANISATION_URL;
});

function at(iso: string) {
  vi.setSystemTime(new Date(iso));
}

async function claimReviews(db: Database, viewer: Viewer): Promise<ClaimReview[]> {
  const context = exportContext('http://localhost:3000/');
  return (await collectText(claimReviewFormat.write(exportArticles(db, viewer, { layer: 'all' }), context)))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ClaimReview);
}

const TEXT = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const QUOTE = 'Kataib Hezbollah said five of its fighters were killed';

describe('exporting when a verdict was given', () => {
  it('dates the review by the status change, keeps it through a JSONL round trip, and names the organisation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { db, admin: viewer } = await freshDatabase('verdict-source');
    at('2026-11-20T08:00:00.000Z');
    const article = await createArticle(db, viewer, { text: TEXT, title: 'Strikes' });
    const claim = await createAnnotation(db, viewer, article.id, { label: 'claim', start: 0, end: QUOTE.length, quote: QUOTE });
    at('2026-11-21T09:00:00.000Z');
    await updateAnnotation(db, viewer, claim.id, { claim: { status: 'disputed' } });
    at('2026-11-23T10:00:00.000Z');
    await updateAnnotation(db, viewer, claim.id, { note: 'Other groups say wounded.' });
    at('2026-12-01T12:00:00.000Z');

    const [review] = await claimReviews(db, viewer);
    expect(review?.datePublished).toBe('2026-11-21');
    expect(review?.author).toEqual({ '@type': 'Organization', name: 'Crosscheck', url: 'http://localhost:3000' });

    process.env.CROSSCHECK_ORGANISATION_NAME = 'Iraq Fact Desk';
    process.env.CROSSCHECK_ORGANISATION_URL = 'https://factdesk.example';
    expect((await claimReviews(db, viewer))[0]?.author).toEqual({ '@type': 'Organization', name: 'Iraq Fact Desk', url: 'https://factdesk.example' });

    const exported = await collectText(jsonlFormat.write(exportArticles(db, viewer, { layer: 'all' }), exportContext('http://localhost:3000')));
    expect(JSON.parse(exported).annotations[0].claim.ratedAt).toBe('2026-11-21T09:00:00.000Z');

    const target = await freshDatabase('verdict-target');
    at('2026-12-02T12:00:00.000Z');
    const report = await importParsedFile(target.db, target.admin, 'library.jsonl', parseCrosscheckJsonl(exported, 'library.jsonl'));
    expect(report).toMatchObject({ imported: true, problems: [] });
    expect((await claimReviews(target.db, target.admin))[0]?.datePublished).toBe('2026-11-21');
  });
});
