import { handle, readJson } from '@/app/_server/http';
import { createArticleBody } from '@/app/_server/schemas';
import { createArticle, listArticles } from '@/db/articles';

export const GET = handle((_request, _context, viewer) => Response.json({ articles: listArticles(viewer) }));

export const POST = handle(async (request, _context, viewer) => {
  const body = await readJson(request, createArticleBody);
  const article = createArticle(viewer, body);
  return Response.json({ article }, { status: 201, headers: { Location: `/api/articles/${article.id}` } });
});
