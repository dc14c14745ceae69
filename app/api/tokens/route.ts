import { handle, readJson } from '@/app/_server/http';
import { createTokenBody } from '@/app/_server/schemas';
import { createApiToken, listApiTokens } from '@/db/api-tokens';

export const GET = handle(async (_request, _context, viewer, db) => Response.json({ tokens: await listApiTokens(db, viewer) }));

/** The response is the only place the token is ever readable. */
export const POST = handle(async (request, _context, viewer, db) => {
  const { name } = await readJson(request, createTokenBody);
  const { token, summary } = await createApiToken(db, viewer, name);
  return Response.json({ token, summary }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
