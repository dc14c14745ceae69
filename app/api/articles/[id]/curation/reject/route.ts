import { z } from 'zod';
import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { rejectCluster, reopenCluster } from '@/db/curation';

const offset = z.int('must be a whole number').nonnegative('must not be negative');

/** A cluster is named by the stretch it covers, as the curation view reports it. */
const clusterBody = z
  .strictObject({ start: offset, end: offset })
  .refine((range) => range.start < range.end, { message: 'start must be before end', path: ['end'] });

/** Settles a disagreement without gold. */
export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const articleId = await readId(context, 'article');
  const { start, end } = await readJson(request, clusterBody);
  await rejectCluster(db, viewer, articleId, start, end);
  return Response.json({ rejected: { start, end } });
});

/** Takes a rejection back, so the cluster is open again. */
export const DELETE = handle(async (request, context: IdContext, viewer, db) => {
  const articleId = await readId(context, 'article');
  const { start, end } = await readJson(request, clusterBody);
  await reopenCluster(db, viewer, articleId, start, end);
  return Response.json({ reopened: { start, end } });
});
