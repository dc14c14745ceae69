import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { incidentFigureBody } from '@/app/_server/schemas';
import { addIncidentFigure, removeIncidentFigure } from '@/db/incidents';

/** Adds one figure to the incident by hand (`{ annotationId }`); adding it twice changes nothing. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'incident');
  const { annotationId } = await readJson(request, incidentFigureBody);
  return Response.json(await addIncidentFigure(db, viewer, id, annotationId));
});

/** Takes out a figure added by hand (`{ annotationId }`). */
export const DELETE = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'incident');
  const { annotationId } = await readJson(request, incidentFigureBody);
  return Response.json(await removeIncidentFigure(db, viewer, id, annotationId));
});
