import { viewLayers, type ReviewerView } from './layer-view';
import { addTallies, emptyTally, scoreTally, tallyPair, type PairTally } from './tally';
import type { ArticleLayers, PairAgreement } from './types';

interface Ranked {
  view: ReviewerView;
  /** Place of the reviewer in library order. */
  rank: number;
}

// Names and ranks only: holding the views would keep one article's token
// ratings alive per pair for the whole library run.
interface PairEntry {
  reviewerA: string;
  reviewerB: string;
  rankA: number;
  rankB: number;
  tally: PairTally;
}

function rankOf(order: Map<string, number>, reviewer: string): number {
  let rank = order.get(reviewer);
  if (rank === undefined) {
    rank = order.size;
    order.set(reviewer, rank);
  }
  return rank;
}

/**
 * Agreement of every pair of reviewers over the articles where both left a
 * layer, micro-averaged: matches, span counts, token ratings and matched
 * figures are summed over those articles and scored once, so a long article
 * weighs more than a short one, as it holds more decisions.
 *
 * Reviewers are ordered by first appearance (article order, then layer
 * order); each pair is reported once, the earlier reviewer as A, pairs in
 * that order. A reviewer with an empty layer still counts as having read the
 * article: their silence is a judgment, and scores 0 against spans.
 */
export function libraryAgreement(articles: readonly ArticleLayers[]): PairAgreement[] {
  const order = new Map<string, number>();
  const pairs = new Map<string, PairEntry>();
  for (const article of articles) {
    const ranked = viewLayers(article).map((view): Ranked => ({ view, rank: rankOf(order, view.reviewer) }));
    ranked.forEach((first, i) => {
      for (const second of ranked.slice(i + 1)) {
        // Layer order can differ between articles; orienting by library order
        // keeps each reviewer on the same side, so countA/countB add up.
        const [a, b] = first.rank < second.rank ? [first, second] : [second, first];
        const key = `${a.rank}:${b.rank}`;
        const entry = pairs.get(key) ?? {
          reviewerA: a.view.reviewer,
          reviewerB: b.view.reviewer,
          rankA: a.rank,
          rankB: b.rank,
          tally: emptyTally(),
        };
        entry.tally = addTallies(entry.tally, tallyPair(a.view, b.view));
        pairs.set(key, entry);
      }
    });
  }
  return [...pairs.values()]
    .sort((p, q) => p.rankA - q.rankA || p.rankB - q.rankB)
    .map(({ reviewerA, reviewerB, tally }) => ({ reviewerA, reviewerB, ...scoreTally(tally) }));
}

/**
 * Agreement of every pair of reviewers on one article, reviewers in the order
 * their layers appear, A before B. It is the library computation over a
 * single article, so the two can never disagree on how a score is made.
 */
export function articleAgreement(article: ArticleLayers): PairAgreement[] {
  return libraryAgreement([article]);
}
