import { handle } from '@/app/_server/http';
import { removeCategory } from '@/db/categories';

export const DELETE = handle(async (_request, context: { params: Promise<{ name: string }> }, viewer, db) => {
  // Next passes the path segment already decoded ("50% lost"): decoding again would break on "%".
  const { name } = await context.params;
  return Response.json({ categories: await removeCategory(db, viewer, name) });
});
