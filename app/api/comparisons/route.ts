import { handle, readJson } from '@/app/_server/http';
import { createComparisonBody } from '@/app/_server/schemas';
import { createComparison, listComparisons } from '@/db/comparisons';

export const GET = handle((_request, _context, viewer) => Response.json({ comparisons: listComparisons(viewer) }));

export const POST = handle(async (request, _context, viewer) => {
  const comparison = createComparison(viewer, await readJson(request, createComparisonBody));
  return Response.json({ comparison }, { status: 201, headers: { Location: `/api/comparisons/${comparison.id}` } });
});
