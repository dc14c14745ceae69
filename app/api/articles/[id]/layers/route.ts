import { handle, readId, type IdContext } from '@/app/_server/http';
import { ownProgress } from '@/db/assignments';
import { articleLayers } from '@/db/layers';

/** The layers of the article this viewer may open, and the viewer's own progress on it. */
export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  return Response.json({ layers: await articleLayers(db, viewer, id), progress: await ownProgress(db, viewer, id) });
});
