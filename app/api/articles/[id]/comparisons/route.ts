import { handle, readId, type IdContext } from '@/app/_server/http';
import { comparisonsForArticle } from '@/db/comparisons';

/** The comparisons holding any of this article's figures. */
export const GET = handle(async (_request, context: IdContext, viewer) => {
  return Response.json({ comparisons: comparisonsForArticle(viewer, await readId(context, 'article')) });
});
