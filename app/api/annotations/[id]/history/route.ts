import { handle, readId, type IdContext } from '@/app/_server/http';
import { annotationHistory } from '@/db/annotations';

export const GET = handle(async (_request, context: IdContext) => {
  return Response.json({ history: annotationHistory(await readId(context, 'annotation')) });
});
