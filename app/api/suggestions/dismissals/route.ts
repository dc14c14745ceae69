import { handle, readJson } from '@/app/_server/http';
import { dismissSuggestionBody } from '@/app/_server/schemas';
import { dismissSuggestion } from '@/db/comparisons';
import { currentReviewer } from '@/db/reviewers';

export const POST = handle(async (request) => {
  const { annotationIds } = await readJson(request, dismissSuggestionBody);
  dismissSuggestion(annotationIds, currentReviewer().id);
  return new Response(null, { status: 204 });
});
