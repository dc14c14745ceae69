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

type ClaimantType = 'Organization' | 'Person' | 'Thing';

const CLAIMANT_TYPES: Record<ActorKind, ClaimantType> = {
  person: 'Person',
  organisation: 'Organization',
  armed_group: 'Organization',
  government_body: 'Organization',
  // A place or anything else is not a schema.org author type of its own.
  place: 'Thing',
  other: 'Thing',
};

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  datePublished: string;
  url: string;
  author: { '@type': 'Person'; name: string };
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': ClaimantType; name: string };
    appearance: { '@type': 'NewsArticle'; headline: string; url: string; datePublished?: string };
  };
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingExplanation?: string };
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
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: annotation.quote,
    // The review is as of its last edit; schema.org wants a date, not an instant.
    datePublished: annotation.updatedAt.slice(0, 10),
    url: `${articleUrl}?annotation=${annotation.id}`,
    author: { '@type': 'Person', name: annotation.author.name },
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
  *write(articles, context) {
    for (const article of articles) {
      let chunk = '';
      for (const annotation of article.annotations) {
        const review = claimReview(article, annotation, context);
        if (review) chunk += `${JSON.stringify(review)}\n`;
      }
      if (chunk) yield chunk;
    }
  },
};
