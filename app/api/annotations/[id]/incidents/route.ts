import { handle, readId, type IdContext } from '@/app/_server/http';
import { incidentsOfFigure } from '@/db/incidents';

/** The incidents a figure belongs to, by hand or through a comparison, for the reader's panel. */
export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  return Response.json({ incidents: await incidentsOfFigure(db, viewer, await readId(context, 'annotation')) });
});
