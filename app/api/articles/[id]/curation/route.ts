import { handle, readId, type IdContext } from '@/app/_server/http';
import { curationView } from '@/db/curation';

/** The article's reviewer layers lined up as clusters, with the gold layer: admins only. */
export const GET = handle(async (request, context: IdContext, viewer, db) => {
  return Response.json(await curationView(db, viewer, await readId(context, 'article')));
});
