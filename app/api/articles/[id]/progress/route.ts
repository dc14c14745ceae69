import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { progressBody } from '@/app/_server/schemas';
import { setOwnProgress } from '@/db/assignments';

/** The viewer marks their own work on the article done (which lifts blind mode for them) or reopens it. */
export const PUT = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  const { status } = await readJson(request, progressBody);
  return Response.json({ status: await setOwnProgress(db, viewer, id, status) });
});
