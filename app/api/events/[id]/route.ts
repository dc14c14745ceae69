import { handle, readId, readJson, validate, type IdContext } from '@/app/_server/http';
import { layerQuery, updateIncidentBody } from '@/app/_server/schemas';
import { getIncident, updateIncident } from '@/db/incidents';

/** `{ event, categories: [{ category, min, max, figures }], timeline, layers, comparisons }` in one layer (`?layer=ID`). */
export const GET = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'incident');
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getIncident(db, viewer, id, layer));
});

export const PATCH = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'incident');
  const { version, ...patch } = await readJson(request, updateIncidentBody);
  return Response.json(await updateIncident(db, viewer, id, { ...patch, expectedVersion: version }));
});
