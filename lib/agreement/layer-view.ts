import type { Label } from '../labels';
import { tokenRatings } from './kappa';
import { perLabel } from './per-label';
import { tokenRanges } from './tokens';
import type { AgreementSpan, ArticleLayers } from './types';

/** One reviewer's layer on one article, split by label, with the token ratings kappa needs. */
export interface ReviewerView {
  reviewer: string;
  spans: Record<Label, AgreementSpan[]>;
  /** Per token of the article: inside a span of the label or not. */
  ratings: Record<Label, boolean[]>;
}

/**
 * The article's reviewers in the order their layers first appear. Layers that
 * share a reviewer name are one reviewer's work and are joined, so nobody is
 * compared with themselves. Tokenising once per article, and rating tokens
 * once per reviewer rather than once per pair, keeps a library of long
 * articles with many reviewers affordable.
 */
export function viewLayers(article: ArticleLayers): ReviewerView[] {
  const joined = new Map<string, AgreementSpan[]>();
  for (const { reviewer, spans } of article.layers) {
    const existing = joined.get(reviewer);
    if (existing) existing.push(...spans);
    else joined.set(reviewer, [...spans]);
  }
  // With fewer than two reviewers there is no pair, so the text is not tokenised at all.
  const tokens = joined.size < 2 ? [] : tokenRanges(article.text);
  return [...joined].map(([reviewer, all]) => {
    const spans = perLabel((label) => all.filter((span) => span.label === label));
    return { reviewer, spans, ratings: perLabel((label) => tokenRatings(tokens, spans[label])) };
  });
}
