import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { pageViewer } from '@/app/_server/session';
import { appDatabase } from '@/db/client';
import { curationView, type CurationView } from '@/db/curation';
import { isAppError } from '@/lib/errors';
import { CurationBoard } from './CurationBoard';

type Props = { params: Promise<{ id: string }> };

type Loaded = { view: CurationView } | { forbidden: true };

/**
 * The view once per request (metadata and page both need it). A reviewer who follows a
 * link here gets a sentence rather than an error page, and learns nothing about the article.
 */
const load = cache(async (id: string): Promise<Loaded> => {
  const db = appDatabase();
  const viewer = await pageViewer(`/articles/${id}/curate`);
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return { view: await curationView(db, viewer, Number(id)) };
  } catch (error) {
    if (isAppError(error) && error.status === 403) return { forbidden: true };
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  return { title: 'view' in loaded ? `Curate: ${loaded.view.article.title}` : 'Curate' };
}

export default async function CuratePage({ params }: Props) {
  const loaded = await load((await params).id);
  if (!('view' in loaded)) {
    return (
      <div className="page narrow">
        <h1>Curate</h1>
        <p className="empty">Only admins can curate the gold layer.</p>
      </div>
    );
  }
  const { article, reviewers, clusters, gold, comparisons } = loaded.view;
  return (
    <div className="page curate-page">
      <p className="breadcrumb">
        <Link href={`/articles/${article.id}`}>{article.title}</Link>
      </p>
      {/* The article text stays on the server: each cluster carries the bit of it it shows. */}
      <CurationBoard article={{ id: article.id, title: article.title }} reviewers={reviewers} clusters={clusters} goldCount={gold.length} comparisons={comparisons} />
    </div>
  );
}
