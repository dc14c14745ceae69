import { handle, readId, type IdContext } from '@/app/_server/http';
import { acceptAllAgreed } from '@/db/curation';

/** Accepts every open cluster all counted reviewers agree on. No body. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  return Response.json({ accepted: await acceptAllAgreed(db, viewer, await readId(context, 'article')) });
});
