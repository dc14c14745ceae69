import type { PairAgreement } from '@/lib/agreement/types';

/** A score to two decimals; null is undefined, not zero, and shows as "—". */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  const fixed = score.toFixed(2);
  // A tiny negative kappa rounds to "-0.00", which reads as a sign that means nothing.
  return fixed === '-0.00' ? '0.00' : fixed;
}

export function pairName(pair: Pick<PairAgreement, 'reviewerA' | 'reviewerB'>): string {
  return `${pair.reviewerA} / ${pair.reviewerB}`;
}

/** `agreement-<A>-<B>-<what>`: how tests find a cell without depending on table layout. */
export function cellTestId(pair: Pick<PairAgreement, 'reviewerA' | 'reviewerB'>, what: string): string {
  return `agreement-${pair.reviewerA}-${pair.reviewerB}-${what}`;
}
