import { handle, parseId } from '@/app/_server/http';
import { unassignReviewer } from '@/db/assignments';

export const DELETE = handle(async (_request, context: { params: Promise<{ id: string; reviewerId: string }> }, viewer, db) => {
  const params = await context.params;
  await unassignReviewer(db, viewer, parseId(params.id, 'article'), parseId(params.reviewerId, 'reviewer'));
  return new Response(null, { status: 204 });
});
