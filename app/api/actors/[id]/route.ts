import { handle, readId, readJson, type IdContext } from '@/app/_server/http';
import { updateActorBody } from '@/app/_server/schemas';
import { getActorProfile, updateActor } from '@/db/actors';

export const GET = handle(async (_request, context: IdContext, viewer, db) => {
  return Response.json({ actor: await getActorProfile(db, viewer, await readId(context, 'actor')) });
});

export const PATCH = handle(async (request, context: IdContext, viewer, db) => {
  const id = await readId(context, 'actor');
  const { version, ...patch } = await readJson(request, updateActorBody);
  return Response.json({ actor: await updateActor(db, viewer, id, { ...patch, expectedVersion: version }) });
});
