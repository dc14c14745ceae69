import { handle, parseId, validate } from '@/app/_server/http';
import { versionQuery } from '@/app/_server/schemas';
import { removeComparisonMember } from '@/db/comparisons';

export const DELETE = handle(async (request, context: { params: Promise<{ id: string; annotationId: string }> }, viewer, db) => {
  const params = await context.params;
  const { version } = validate(versionQuery, Object.fromEntries(new URL(request.url).searchParams));
  const comparison = await removeComparisonMember(db, viewer, parseId(params.id, 'comparison'), parseId(params.annotationId, 'figure'), version);
  return Response.json({ comparison });
});
