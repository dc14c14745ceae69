import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateArticleBody } from '@/app/_server/schemas';
import { deleteArticle, getArticle, updateArticleMetadata } from '@/db/articles';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(async (_request, context: IdContext) => {
  const article = getArticle(await readId(context, 'article'));
  return Response.json({ article });
});

export const PATCH = handle(async (request, context: IdContext) => {
  const id = await readId(context, 'article');
  const patch = await readJson(request, updateArticleBody);
  return Response.json({ article: updateArticleMetadata(id, patch, currentReviewer().id) });
});

export const DELETE = handle(async (_request, context: IdContext) => {
  deleteArticle(await readId(context, 'article'), currentReviewer().id);
  return new Response(null, { status: 204 });
});
