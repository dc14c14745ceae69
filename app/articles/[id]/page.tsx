import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageViewer } from '@/app/_server/session';
import type { Viewer } from '@/db/access';
import { listReviewerAccounts } from '@/db/accounts';
import { listActors } from '@/db/actors';
import { ownProgress, progressByArticle } from '@/db/assignments';
import { listCategories } from '@/db/categories';
import { listEvents } from '@/db/comparisons';
import { getArticle } from '@/db/articles';
import { pickMetadata } from '@/db/article-insert';
import { articleLayers } from '@/db/layers';
import type { Article } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { ArticleHeader } from './ArticleHeader';
import { LayerBar } from './LayerBar';
import { Workbench } from './_reader/Workbench';
import { listFigureChanges, listOrphans, listVersions } from '@/db/versions';
import { VersionBar } from './_versions/VersionBar';
import { VersionChanges } from './_versions/VersionChanges';
import { appDatabase } from '@/db/client';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ annotation?: string; layer?: string }> };

async function loadArticle(params: Props['params']): Promise<{ viewer: Viewer; article: Article }> {
  const db = appDatabase();
  const { id } = await params;
  const viewer = await pageViewer(`/articles/${id}`);
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return { viewer, article: await getArticle(db, viewer, Number(id)) };
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadArticle(params)).article.title };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const db = appDatabase();
  const { viewer, article } = await loadArticle(params);
  const query = await searchParams;
  const requested = Number(query.annotation);
  const layers = await articleLayers(db, viewer, article.id);
  // `?layer=gold` or `?layer=ID`; anything the viewer may not open falls back to their own layer.
  const shown =
    layers.find((layer) => (query.layer === 'gold' ? layer.kind === 'gold' : String(layer.reviewerId) === query.layer)) ??
    layers.find((layer) => layer.own)!;
  const admin = viewer.role === 'admin';
  const progress = await ownProgress(db, viewer, article.id);
  return (
    <div className="page article-page">
      <ArticleHeader article={pickMetadata(article)} editable={admin} />
      <VersionBar articleId={article.id} versions={await listVersions(db, viewer, article.id)} canAddVersion={admin} />
      <LayerBar
        articleId={article.id}
        layers={layers}
        shownLayerId={shown.reviewerId}
        progress={progress}
        sharing={article.sharing}
        admin={admin}
        team={admin ? ((await progressByArticle(db, [article.id])).get(article.id) ?? []) : []}
        reviewers={admin ? (await listReviewerAccounts(db, viewer)).filter((reviewer) => !reviewer.disabledAt).map(({ id, username, displayName }) => ({ id, username, displayName })) : []}
      />
      <VersionChanges
        layerId={shown.reviewerId}
        changes={await listFigureChanges(db, viewer, article.id, shown.reviewerId)}
        orphans={await listOrphans(db, viewer, article.id, shown.reviewerId)}
      />
      <Workbench
        key={shown.reviewerId}
        articleId={article.id}
        text={article.text}
        initialActors={(await listActors(db, viewer, shown.reviewerId)).map(({ id, canonicalName }) => ({ id, canonicalName }))}
        categories={await listCategories(db)}
        events={(await listEvents(db, viewer)).map((event) => event.name)}
        initialSelectedId={Number.isInteger(requested) && requested > 0 ? requested : null}
        layer={{ id: shown.reviewerId, name: shown.displayName, writable: shown.writable }}
      />
    </div>
  );
}
