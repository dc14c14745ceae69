import { handle, readId, type IdContext } from '@/app/_server/http';
import { apiViewer } from '@/app/_server/session';
import { acceptAllAgreed } from '@/db/curation';

/** Accepts every open cluster all counted reviewers agree on. No body. */
export const POST = handle(async (request, context: IdContext) => {
  const viewer = await apiViewer(request);
  return Response.json({ accepted: acceptAllAgreed(viewer, await readId(context, 'article')) });
});
