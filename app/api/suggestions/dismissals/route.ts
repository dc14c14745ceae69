import { handle, readJson } from '@/app/_server/http';
import { dismissSuggestionBody } from '@/app/_server/schemas';
import { dismissSuggestion } from '@/db/comparisons';

export const POST = handle(async (request, _context, viewer, db) => {
  const { annotationIds } = await readJson(request, dismissSuggestionBody);
  await dismissSuggestion(db, viewer, annotationIds);
  return new Response(null, { status: 204 });
});
