import { handle, readId, type IdContext } from '@/app/_server/http';
import { getArticleMetadata, lastActivityAt } from '@/db/articles';

/** A cheap freshness check: the reader compares it with what it rendered before reloading anything. */
export const GET = handle(async (_request, context: IdContext) => {
  const article = getArticleMetadata(await readId(context, 'article'));
  return Response.json({ lastActivityAt: lastActivityAt(article.id) }, { headers: { 'Cache-Control': 'no-store' } });
});
