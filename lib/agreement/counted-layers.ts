/*
 * Which layers count when reviewers' work is compared (agreement) or merged (curation).
 *
 * Only person layers: gold is the adjudicated result built from them, so comparing it with
 * its sources would measure the adjudication, not the reviewers (db/ selects person layers).
 * Of those, a layer counts on an article when it holds a live span, or when its reviewer
 * marked the article done: "done with no spans" says the text holds nothing to tag, which
 * must count against spans the others tagged. An assignment not yet done and still empty
 * says nothing, so it is left out.
 */

export interface CountedLayer<S, P> {
  person: P;
  /** The layer's live spans, in the order given. */
  spans: S[];
  /** The reviewer marked the article done. */
  done: boolean;
}

/**
 * The counted layers of one article, in reviewer id order (so the reviewer created first is
 * reviewer A of a pair, run after run). `personOf` names the reviewer of a span; `finished`
 * are the reviewers who marked the article done.
 */
export function countedLayers<S, P extends { reviewerId: number }>(
  spans: readonly S[],
  personOf: (span: S) => P,
  finished: readonly P[],
): CountedLayer<S, P>[] {
  const byReviewer = new Map<number, CountedLayer<S, P>>();
  for (const person of finished) {
    const layer = byReviewer.get(person.reviewerId);
    if (layer) layer.done = true;
    else byReviewer.set(person.reviewerId, { person, spans: [], done: true });
  }
  for (const span of spans) {
    const person = personOf(span);
    const layer = byReviewer.get(person.reviewerId);
    if (layer) layer.spans.push(span);
    else byReviewer.set(person.reviewerId, { person, spans: [span], done: false });
  }
  return [...byReviewer.values()].sort((a, b) => a.person.reviewerId - b.person.reviewerId);
}
