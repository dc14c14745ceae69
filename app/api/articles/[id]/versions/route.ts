import { z } from 'zod';
import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { createArticleVersion, listVersions } from '@/db/versions';

const MAX_ARTICLE_CHARS = 5_000_000;

const versionBody = z.strictObject({
  text: z.string().min(1, 'paste the new text').max(MAX_ARTICLE_CHARS, `the article is longer than ${MAX_ARTICLE_CHARS} characters`),
  title: z.string().max(500).optional(),
});

/** The article's versions, oldest first. */
export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  return Response.json({ versions: await listVersions(db, viewer, id) });
});

/** Admins import an outlet's update as the next version; annotations are carried over (see db/versions.ts). */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'article');
  const body = await readJson(request, versionBody);
  const { article, exact, fuzzy, orphans } = await createArticleVersion(db, viewer, id, body);
  return Response.json({ article: { id: article.id, versionNumber: article.versionNumber, title: article.title }, carried: { exact, fuzzy, orphans } }, { status: 201 });
});
