'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, useTransition } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import type { CurationCluster, CurationReviewer } from '@/db/curation';
import type { PendingComparison } from '@/db/gold-comparisons';
import { ClusterCard } from './ClusterCard';
import { ComparisonsToSettle } from './ComparisonsToSettle';

interface Props {
  article: { id: number; title: string };
  reviewers: CurationReviewer[];
  clusters: CurationCluster[];
  goldCount: number;
  /** Reviewers' comparisons partly in gold. */
  comparisons: PendingComparison[];
}

type Filter = 'all' | 'open' | 'disagreements' | 'done';

const isOpenAgreed = (cluster: CurationCluster) => cluster.state === 'open' && cluster.agreed;
const isOpenDisagreement = (cluster: CurationCluster) => cluster.state === 'open' && !cluster.agreed;

const FILTERS: { value: Filter; name: string; shows: (cluster: CurationCluster) => boolean }[] = [
  { value: 'all', name: 'All', shows: () => true },
  { value: 'open', name: 'Open', shows: (cluster) => cluster.state === 'open' },
  { value: 'disagreements', name: 'Disagreements', shows: isOpenDisagreement },
  { value: 'done', name: 'Done', shows: (cluster) => cluster.state !== 'open' },
];

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The curator's worklist for one article. Every action goes through the API and then
 * refreshes the server's view, so what is shown is always what gold holds; focus then
 * moves on to the next open cluster, so a keyboard user works down the list without
 * hunting for where they were.
 */
export function CurationBoard({ article, reviewers, clusters, goldCount, comparisons }: Props) {
  const router = useRouter();
  const idPrefix = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const [message, setMessage] = useState<Message | null>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The cluster whose heading takes focus once the refreshed view arrives; null for the page title.
  const focusAfterRefresh = useRef<string | null | undefined>(undefined);

  const headingId = useCallback((key: string) => `${idPrefix}-cluster-${key}`, [idPrefix]);
  const visible = clusters.filter(FILTERS.find((entry) => entry.value === filter)!.shows);

  useEffect(() => {
    const key = focusAfterRefresh.current;
    if (key === undefined) return;
    focusAfterRefresh.current = undefined;
    const heading = key === null ? null : document.getElementById(headingId(key));
    (heading ?? titleRef.current)?.focus();
  }, [clusters, headingId]);

  /** The open cluster after `from` in the list as filtered, wrapping round; null when none is left. */
  const nextOpenKey = useCallback(
    (from: CurationCluster | null): string | null => {
      const open = visible.filter((cluster) => cluster.state === 'open' && cluster.key !== from?.key);
      const after = from === null ? undefined : open.find((cluster) => cluster.start >= from.end);
      return (after ?? open[0])?.key ?? null;
    },
    [visible],
  );

  const send = useCallback(
    /** Runs one request; `work` answers with the sentence that tells the curator what happened. */
    async (work: () => Promise<string>, focusKey: string | null) => {
      setSending(true);
      setMessage(null);
      try {
        setMessage({ kind: 'info', text: await work() });
        focusAfterRefresh.current = focusKey;
        startRefresh(() => router.refresh());
      } catch (error) {
        setMessage({ kind: 'error', text: errorMessage(error) });
      } finally {
        setSending(false);
      }
    },
    [router],
  );

  const base = `/api/articles/${article.id}/curation`;
  const accept = useCallback(
    (cluster: CurationCluster, annotationIds: number[], done: string) =>
      // An accepted cluster may still hold spans to pick, so focus stays there; an open one moves on.
      void send(
        async () => {
          const { created } = await callApi<{ created: number[] }>('POST', `${base}/accept`, { annotationIds });
          return created.length === 0 ? 'Gold already had that span; nothing was added.' : done;
        },
        cluster.state === 'open' ? nextOpenKey(cluster) : cluster.key,
      ),
    [base, nextOpenKey, send],
  );
  const reject = useCallback(
    (cluster: CurationCluster) =>
      void send(async () => {
        await callApi('POST', `${base}/reject`, { start: cluster.start, end: cluster.end });
        return 'Rejected: nothing from this stretch goes into gold.';
      }, nextOpenKey(cluster)),
    [base, nextOpenKey, send],
  );
  const reopen = useCallback(
    (cluster: CurationCluster) =>
      void send(async () => {
        await callApi('DELETE', `${base}/reject`, { start: cluster.start, end: cluster.end });
        return 'Reopened: the stretch is open again.';
      }, cluster.key),
    [base, send],
  );
  const acceptAgreed = () =>
    void send(
      async () => {
        const { accepted } = await callApi<{ accepted: number }>('POST', `${base}/accept-agreed`);
        return `Accepted ${plural(accepted, 'agreed span')} into gold.`;
      },
      visible.find(isOpenDisagreement)?.key ?? null,
    );

  const settle = (comparison: PendingComparison, settlement: 'accept' | 'drop') =>
    void send(async () => {
      await callApi('POST', `${base}/comparisons`, { comparisonId: comparison.id, settlement });
      return settlement === 'accept' ? `“${comparison.title}” is in gold, with all its figures.` : `Dropped: “${comparison.title}” stays out of gold.`;
    }, null);

  const counts = {
    agreed: clusters.filter(isOpenAgreed).length,
    disagreements: clusters.filter(isOpenDisagreement).length,
    accepted: clusters.filter((cluster) => cluster.state === 'accepted').length,
    rejected: clusters.filter((cluster) => cluster.state === 'rejected').length,
  };
  const busy = sending || refreshing;

  return (
    <>
      <h1 ref={titleRef} tabIndex={-1}>
        Curate: {article.title}
      </h1>
      <p className="lede">
        Spans that overlap form one cluster. Accept what the reviewers agree on, pick one reviewer&rsquo;s span where they disagree,
        or reject the stretch. Accepted spans are copied into the gold layer ({plural(goldCount, 'annotation')} now), where they can be{' '}
        <Link href={`/articles/${article.id}?layer=gold`}>edited in the reader</Link>.
      </p>
      {reviewers.length > 0 && (
        <p className="curation-reviewers">
          Layers compared:{' '}
          {reviewers.map((reviewer, index) => (
            <span key={reviewer.id}>
              {index > 0 && ', '}
              {reviewer.displayName} ({reviewer.username}, {plural(reviewer.spanCount, 'span')}
              {reviewer.done ? ', done' : ''})
            </span>
          ))}
        </p>
      )}

      <div className="curation-toolbar">
        <dl className="curation-summary" data-testid="curation-summary">
          <div>
            <dt>Open, agreed</dt>
            <dd data-count="agreed">{counts.agreed}</dd>
          </div>
          <div>
            <dt>Open disagreements</dt>
            <dd data-count="disagreements">{counts.disagreements}</dd>
          </div>
          <div>
            <dt>Accepted</dt>
            <dd data-count="accepted">{counts.accepted}</dd>
          </div>
          <div>
            <dt>Rejected</dt>
            <dd data-count="rejected">{counts.rejected}</dd>
          </div>
        </dl>
        <button type="button" className="primary" disabled={busy || counts.agreed === 0} onClick={acceptAgreed}>
          Accept all agreed ({counts.agreed})
        </button>
      </div>

      <ComparisonsToSettle comparisons={comparisons} disabled={busy} onSettle={settle} />

      <fieldset className="curation-filter">
        <legend>Show</legend>
        {FILTERS.map((entry) => (
          <label key={entry.value}>
            <input type="radio" name={`${idPrefix}-filter`} value={entry.value} checked={filter === entry.value} onChange={() => setFilter(entry.value)} />
            {entry.name}
          </label>
        ))}
      </fieldset>

      {reviewers.length === 0 ? (
        <p className="empty">No reviewer has tagged this article or marked it done yet, so there is nothing to curate.</p>
      ) : visible.length === 0 ? (
        <p className="empty">{clusters.length === 0 ? 'The reviewers tagged nothing on this article.' : 'No cluster matches this filter.'}</p>
      ) : (
        <div className="cluster-list">
          {visible.map((cluster) => (
            <ClusterCard
              key={cluster.key}
              articleId={article.id}
              cluster={cluster}
              reviewers={reviewers}
              headingId={headingId(cluster.key)}
              disabled={busy}
              onAccept={accept}
              onReject={reject}
              onReopen={reopen}
            />
          ))}
        </div>
      )}

      <div className="curation-status">
        <FormMessage message={message} />
      </div>
    </>
  );
}
