import { handle, readId, readJson, validate, type IdContext } from '@/app/_server/http';
import { updateAnnotationBody, versionQuery } from '@/app/_server/schemas';
import { deleteAnnotation, getAnnotation, updateAnnotation } from '@/db/annotations';

export const GET = handle(async (_request, context: IdContext, viewer) => {
  return Response.json({ annotation: getAnnotation(viewer, await readId(context, 'annotation')) });
});

export const PATCH = handle(async (request, context: IdContext, viewer) => {
  const id = await readId(context, 'annotation');
  const { version, ...patch } = await readJson(request, updateAnnotationBody);
  const annotation = updateAnnotation(viewer, id, { ...patch, expectedVersion: version });
  return Response.json({ annotation });
});

export const DELETE = handle(async (request, context: IdContext, viewer) => {
  const id = await readId(context, 'annotation');
  const { version } = validate(versionQuery, Object.fromEntries(new URL(request.url).searchParams));
  deleteAnnotation(viewer, id, version);
  return new Response(null, { status: 204 });
});
