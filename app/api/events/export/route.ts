import { handle, validate } from '@/app/_server/http';
import { incidentExportQuery } from '@/app/_server/schemas';
import { incidentsForExport } from '@/db/incidents';
import { incidentsCsv, incidentsJson } from '@/lib/incidents/export';

/** Every incident with figures, IBC-style: `?format=csv|json`, optionally `&layer=ID` (gold by default). Admins only. */
export const GET = handle(async (request, _context, viewer, db) => {
  const { format, layer } = validate(incidentExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const incidents = await incidentsForExport(db, viewer, layer);
  const date = new Date().toISOString().slice(0, 10);
  const body = format === 'csv' ? incidentsCsv(incidents) : incidentsJson(incidents);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="crosscheck-incidents-${date}.${format}"`,
    },
  });
});
