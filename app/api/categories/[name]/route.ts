import { handle } from '@/app/_server/http';
import { removeCategory } from '@/db/categories';
import { currentReviewer } from '@/db/reviewers';

export const DELETE = handle(async (_request, context: { params: Promise<{ name: string }> }) => {
  const { name } = await context.params;
  return Response.json({ categories: removeCategory(decodeURIComponent(name), currentReviewer().id) });
});
