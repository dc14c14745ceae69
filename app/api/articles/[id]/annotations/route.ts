import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { createAnnotationBody } from '@/app/_server/schemas';
import { createAnnotation, listAnnotations } from '@/db/annotations';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(async (_request, context: IdContext) => {
  return Response.json({ annotations: listAnnotations(await readId(context, 'article')) });
});

export const POST = handle(async (request, context: IdContext) => {
  const articleId = await readId(context, 'article');
  const draft = await readJson(request, createAnnotationBody);
  const annotation = createAnnotation(articleId, draft, currentReviewer().id);
  return Response.json({ annotation }, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
