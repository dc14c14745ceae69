import { handle, readId, type IdContext } from '@/app/_server/http';
import { getArticle } from '@/db/articles';
import { comparisonsForArticle } from '@/db/comparisons';

/** The comparisons holding any of this article's figures. */
export const GET = handle(async (_request, context: IdContext) => {
  const article = getArticle(await readId(context, 'article'));
  return Response.json({ comparisons: comparisonsForArticle(article.id) });
});
