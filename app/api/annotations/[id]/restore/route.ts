import { handle, readId, type IdContext } from '@/app/_server/http';
import { restoreAnnotation } from '@/db/annotations';

/** Undoes a delete: the same annotation, same id, comes back. */
export const POST = handle(async (_request, context: IdContext, viewer, db) => {
  const annotation = await restoreAnnotation(db, viewer, await readId(context, 'annotation'));
  return Response.json({ annotation });
});
