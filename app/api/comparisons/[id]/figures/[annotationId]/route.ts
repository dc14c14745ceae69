import { handle, parseId, validate } from '@/app/_server/http';
import { versionQuery } from '@/app/_server/schemas';
import { removeComparisonMember } from '@/db/comparisons';
import { currentReviewer } from '@/db/reviewers';

export const DELETE = handle(async (request, context: { params: Promise<{ id: string; annotationId: string }> }) => {
  const params = await context.params;
  const { version } = validate(versionQuery, Object.fromEntries(new URL(request.url).searchParams));
  const comparison = removeComparisonMember(parseId(params.id, 'comparison'), parseId(params.annotationId, 'figure'), currentReviewer().id, version);
  return Response.json({ comparison });
});
