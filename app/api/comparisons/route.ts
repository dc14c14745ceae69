import { handle, readJson, validate } from '@/app/_server/http';
import { createComparisonBody, layerQuery } from '@/app/_server/schemas';
import { createComparison, listComparisons } from '@/db/comparisons';

/** Every comparison the viewer may see; `?layer=ID` keeps one layer's. */
export const GET = handle(async (request, _context, viewer, db) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ comparisons: await listComparisons(db, viewer, layer) });
});

export const POST = handle(async (request, _context, viewer, db) => {
  const comparison = await createComparison(db, viewer, await readJson(request, createComparisonBody));
  return Response.json({ comparison }, { status: 201, headers: { Location: `/api/comparisons/${comparison.id}` } });
});
