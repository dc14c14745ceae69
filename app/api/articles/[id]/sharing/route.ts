import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { sharingBody } from '@/app/_server/schemas';
import { setArticleSharing } from '@/db/articles';

/** Admins switch an article between blind (the default) and shared annotation. */
export const PUT = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  const { sharing } = await readJson(request, sharingBody);
  return Response.json({ article: await setArticleSharing(db, viewer, id, sharing) });
});
