import { handle, validate } from '@/app/_server/http';
import { suggestionsQuery } from '@/app/_server/schemas';
import { listSuggestions } from '@/db/comparisons';

/**
 * Figures of one layer (`?layer=ID`, the viewer's own by default) that seem to count the
 * same thing differently; `?articleId=` keeps those touching one article.
 */
export const GET = handle(async (request, _context, viewer, db) => {
  const { articleId, layer } = validate(suggestionsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ suggestions: await listSuggestions(db, viewer, articleId, layer) });
});
