import { handle, readJson } from '@/app/_server/http';
import { createComparisonBody } from '@/app/_server/schemas';
import { createComparison, listComparisons } from '@/db/comparisons';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(() => Response.json({ comparisons: listComparisons() }));

export const POST = handle(async (request) => {
  const comparison = createComparison(await readJson(request, createComparisonBody), currentReviewer().id);
  return Response.json({ comparison }, { status: 201, headers: { Location: `/api/comparisons/${comparison.id}` } });
});
