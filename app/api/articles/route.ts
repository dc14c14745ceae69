import { handle, readJson } from '@/app/_server/http';
import { createArticleBody } from '@/app/_server/schemas';
import { createArticle, listArticles } from '@/db/articles';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(() => Response.json({ articles: listArticles() }));

export const POST = handle(async (request) => {
  const body = await readJson(request, createArticleBody);
  const article = createArticle(body, currentReviewer().id);
  return Response.json({ article }, { status: 201, headers: { Location: `/api/articles/${article.id}` } });
});
