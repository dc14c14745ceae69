'use client';

import Link from 'next/link';
import { memo } from 'react';
import { formatFigureValue } from '@/app/_client/figure-format';
import type { CurationAnnotation, CurationCluster, CurationReviewer } from '@/db/curation';
import { LABEL_INFO } from '@/lib/labels';

interface Props {
  articleId: number;
  cluster: CurationCluster;
  reviewers: CurationReviewer[];
  headingId: string;
  disabled: boolean;
  onAccept: (cluster: CurationCluster, annotationIds: number[], done: string) => void;
  onReject: (cluster: CurationCluster) => void;
  onReopen: (cluster: CurationCluster) => void;
}

const HEADING_LENGTH = 90;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What the label adds to the span, in the panel's own wording; empty for a bare span. */
function detailsText(annotation: CurationAnnotation): string {
  if (annotation.figure) return `${formatFigureValue(annotation.figure)} · ${annotation.figure.category}`;
  if (annotation.claim) {
    const claimant = annotation.claim.claimant ? ` · claimed by ${annotation.claim.claimant.canonicalName}` : '';
    return `${annotation.claim.status}${claimant}`;
  }
  if (annotation.actor) return annotation.actor.canonicalName;
  return '';
}

function sameSpan(a: Pick<CurationAnnotation, 'start' | 'end' | 'label'>, b: Pick<CurationAnnotation, 'start' | 'end' | 'label'>): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

function statusText(cluster: CurationCluster): string {
  if (cluster.state === 'accepted') return 'In gold';
  if (cluster.state === 'rejected') return 'Rejected';
  return cluster.agreed ? 'Agreed' : 'Disagreement';
}

/**
 * One decision: the stretch in its paragraph, every counted reviewer's spans side by side
 * (a reviewer without one is shown as such, since leaving the words untagged is a judgment
 * too), and what the curator can do with it in its current state.
 */
export const ClusterCard = memo(function ClusterCard({ articleId, cluster, reviewers, headingId, disabled, onAccept, onReject, onReopen }: Props) {
  const isOpen = cluster.state === 'open';
  // Spans gold already holds are marked rather than offered again. In an accepted cluster
  // the others stay pickable: a claim's sentence and the actor inside it are one cluster,
  // and gold may need both.
  const pickable = (candidate: CurationAnnotation) =>
    !cluster.gold.some((gold) => sameSpan(gold, candidate)) && (cluster.state === 'accepted' || (isOpen && !cluster.agreed));

  return (
    <section
      className={`cluster cluster-${cluster.state}`}
      data-testid="cluster"
      data-state={cluster.state}
      data-agreed={cluster.agreed ? 'true' : 'false'}
      data-key={cluster.key}
      aria-labelledby={headingId}
    >
      <div className="cluster-header">
        <h2 id={headingId} tabIndex={-1} className="cluster-heading">
          “{shorten(cluster.context.quote, HEADING_LENGTH)}”
        </h2>
        <span className={`status-tag cluster-status-${isOpen ? (cluster.agreed ? 'agreed' : 'disagreement') : cluster.state}`}>{statusText(cluster)}</span>
      </div>
      <p className="cluster-context">
        {cluster.context.before}
        <mark>{cluster.context.quote}</mark>
        {cluster.context.after}
      </p>

      <div className="curation-scroll">
        <table className="curation-table">
          <caption className="visually-hidden">Each reviewer&rsquo;s spans in this stretch</caption>
          <thead>
            <tr>
              {reviewers.map((reviewer) => (
                <th key={reviewer.id} scope="col">
                  {reviewer.displayName} <span className="curation-username">{reviewer.username}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {reviewers.map((reviewer) => {
                const spans = cluster.candidates.filter((candidate) => candidate.reviewerId === reviewer.id);
                return (
                  <td key={reviewer.id}>
                    {spans.length === 0 ? (
                      <span className="no-span">— (no span)</span>
                    ) : (
                      <ul className="candidate-list">
                        {spans.map((candidate) => {
                          const quoteId = `${headingId}-quote-${candidate.id}`;
                          const details = detailsText(candidate);
                          const inGold = cluster.gold.some((gold) => sameSpan(gold, candidate));
                          return (
                            <li key={candidate.id} className={`candidate label-${candidate.label}`} data-testid="candidate" data-reviewer={candidate.reviewer}>
                              <span className={`badge label-${candidate.label}`}>{LABEL_INFO[candidate.label].name}</span>
                              <q id={quoteId} className="candidate-quote">
                                {candidate.quote}
                              </q>
                              {details && <span className="candidate-details">{details}</span>}
                              {candidate.note && <span className="candidate-note">Note: {candidate.note}</span>}
                              {inGold && <span className="in-gold-tag">In gold</span>}
                              {pickable(candidate) && (
                                <button
                                  type="button"
                                  className="small"
                                  disabled={disabled}
                                  aria-label={`Pick ${candidate.reviewer}'s ${candidate.label} span`}
                                  aria-describedby={quoteId}
                                  onClick={() => onAccept(cluster, [candidate.id], `${candidate.reviewer}'s ${candidate.label} span is in gold.`)}
                                >
                                  {/* A straight apostrophe, as in the accessible name, so the visible label is part of it. */}
                                  {`Pick ${candidate.reviewer}'s`}
                                </button>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>

      <div className="cluster-actions">
        {isOpen && cluster.agreed && cluster.candidates[0] && (
          <button
            type="button"
            className="primary"
            disabled={disabled}
            aria-describedby={headingId}
            onClick={() => onAccept(cluster, [cluster.candidates[0]!.id], 'Accepted into gold.')}
          >
            Accept
          </button>
        )}
        {isOpen && !cluster.agreed && (
          <button type="button" className="danger" disabled={disabled} aria-describedby={headingId} onClick={() => onReject(cluster)}>
            Reject all
          </button>
        )}
        {cluster.state === 'accepted' && (
          <>
            <p className="gold-summary">
              In gold:{' '}
              {cluster.gold.map((gold, index) => (
                <span key={gold.id}>
                  {index > 0 && '; '}
                  <span className={`badge label-${gold.label}`}>{LABEL_INFO[gold.label].name}</span> “{shorten(gold.quote, HEADING_LENGTH)}”
                </span>
              ))}
            </p>
            <Link href={`/articles/${articleId}?layer=gold`}>Edit gold in reader</Link>
          </>
        )}
        {cluster.state === 'rejected' && (
          <>
            <p className="gold-summary">Rejected: none of these spans goes into gold.</p>
            <button type="button" disabled={disabled} aria-describedby={headingId} onClick={() => onReopen(cluster)}>
              Reopen
            </button>
          </>
        )}
      </div>
    </section>
  );
});
