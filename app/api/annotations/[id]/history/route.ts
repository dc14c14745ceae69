import { handle, readId, type IdContext } from '@/app/_server/http';
import { annotationHistory } from '@/db/annotations';

export const GET = handle(async (_request, context: IdContext, viewer) => {
  return Response.json({ history: annotationHistory(viewer, await readId(context, 'annotation')) });
});
