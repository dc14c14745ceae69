import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateComparisonBody } from '@/app/_server/schemas';
import { deleteComparison, getComparison, updateComparison } from '@/db/comparisons';

export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  return Response.json({ comparison: await getComparison(db, viewer, await readId(context, 'comparison')) });
});

export const PATCH = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'comparison');
  const { version, ...patch } = await readJson(request, updateComparisonBody);
  return Response.json({ comparison: await updateComparison(db, viewer, id, { ...patch, expectedVersion: version }) });
});

export const DELETE = handle(async (_request, context: IdContext, viewer, db) => {
  await deleteComparison(db, viewer, await readId(context, 'comparison'));
  return new Response(null, { status: 204 });
});
