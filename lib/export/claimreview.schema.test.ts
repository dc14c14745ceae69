import type { ClaimReview as SchemaOrgClaimReview, WithContext } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, CLAIM_STATUSES } from '../vocabulary';
import { exportAnnotation, exportArticle, TEST_CONTEXT } from './builders.test-helper';
import { claimReview, claimReviewFormat, type ClaimReview } from './claimreview';
import { FIXTURE_ARTICLES, FIXTURE_CONTEXT } from './fixtures.test-helper';
import { collectText, streamOf } from './streams.test-helper';

/*
 * Is what we write valid schema.org? Twice over: `npm run typecheck` compiles this file, so
 * every ClaimReview the exporter can build must be assignable to schema-dts' ClaimReview
 * (the types generated from schema.org itself); and at run time, each line of real exports
 * carries the fields Google's ClaimReview guidelines require, with the types they allow.
 */

// Type level: a change that makes the exporter's output invalid schema.org fails typecheck here.
export function asSchemaOrg(review: ClaimReview): WithContext<SchemaOrgClaimReview> {
  return review;
}

// The check bites: a claim author typed Thing (what kind "other" used to give) is not schema.org.
export const thingAuthoredClaim: WithContext<SchemaOrgClaimReview> = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  itemReviewed: {
    '@type': 'Claim',
    // @ts-expect-error schema.org allows only a Person or an Organization as a claim's author
    author: { '@type': 'Thing', name: 'Someone' },
  },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function everyReview(): Promise<ClaimReview[]> {
  const spans = CLAIM_STATUSES.flatMap((status, index) =>
    ACTOR_KINDS.map((kind, kindIndex) =>
      exportAnnotation({
        id: index * 10 + kindIndex + 1,
        label: 'claim',
        start: 0,
        end: 6,
        quote: 'A said',
        claim: { status, claimant: { name: `Actor ${kind}`, kind, aliases: [] }, ratedAt: '2024-05-02T08:00:00.000Z' },
      }),
    ),
  );
  const built = exportArticle({ id: 4, text: 'A said so.', annotations: spans });
  const fromBuilders = spans.map((span) => claimReview(built, span, TEST_CONTEXT)).filter((review) => review !== null);
  const fromFixtures = (await collectText(claimReviewFormat.write(streamOf(FIXTURE_ARTICLES), FIXTURE_CONTEXT)))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ClaimReview);
  return [...fromBuilders, ...fromFixtures];
}

// Read before the tests are collected: it.each needs the list.
const reviews = await everyReview();

describe('ClaimReview as schema.org and Google describe it', () => {
  it('has reviews to check: every rated status with every kind of claimant, and the sample', () => {
    expect(reviews.length).toBe((CLAIM_STATUSES.length - 1) * ACTOR_KINDS.length + 1);
  });

  it.each(reviews.map((review) => [review.url, review] as const))('%s has the required fields with allowed types', (_url, review) => {
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed.trim()).not.toBe('');
    expect(review.url).toMatch(/^https?:\/\//);
    expect(review.datePublished).toMatch(ISO_DATE);
    // The author of a review is the organisation that publishes it.
    expect(review.author['@type']).toBe('Organization');
    expect(review.author.name.trim()).not.toBe('');
    expect(review.author.url).toMatch(/^https?:\/\//);
    expect(review.itemReviewed['@type']).toBe('Claim');
    if (review.itemReviewed.author) expect(['Person', 'Organization']).toContain(review.itemReviewed.author['@type']);
    expect(review.itemReviewed.appearance.url).toMatch(/^https?:\/\//);
    const rating = review.reviewRating;
    expect(rating['@type']).toBe('Rating');
    expect(rating.alternateName.trim()).not.toBe('');
    expect(Number.isInteger(rating.ratingValue)).toBe(true);
    expect(rating.worstRating).toBeLessThan(rating.bestRating);
    expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
    expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
  });

  it('never names a reviewer or the gold layer as the author', () => {
    for (const review of reviews) expect(JSON.stringify(review.author)).not.toMatch(/Amira|Alice|Gold/);
  });
});
