import { handle, readJson, validate } from '@/app/_server/http';
import { createIncidentBody, layerQuery } from '@/app/_server/schemas';
import { createIncident, listIncidents } from '@/db/incidents';

/** Every incident (event) with its figure counts and ranges in one layer (`?layer=ID`; gold for admins, one's own for reviewers). */
export const GET = handle(async (request, _context, viewer, db) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ events: await listIncidents(db, viewer, layer) });
});

/** Creates an incident, or returns the one already called that (names ignore case and spacing). */
export const POST = handle(async (request, _context, viewer, db) => {
  const draft = await readJson(request, createIncidentBody);
  return Response.json(await createIncident(db, viewer, draft), { status: 201 });
});
