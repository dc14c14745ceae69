import { handle, readId, type IdContext } from '@/app/_server/http';
import { restoreAnnotation } from '@/db/annotations';
import { currentReviewer } from '@/db/reviewers';

/** Undoes a delete: the same annotation, same id, comes back. */
export const POST = handle(async (_request, context: IdContext) => {
  const annotation = restoreAnnotation(await readId(context, 'annotation'), currentReviewer().id);
  return Response.json({ annotation });
});
