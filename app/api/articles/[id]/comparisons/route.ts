import { handle, readId, validate, type IdContext } from '@/app/_server/http';
import { layerQuery } from '@/app/_server/schemas';
import { comparisonsForArticle } from '@/db/comparisons';

/** The comparisons holding any of this article's figures; `?layer=ID` keeps one layer's. */
export const GET = handle(async (request, context: IdContext, viewer, db) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ comparisons: await comparisonsForArticle(db, viewer, await readId(context, 'article'), layer) });
});
