import { z } from 'zod';
import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { settleComparison } from '@/db/curation';

const settleBody = z.strictObject({
  comparisonId: z.int('must be a whole number').positive('must be a positive id'),
  settlement: z.enum(['accept', 'drop'], { error: 'settlement must be accept or drop' }),
});

/** Settles a reviewer's comparison partly in gold: accept its other figures and carry it, or drop it. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const articleId = await readId(context, 'article');
  const { comparisonId, settlement } = await readJson(request, settleBody);
  return Response.json({ goldComparisonId: await settleComparison(db, viewer, articleId, comparisonId, settlement) });
});
