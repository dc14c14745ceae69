import type { Label } from '../labels';

/*
 * Inputs and results of inter-annotator agreement. Offsets are UTF-16 code
 * units, the unit article text is stored and annotated in, so spans from the
 * database can be passed straight in.
 */

/** A half-open range of UTF-16 offsets, [start, end): a token or a span. */
export interface TextRange {
  start: number;
  end: number;
}

/** A figure's reading as a reviewer left it; only what agreement compares. */
export interface AgreementFigure {
  min: number | null;
  max: number | null;
  category: string;
}

export interface AgreementSpan {
  label: Label;
  /** UTF-16 offset of the first unit. */
  start: number;
  /** UTF-16 offset just past the last unit. */
  end: number;
  figure?: AgreementFigure | null;
}

/** Every span one reviewer left on one article; a layer with no spans still says "I read it and tagged nothing". */
export interface ReviewerLayer {
  reviewer: string;
  spans: AgreementSpan[];
}

export interface ArticleLayers {
  articleId: number;
  text: string;
  layers: ReviewerLayer[];
}

/**
 * Agreement on one label. A score is null when it is undefined rather than
 * poor: no spans on either side (F1), or no variation to measure (kappa).
 * The interface shows null as "—".
 */
export interface LabelScores {
  exactF1: number | null;
  overlapF1: number | null;
  kappa: number | null;
  /** Spans of this label by reviewer A (summed over articles for a library). */
  countA: number;
  countB: number;
}

/** How far two reviewers read the same figure span the same way. */
export interface FigureScores {
  /** Pairs of figure spans both reviewers tagged at exactly the same offsets. */
  matched: number;
  /** Share of matched pairs with equal min and max; null when none matched. */
  valueAgreement: number | null;
  /** Share of matched pairs with equal category; null when none matched. */
  categoryAgreement: number | null;
}

export interface PairAgreement {
  reviewerA: string;
  reviewerB: string;
  byLabel: Record<Label, LabelScores>;
  figures: FigureScores;
}
