import { handle, readId, readJson, validate, type IdContext } from '@/app/_server/http';
import { createAnnotationBody, layerQuery } from '@/app/_server/schemas';
import { createAnnotation, listAnnotations } from '@/db/annotations';

export const GET = handle(async (request, context: IdContext, viewer) => {
  const { layer } = validate(layerQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ annotations: listAnnotations(viewer, await readId(context, 'article'), layer) });
});

export const POST = handle(async (request, context: IdContext, viewer) => {
  const articleId = await readId(context, 'article');
  const { layerId, ...draft } = await readJson(request, createAnnotationBody);
  const annotation = createAnnotation(viewer, articleId, draft, layerId);
  return Response.json({ annotation }, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
