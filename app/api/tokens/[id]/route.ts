import { handle, parseId } from '@/app/_server/http';
import { revokeApiToken } from '@/db/api-tokens';

export const DELETE = handle(async (_request, context: { params: Promise<{ id: string }> }, viewer, db) => {
  await revokeApiToken(db, viewer, parseId((await context.params).id, 'api token'));
  return new Response(null, { status: 204 });
});
