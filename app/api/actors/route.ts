import { handle, readJson } from '@/app/_server/http';
import { createActorBody } from '@/app/_server/schemas';
import { createActor, listActors } from '@/db/actors';

export const GET = handle(async (_request, _context, viewer, db) => Response.json({ actors: await listActors(db, viewer) }));

export const POST = handle(async (request, _context, viewer, db) => {
  const actor = await createActor(db, viewer, await readJson(request, createActorBody));
  return Response.json({ actor }, { status: 201, headers: { Location: `/api/actors/${actor.id}` } });
});
