import { handle, validate } from '@/app/_server/http';
import { exportQuery } from '@/app/_server/schemas';
import { summariseExport } from '@/db/export-summary';

const summaryQuery = exportQuery.omit({ format: true });

/** What a download with the same `layer` and `article` choice would hold: articles, annotations, comparisons. */
export const GET = handle(async (request, _context, viewer, db) => {
  const url = new URL(request.url);
  const { article, layer } = validate(summaryQuery, {
    layer: url.searchParams.get('layer') ?? undefined,
    article: url.searchParams.getAll('article'),
  });
  return Response.json({ summary: await summariseExport(db, viewer, { ids: article.length > 0 ? article : undefined, layer }) });
});
