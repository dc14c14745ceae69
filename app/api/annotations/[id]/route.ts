import { handle, readId, readJson, validate, type IdContext } from '@/app/_server/http';
import { annotationGetQuery, updateAnnotationBody, versionQuery } from '@/app/_server/schemas';
import { deleteAnnotation, getAnnotation, updateAnnotation } from '@/db/annotations';
import { readingSettled } from '@/db/readings';

// How long `?wait=reading` holds the answer for a reading still queued behind other writes.
const READING_WAIT_MS = 10_000;

export const GET = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'annotation');
  const annotation = await getAnnotation(db, viewer, id);
  const { wait } = validate(annotationGetQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (wait !== 'reading' || !annotation.readingPending) return Response.json({ annotation });
  await readingSettled(db, id, READING_WAIT_MS);
  return Response.json({ annotation: await getAnnotation(db, viewer, id) });
});

export const PATCH = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'annotation');
  const { version, ...patch } = await readJson(request, updateAnnotationBody);
  const annotation = await updateAnnotation(db, viewer, id, { ...patch, expectedVersion: version });
  return Response.json({ annotation });
});

export const DELETE = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'annotation');
  const { version } = validate(versionQuery, Object.fromEntries(new URL(request.url).searchParams));
  await deleteAnnotation(db, viewer, id, version);
  return new Response(null, { status: 204 });
});
