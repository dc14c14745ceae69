import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateArticleBody } from '@/app/_server/schemas';
import { deleteArticle, getArticle, updateArticleMetadata } from '@/db/articles';

export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  const article = await getArticle(db, viewer, await readId(context, 'article'));
  return Response.json({ article });
});

export const PATCH = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  const patch = await readJson(request, updateArticleBody);
  return Response.json({ article: await updateArticleMetadata(db, viewer, id, patch) });
});

export const DELETE = handle(async (_request, context: IdContext, viewer, db) => {
  await deleteArticle(db, viewer, await readId(context, 'article'));
  return new Response(null, { status: 204 });
});
