import type { ActorKind, ClaimStatus } from '../vocabulary';
import type { ExportActor, ExportAnnotation, ExportArticle, ExportContext, ExportFormat } from './types';

/*
 * schema.org ClaimReview, the JSON-LD fact-checkers publish for search
 * engines: one review per claim a reviewer has rated. Written as JSON Lines,
 * one self-contained JSON-LD object a line, so the file streams like the
 * library does; a consumer that wants a single document wraps the lines in
 * an array.
 */

export type RatedStatus = Exclude<ClaimStatus, 'unverified'>;

/** The verdict as a reader sees it; ClaimReview carries it as the rating's `alternateName`. */
export const CLAIM_RATING_NAMES: Record<RatedStatus, string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
};

/*
 * Google's ClaimReview guidelines want a numeric scale beside the verdict's name. Ours runs
 * from 1 (false) to 5 (supported); 4 is left free for a "mostly true" we do not have, so
 * the distance between verdicts reads as it should. Unverified claims are not reviews yet.
 */
export const WORST_RATING = 1;
export const BEST_RATING = 5;
export const CLAIM_RATING_VALUES: Record<RatedStatus, number> = {
  false: 1,
  misleading: 2,
  disputed: 3,
  supported: 5,
};

type ClaimantType = 'Organization' | 'Person';

/*
 * schema.org allows only a Person or an Organization as a claim's author. An actor of kind
 * place ("Iraq said …") speaks through its government, and one of kind other is, in this
 * domain, an unclassified body or group ("officials", "the ministry"): both go out as an
 * Organization rather than being dropped, because who made the claim is the fact a
 * reader of the review needs most.
 */
const CLAIMANT_TYPES: Record<ActorKind, ClaimantType> = {
  person: 'Person',
  organisation: 'Organization',
  armed_group: 'Organization',
  government_body: 'Organization',
  place: 'Organization',
  other: 'Organization',
};

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  /** When the verdict was given (the claim status last set), as a date. */
  datePublished: string;
  url: string;
  /** The fact-checking organisation publishing the review, not the reviewer. */
  author: { '@type': 'Organization'; name: string; url: string };
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': ClaimantType; name: string };
    appearance: { '@type': 'NewsArticle'; headline: string; url: string; datePublished?: string };
  };
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
    ratingExplanation?: string;
  };
}

function claimant(actor: ExportActor): { '@type': ClaimantType; name: string } {
  return { '@type': CLAIMANT_TYPES[actor.kind], name: actor.name };
}

// "http://host/" and "http://host" must give the same links.
function origin(context: ExportContext): string {
  return context.baseUrl.replace(/\/+$/, '');
}

/** The review of one claim span, or null when the claim has not been rated. */
export function claimReview(
  article: ExportArticle,
  annotation: ExportAnnotation,
  context: ExportContext,
): ClaimReview | null {
  const claim = annotation.claim;
  if (annotation.label !== 'claim' || claim === null || claim.status === 'unverified') return null;
  const base = origin(context);
  const articleUrl = `${base}/articles/${article.id}`;
  const note = annotation.note.trim();
  // A history that does not say when (an old import) leaves the last edit, the latest the verdict can be from.
  const verdictAt = claim.ratedAt ?? annotation.updatedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: annotation.quote,
    // schema.org wants a date here, not an instant.
    datePublished: verdictAt.slice(0, 10),
    url: `${articleUrl}?annotation=${annotation.id}`,
    author: { '@type': 'Organization', name: context.organisation.name, url: context.organisation.url },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.claimant ? { author: claimant(claim.claimant) } : {}),
      appearance: {
        '@type': 'NewsArticle',
        headline: article.title,
        // Pasted articles have no address of their own; ours is the next best.
        url: article.url ?? articleUrl,
        ...(article.publishedOn ? { datePublished: article.publishedOn } : {}),
      },
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: CLAIM_RATING_VALUES[claim.status],
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: CLAIM_RATING_NAMES[claim.status],
      ...(note ? { ratingExplanation: note } : {}),
    },
  };
}

export const claimReviewFormat: ExportFormat = {
  name: 'claimreview',
  description: 'schema.org ClaimReview JSON-LD, one rated claim per line',
  extension: 'jsonl',
  contentType: 'application/x-ndjson',
  async *write(articles, context) {
    for await (const article of articles) {
      let chunk = '';
      for (const annotation of article.annotations) {
        const review = claimReview(article, annotation, context);
        if (review) chunk += `${JSON.stringify(review)}\n`;
      }
      if (chunk) yield chunk;
    }
  },
};
