import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateArticleBody } from '@/app/_server/schemas';
import { deleteArticle, getArticle, updateArticleMetadata } from '@/db/articles';

export const GET = handle(async (_request, context: IdContext, viewer) => {
  const article = getArticle(viewer, await readId(context, 'article'));
  return Response.json({ article });
});

export const PATCH = handle(async (request, context: IdContext, viewer) => {
  const id = await readId(context, 'article');
  const patch = await readJson(request, updateArticleBody);
  return Response.json({ article: updateArticleMetadata(viewer, id, patch) });
});

export const DELETE = handle(async (_request, context: IdContext, viewer) => {
  deleteArticle(viewer, await readId(context, 'article'));
  return new Response(null, { status: 204 });
});
