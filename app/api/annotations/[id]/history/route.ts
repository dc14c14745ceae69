import { handle, readId, type IdContext } from '@/app/_server/http';
import { annotationHistory } from '@/db/annotations';

export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  return Response.json({ history: await annotationHistory(db, viewer, await readId(context, 'annotation')) });
});
