import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { comparisonMemberBody } from '@/app/_server/schemas';
import { addComparisonMember } from '@/db/comparisons';

/** Adds a figure (from any article) as one more column. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'comparison');
  const { annotationId, version } = await readJson(request, comparisonMemberBody);
  return Response.json({ comparison: await addComparisonMember(db, viewer, id, annotationId, version) });
});
