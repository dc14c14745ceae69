import { handle, validate } from '@/app/_server/http';
import { conflictsQuery } from '@/app/_server/schemas';
import { listConflicts } from '@/db/conflicts';

/**
 * One page of figure groups across the library that seem to report one incident and disagree:
 * `?layer=ID` (admins; gold by default, a reviewer's own layer otherwise), `?cursor=` from the
 * previous page's `nextCursor`, `?limit=` (25 by default), `?windowDays=` (3 by default).
 */
export const GET = handle(async (request, _context, viewer, db) => {
  const { layer, cursor, limit, windowDays } = validate(conflictsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listConflicts(db, viewer, { layerId: layer, cursor, limit, windowDays }));
});
