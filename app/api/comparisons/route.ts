import { handle, readJson, validate } from '@/app/_server/http';
import { createComparisonBody, layerQuery } from '@/app/_server/schemas';
import { createComparison, listComparisons } from '@/db/comparisons';

/** Every comparison the viewer may see; `?layer=ID` keeps one layer's. */
export const GET = handle((request, _context, viewer) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ comparisons: listComparisons(viewer, layer) });
});

export const POST = handle(async (request, _context, viewer) => {
  const comparison = createComparison(viewer, await readJson(request, createComparisonBody));
  return Response.json({ comparison }, { status: 201, headers: { Location: `/api/comparisons/${comparison.id}` } });
});
