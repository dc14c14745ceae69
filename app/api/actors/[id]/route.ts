import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateActorBody } from '@/app/_server/schemas';
import { getActorProfile, updateActor } from '@/db/actors';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(async (_request, context: IdContext) => {
  return Response.json({ actor: getActorProfile(await readId(context, 'actor')) });
});

export const PATCH = handle(async (request, context: IdContext) => {
  const id = await readId(context, 'actor');
  const { version, ...patch } = await readJson(request, updateActorBody);
  return Response.json({ actor: updateActor(id, { ...patch, expectedVersion: version }, currentReviewer().id) });
});
