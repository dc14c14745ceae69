import { describe, expect, it } from 'vitest';
import { claimReviewFormat, type ClaimReview } from './claimreview';
import type { ActorKind, ClaimStatus } from '../vocabulary';
import { collect, collectText, streamOf } from './streams.test-helper';
import type { ExportAnnotation, ExportArticle, ExportClaim, ExportContext } from './types';

const context: ExportContext = {
  baseUrl: 'https://crosscheck.example',
  exportedAt: '2024-06-01T00:00:00.000Z',
  organisation: { name: 'Iraq Fact Desk', url: 'https://factdesk.example' },
};
const alice = { username: 'alice', name: 'Alice Adams' };

type ClaimFields = Omit<ExportClaim, 'ratedAt'> & { ratedAt?: string | null };

function claimSpan(id: number, fields: ClaimFields | null, more: Partial<ExportAnnotation> = {}): ExportAnnotation {
  const claim: ExportClaim | null = fields ? { ratedAt: null, ...fields } : null;
  return {
    id,
    label: 'claim',
    start: 0,
    end: 27,
    quote: 'Police said at least 5 died',
    prefix: '',
    suffix: '',
    note: '',
    author: alice,
    version: 2,
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-03T23:59:00.000Z',
    actor: null,
    figure: null,
    claim,
    ...more,
  };
}

function article(annotations: ExportAnnotation[], fields: Partial<ExportArticle> = {}): ExportArticle {
  return {
    id: 7,
    title: 'Strike in Mosul',
    source: 'Wire',
    url: 'https://news.example/strike',
    publishedOn: '2024-04-30',
    text: 'Police said at least 5 died.',
    wordCount: 6,
    author: alice,
    createdAt: '2024-05-01T09:00:00.000Z',
    updatedAt: '2024-05-01T09:00:00.000Z',
    annotations,
    comparisons: [],
    ...fields,
  };
}

async function reviews(articles: ExportArticle[], ctx: ExportContext = context): Promise<ClaimReview[]> {
  return (await collectText(claimReviewFormat.write(streamOf(articles), ctx)))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ClaimReview);
}

const police = { name: 'Police', kind: 'government_body' as const, aliases: [] };

describe('claimReviewFormat', () => {
  it('describes a JSON Lines download', () => {
    expect(claimReviewFormat.name).toBe('claimreview');
    expect(claimReviewFormat.extension).toBe('jsonl');
    expect(claimReviewFormat.contentType).toBe('application/x-ndjson');
  });

  it('writes a ClaimReview line for a rated claim', async () => {
    const span = claimSpan(12, { status: 'false', claimant: police, ratedAt: '2024-05-02T08:30:00.000Z' }, { note: 'Hospital records show 2. ' });
    expect(await collect(claimReviewFormat.write(streamOf([article([span])]), context))).toEqual([
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'Police said at least 5 died',
        // When the status was set, not the note's later edit (updatedAt) nor the export date.
        datePublished: '2024-05-02',
        url: 'https://crosscheck.example/articles/7?annotation=12',
        author: { '@type': 'Organization', name: 'Iraq Fact Desk', url: 'https://factdesk.example' },
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Organization', name: 'Police' },
          appearance: {
            '@type': 'NewsArticle',
            headline: 'Strike in Mosul',
            url: 'https://news.example/strike',
            datePublished: '2024-04-30',
          },
        },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: 1,
          bestRating: 5,
          worstRating: 1,
          alternateName: 'False',
          ratingExplanation: 'Hospital records show 2.',
        },
      }) + '\n',
    ]);
  });

  it('skips unverified claims and spans that are not claims', async () => {
    const spans = [
      claimSpan(1, { status: 'unverified', claimant: police }),
      claimSpan(2, null, { label: 'actor', actor: police }),
      claimSpan(3, { status: 'supported', claimant: null }),
    ];
    expect((await reviews([article(spans)])).map((r) => r.url)).toEqual(['https://crosscheck.example/articles/7?annotation=3']);
  });

  it('writes nothing for an article without rated claims', async () => {
    const unrated = article([claimSpan(1, { status: 'unverified', claimant: null })]);
    expect(await collect(claimReviewFormat.write(streamOf([unrated]), context))).toEqual([]);
  });

  it.each<[ClaimStatus, string, number]>([
    ['supported', 'Supported', 5],
    ['disputed', 'Disputed', 3],
    ['false', 'False', 1],
    ['misleading', 'Misleading', 2],
  ])('rates %s as %s, %i on a scale of 1 to 5', async (status, name, value) => {
    const [review] = await reviews([article([claimSpan(1, { status, claimant: null })])]);
    expect(review?.reviewRating).toEqual({ '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1, alternateName: name });
  });

  it.each<[ActorKind, string]>([
    ['person', 'Person'],
    ['organisation', 'Organization'],
    ['armed_group', 'Organization'],
    ['government_body', 'Organization'],
    // schema.org allows only Person or Organization: a place speaks through its government, "other" is a body or group.
    ['place', 'Organization'],
    ['other', 'Organization'],
  ])('gives a %s claimant the type %s', async (kind, type) => {
    const claimant = { name: 'Someone', kind, aliases: [] };
    const [review] = await reviews([article([claimSpan(1, { status: 'disputed', claimant })])]);
    expect(review?.itemReviewed.author).toEqual({ '@type': type, name: 'Someone' });
  });

  it('leaves out the claim author, explanation and publication date it does not know', async () => {
    const span = claimSpan(4, { status: 'misleading', claimant: null }, { note: '  ' });
    const [review] = await reviews([article([span], { url: null, publishedOn: null })]);
    expect(review?.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: {
        '@type': 'NewsArticle',
        headline: 'Strike in Mosul',
        // No address of its own: the article's page in Crosscheck stands in.
        url: 'https://crosscheck.example/articles/7',
      },
    });
    expect(review?.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' });
  });

  it('dates a review by its last edit when the history does not say when the verdict was given', async () => {
    const [review] = await reviews([article([claimSpan(8, { status: 'disputed', claimant: null, ratedAt: null })])]);
    expect(review?.datePublished).toBe('2024-05-03');
  });

  it('is published by the organisation of the export context, whoever the reviewer was', async () => {
    const span = claimSpan(9, { status: 'supported', claimant: null }, { author: { username: 'gold', name: 'Gold (adjudicated)' } });
    const [review] = await reviews([article([span])]);
    expect(review?.author).toEqual({ '@type': 'Organization', name: 'Iraq Fact Desk', url: 'https://factdesk.example' });
    expect(JSON.stringify(review)).not.toContain('Gold (adjudicated)');
  });

  it('builds the same links whether or not the base URL ends in a slash', async () => {
    const span = claimSpan(5, { status: 'supported', claimant: null });
    const [review] = await reviews([article([span])], { ...context, baseUrl: 'http://localhost:3000/' });
    expect(review?.url).toBe('http://localhost:3000/articles/7?annotation=5');
  });

  it('writes one chunk per article, reading articles one at a time', async () => {
    const pulled: number[] = [];
    async function* articles(): AsyncGenerator<ExportArticle> {
      for (const id of [1, 2]) {
        pulled.push(id);
        const spans = [
          claimSpan(id * 10, { status: 'false', claimant: null }),
          claimSpan(id * 10 + 1, { status: 'disputed', claimant: null }),
        ];
        yield article(spans, { id });
      }
    }
    const chunks = claimReviewFormat.write(articles(), context)[Symbol.asyncIterator]();
    const first = (await chunks.next()).value as string;
    expect(first.split('\n')).toHaveLength(3);
    expect(first).toContain('/articles/1?annotation=11');
    expect(pulled).toEqual([1]);
  });
});
