import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { assignmentBody } from '@/app/_server/schemas';
import { assignReviewer, progressByArticle } from '@/db/assignments';
import { getArticle } from '@/db/articles';
import { requireAdmin } from '@/db/access';

/** Admins only: while blind, a colleague's progress would tell a reviewer they have tagged something. */
export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  requireAdmin(viewer);
  const article = await getArticle(db, viewer, await readId(context, 'article'));
  return Response.json({ assignments: (await progressByArticle(db, [article.id])).get(article.id) ?? [] });
});

/** Admins assign a reviewer; assigning twice changes nothing. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  const { reviewerId } = await readJson(request, assignmentBody);
  await assignReviewer(db, viewer, id, reviewerId);
  return Response.json({ assignments: (await progressByArticle(db, [id])).get(id) ?? [] }, { status: 201 });
});
