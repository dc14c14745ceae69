import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listActors } from '@/db/actors';
import { listCategories } from '@/db/categories';
import { listEvents } from '@/db/comparisons';
import { getArticle } from '@/db/articles';
import { pickMetadata } from '@/db/article-insert';
import type { Article } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { ArticleHeader } from './ArticleHeader';
import { Workbench } from './_reader/Workbench';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ annotation?: string }> };

async function loadArticle(params: Props['params']): Promise<Article> {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return getArticle(Number(id));
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadArticle(params)).title };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await loadArticle(params);
  const requested = Number((await searchParams).annotation);
  return (
    <div className="page article-page">
      <ArticleHeader article={pickMetadata(article)} />
      <Workbench
        articleId={article.id}
        text={article.text}
        initialActors={listActors().map(({ id, canonicalName }) => ({ id, canonicalName }))}
        categories={listCategories()}
        events={listEvents().map((event) => event.name)}
        initialSelectedId={Number.isInteger(requested) && requested > 0 ? requested : null}
      />
    </div>
  );
}
