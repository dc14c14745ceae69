import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateComparisonBody } from '@/app/_server/schemas';
import { deleteComparison, getComparison, updateComparison } from '@/db/comparisons';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(async (_request, context: IdContext) => {
  return Response.json({ comparison: getComparison(await readId(context, 'comparison')) });
});

export const PATCH = handle(async (request, context: IdContext) => {
  const id = await readId(context, 'comparison');
  const { version, ...patch } = await readJson(request, updateComparisonBody);
  return Response.json({ comparison: updateComparison(id, { ...patch, expectedVersion: version }, currentReviewer().id) });
});

export const DELETE = handle(async (_request, context: IdContext) => {
  deleteComparison(await readId(context, 'comparison'), currentReviewer().id);
  return new Response(null, { status: 204 });
});
