import { handle, readJson } from '@/app/_server/http';
import { strictLibraryQuery } from '@/app/_server/library-query';
import { createArticleBody } from '@/app/_server/schemas';
import { createArticle } from '@/db/articles';
import { libraryPage } from '@/db/library';

// One page of the library (50 articles unless ?pageSize= says otherwise, at most 200), with the
// paging beside the list so clients written for the unpaged answer keep reading `articles`.
export const GET = handle((request, _context, viewer) => {
  const { articles, page, pageSize, total, pageCount } = libraryPage(viewer, strictLibraryQuery(new URL(request.url).searchParams));
  return Response.json({ articles, page: { number: page, size: pageSize, total, count: pageCount } });
});

export const POST = handle(async (request, _context, viewer) => {
  const body = await readJson(request, createArticleBody);
  const article = createArticle(viewer, body);
  return Response.json({ article }, { status: 201, headers: { Location: `/api/articles/${article.id}` } });
});
