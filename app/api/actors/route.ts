import { handle, readJson } from '@/app/_server/http';
import { createActorBody } from '@/app/_server/schemas';
import { createActor, listActors } from '@/db/actors';

export const GET = handle((_request, _context, viewer) => Response.json({ actors: listActors(viewer) }));

export const POST = handle(async (request, _context, viewer) => {
  const actor = createActor(viewer, await readJson(request, createActorBody));
  return Response.json({ actor }, { status: 201, headers: { Location: `/api/actors/${actor.id}` } });
});
