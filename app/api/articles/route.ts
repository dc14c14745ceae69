import { handle, readJson } from '@/app/_server/http';
import { strictLibraryQuery } from '@/app/_server/library-query';
import { createArticleBody } from '@/app/_server/schemas';
import { addArticle } from '@/db/article-add';
import { libraryPage } from '@/db/library';

// One page of the library (50 articles unless ?pageSize= says otherwise, at most 200), with the
// paging beside the list so clients written for the unpaged answer keep reading `articles`.
export const GET = handle(async (request, _context, viewer, db) => {
  const { articles, page, pageSize, total, pageCount } = await libraryPage(db, viewer, strictLibraryQuery(new URL(request.url).searchParams));
  return Response.json({ articles, page: { number: page, size: pageSize, total, count: pageCount } });
});

/**
 * Adds an article. An address the library already holds is refused (409 `article_url_taken`)
 * unless `ifUrlExists` says `new-version` (the text becomes that article's next version) or `add`.
 */
export const POST = handle(async (request, _context, viewer, db) => {
  const { ifUrlExists, ...draft } = await readJson(request, createArticleBody);
  const { article, version } = await addArticle(db, viewer, draft, ifUrlExists);
  return Response.json({ article, ...(version ? { carried: version } : {}) }, { status: 201, headers: { Location: `/api/articles/${article.id}` } });
});
