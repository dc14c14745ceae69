import { handle, readId, readJson, validate, type IdContext } from '@/app/_server/http';
import { createAnnotationBody, layerQuery } from '@/app/_server/schemas';
import { createAnnotationQueued, listAnnotations } from '@/db/annotations';

export const GET = handle(async (request, context: IdContext, viewer, db) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ annotations: await listAnnotations(db, viewer, await readId(context, 'article'), layer) });
});

export const POST = handle(async (request, context: IdContext, viewer, db) => {
  const articleId = await readId(context, 'article');
  const { layerId, ...draft } = await readJson(request, createAnnotationBody);
  // `Prefer: respond-async` (RFC 7240): answer once the span is durable and read a figure or
  // claim afterwards (readingPending); without it the answer waits for the reading, as it always did.
  const readingAfter = /(^|[\s,;])respond-async\b/i.test(request.headers.get('prefer') ?? '');
  const annotation = await createAnnotationQueued(db, viewer, articleId, draft, layerId, { reading: readingAfter ? 'after' : 'before' });
  const headers: Record<string, string> = { Location: `/api/annotations/${annotation.id}` };
  if (readingAfter) headers['Preference-Applied'] = 'respond-async';
  return Response.json({ annotation }, { status: 201, headers });
});
