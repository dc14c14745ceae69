import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getActorProfile, type ActorProfile, type ActorSpanRef } from '@/db/actors';
import { isAppError } from '@/lib/errors';
import { pageViewer } from '@/app/_server/session';
import { ActorForm } from './ActorForm';
import { appDatabase } from '@/db/client';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']): Promise<ActorProfile> {
  const db = appDatabase();
  const { id } = await params;
  const viewer = await pageViewer(`/actors/${id}`);
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return await getActorProfile(db, viewer, Number(id));
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).canonicalName };
}

function SpanList({ title, spans, empty }: { title: string; spans: ActorSpanRef[]; empty: string }) {
  return (
    <section className="span-list" aria-label={title}>
      <h2>
        {title} <span className="count">{spans.length}</span>
      </h2>
      {spans.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul>
          {spans.map((span) => (
            <li key={span.annotationId}>
              <Link href={`/articles/${span.articleId}?annotation=${span.annotationId}`}>“{span.quote}”</Link>
              <span className="span-article"> — {span.articleTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function ActorPage({ params }: Props) {
  const actor = await load(params);
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link href="/actors">Actors</Link>
      </p>
      <h1>{actor.canonicalName}</h1>
      <ActorForm actor={actor} />
      <SpanList title="Mentions" spans={actor.mentions} empty="No spans tagged as this actor." />
      <SpanList title="Claims" spans={actor.claims} empty="No claims with this actor as claimant." />
      <SpanList title="Figures sourced" spans={actor.figures} empty="No figures attributed to this actor." />
    </div>
  );
}
