import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { claimReviewFormat, type ClaimReview } from '../lib/export/claimreview';
import { jsonlFormat } from '../lib/export/jsonl';
import { parseCrosscheckJsonl } from '../lib/import/crosscheck-jsonl';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import { exportArticles, exportContext } from './export';
import { importParsedFile } from './import';
import { commandLineViewer } from './reviewers';

/*
 * ClaimReview's datePublished is when the verdict was given. The exporter reads it from the
 * annotation's history (db/export.ts with lib/history/verdict-time.ts), so a later edit of
 * the note, the export date, or a round trip through Crosscheck JSONL does not move it.
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-verdict-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
  delete process.env.CROSSCHECK_ORGANISATION_NAME;
  delete process.env.CROSSCHECK_ORGANISATION_URL;
});

function useDatabase(name: string) {
  process.env.DATABASE_PATH = path.join(folder, name);
}

function at(iso: string) {
  vi.setSystemTime(new Date(iso));
}

function claimReviews(): ClaimReview[] {
  const context = exportContext('http://localhost:3000/');
  return [...claimReviewFormat.write(exportArticles(commandLineViewer(), { layer: 'all' }), context)]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ClaimReview);
}

const TEXT = 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const QUOTE = 'Kataib Hezbollah said five of its fighters were killed';

describe('exporting when a verdict was given', () => {
  it('dates the review by the status change, keeps it through a JSONL round trip, and names the organisation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    useDatabase('source.db');
    const viewer = commandLineViewer();
    at('2026-11-20T08:00:00.000Z');
    const article = createArticle(viewer, { text: TEXT, title: 'Strikes' });
    const claim = createAnnotation(viewer, article.id, { label: 'claim', start: 0, end: QUOTE.length, quote: QUOTE });
    at('2026-11-21T09:00:00.000Z');
    updateAnnotation(viewer, claim.id, { claim: { status: 'disputed' } });
    at('2026-11-23T10:00:00.000Z');
    updateAnnotation(viewer, claim.id, { note: 'Other groups say wounded.' });
    at('2026-12-01T12:00:00.000Z');

    const [review] = claimReviews();
    expect(review?.datePublished).toBe('2026-11-21');
    expect(review?.author).toEqual({ '@type': 'Organization', name: 'Crosscheck', url: 'http://localhost:3000' });

    process.env.CROSSCHECK_ORGANISATION_NAME = 'Iraq Fact Desk';
    process.env.CROSSCHECK_ORGANISATION_URL = 'https://factdesk.example';
    expect(claimReviews()[0]?.author).toEqual({ '@type': 'Organization', name: 'Iraq Fact Desk', url: 'https://factdesk.example' });

    const exported = [...jsonlFormat.write(exportArticles(viewer, { layer: 'all' }), exportContext('http://localhost:3000'))].join('');
    expect(JSON.parse(exported).annotations[0].claim.ratedAt).toBe('2026-11-21T09:00:00.000Z');

    useDatabase('target.db');
    at('2026-12-02T12:00:00.000Z');
    const report = await importParsedFile(commandLineViewer(), 'library.jsonl', parseCrosscheckJsonl(exported, 'library.jsonl'));
    expect(report).toMatchObject({ imported: true, problems: [] });
    expect(claimReviews()[0]?.datePublished).toBe('2026-11-21');
  });
});
