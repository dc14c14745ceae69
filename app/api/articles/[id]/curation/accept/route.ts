import { z } from 'zod';
import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { acceptIntoGold } from '@/db/curation';

const MAX_ACCEPTED_AT_ONCE = 500;

const acceptBody = z.strictObject({
  annotationIds: z
    .array(z.int('must be a whole number').positive('must be a positive id'))
    .min(1, 'name at least one annotation')
    .max(MAX_ACCEPTED_AT_ONCE, `accept at most ${MAX_ACCEPTED_AT_ONCE} annotations at once`),
});

/** Copies reviewers' annotations into the gold layer; spans gold already has are skipped. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const articleId = await readId(context, 'article');
  const { annotationIds } = await readJson(request, acceptBody);
  return Response.json({ created: await acceptIntoGold(db, viewer, articleId, annotationIds) });
});
