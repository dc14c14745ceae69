import { handle, readJson } from '@/app/_server/http';
import { createActorBody } from '@/app/_server/schemas';
import { createActor, listActors } from '@/db/actors';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(() => Response.json({ actors: listActors() }));

export const POST = handle(async (request) => {
  const actor = createActor(await readJson(request, createActorBody), currentReviewer().id);
  return Response.json({ actor }, { status: 201, headers: { Location: `/api/actors/${actor.id}` } });
});
