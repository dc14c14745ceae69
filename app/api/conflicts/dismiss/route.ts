import { handle, readJson } from '@/app/_server/http';
import { dismissSuggestionBody } from '@/app/_server/schemas';
import { dismissConflict } from '@/db/conflicts';

/** Turns down one proposed group (`{ annotationIds }`): that exact set of figures is not proposed again. */
export const POST = handle(async (request, _context, viewer, db) => {
  const { annotationIds } = await readJson(request, dismissSuggestionBody);
  await dismissConflict(db, viewer, annotationIds);
  return new Response(null, { status: 204 });
});
