import { handle, readJson } from '@/app/_server/http';
import { createArticleBody } from '@/app/_server/schemas';
import { addArticle } from '@/db/article-add';
import { listArticles } from '@/db/articles';

export const GET = handle((_request, _context, viewer) => Response.json({ articles: listArticles(viewer) }));

/**
 * Adds an article. An address the library already holds is refused (409 `article_url_taken`)
 * unless `ifUrlExists` says `new-version` (the text becomes that article's next version) or `add`.
 */
export const POST = handle(async (request, _context, viewer) => {
  const { ifUrlExists, ...draft } = await readJson(request, createArticleBody);
  const { article, version } = addArticle(viewer, draft, ifUrlExists);
  return Response.json({ article, ...(version ? { carried: version } : {}) }, { status: 201, headers: { Location: `/api/articles/${article.id}` } });
});
