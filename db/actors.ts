import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { cleanName, nameKey, normaliseAliases } from '../lib/actors/names';
import { AppError } from '../lib/errors';
import { annotationVisibilityCondition, isAdmin, type Viewer } from './access';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import { ACTOR_KINDS, actorAliases, actors, annotations, articles, claimDetails, figureDetails, type Actor } from './schema';

export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface ActorRef {
  id: number;
  canonicalName: string;
}

export interface ActorSummary extends Omit<Actor, 'nameKey'> {
  aliases: string[];
  mentionCount: number;
  claimCount: number;
  figureCount: number;
}

export interface ActorSpanRef {
  annotationId: number;
  articleId: number;
  articleTitle: string;
  label: 'claim' | 'actor' | 'figure';
  quote: string;
  start: number;
}

export interface ActorProfile extends ActorSummary {
  mentions: ActorSpanRef[];
  claims: ActorSpanRef[];
  figures: ActorSpanRef[];
}

export interface ActorDraft {
  canonicalName: string;
  kind?: ActorKind;
  aliases?: string[];
}

export interface ActorPatch {
  canonicalName?: string;
  kind?: ActorKind;
  aliases?: string[];
  expectedVersion?: number;
}

/** The actor a name or one of its aliases belongs to, if any. */
export async function findActorIdByName(conn: Conn, name: string): Promise<number | null> {
  const key = nameKey(name);
  if (!key) return null;
  const [direct] = await conn.select({ id: actors.id }).from(actors).where(eq(actors.nameKey, key)).limit(1);
  if (direct) return direct.id;
  const [alias] = await conn.select({ id: actorAliases.actorId }).from(actorAliases).where(eq(actorAliases.aliasKey, key)).limit(1);
  return alias?.id ?? null;
}

/** Tagging a name links to the actor already known by it; a new name becomes a new actor. */
export async function ensureActor(tx: Tx, name: string, reviewerId: number): Promise<number> {
  return (await findActorIdByName(tx, name)) ?? (await insertActor(tx, { canonicalName: name }, reviewerId)).id;
}

/**
 * A referenced actor must exist and be one the viewer may see: a body naming an unknown or
 * hidden one is refused (422, the same answer for both), not a missing page (404). Otherwise
 * linking a guessed id would reveal the actor and make it visible through the new link.
 */
export async function requireActorRef(conn: Conn, viewer: Viewer, id: number, role: string): Promise<ActorRef> {
  const [actor] = await conn
    .select({ id: actors.id, canonicalName: actors.canonicalName, createdBy: actors.createdBy })
    .from(actors)
    .where(eq(actors.id, id))
    .limit(1);
  if (!actor || !(await actorVisibleTo(conn, viewer, actor))) throw new AppError('actor_unknown', `There is no actor ${id} to use as ${role}.`, { actorId: id });
  return { id: actor.id, canonicalName: actor.canonicalName };
}

/**
 * Whether the viewer may see an actor: admins see all; a reviewer sees the actors they
 * created and those linked from a span they may see (the rule listActors applies to a list).
 */
async function actorVisibleTo(conn: Conn, viewer: Viewer, actor: Pick<Actor, 'id' | 'createdBy'>): Promise<boolean> {
  if (isAdmin(viewer) || actor.createdBy === viewer.id) return true;
  for (const link of Object.keys(LINKS) as (keyof typeof LINKS)[]) {
    const { label, actorColumn } = LINKS[link];
    const [linked] = await conn
      .select({ id: annotations.id })
      .from(annotations)
      .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
      .leftJoin(claimDetails, eq(claimDetails.annotationId, annotations.id))
      .leftJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
      .where(and(eq(actorColumn, actor.id), eq(annotations.label, label), isNull(annotations.deletedAt), annotationVisibilityCondition(viewer)))
      .limit(1);
    if (linked !== undefined) return true;
  }
  return false;
}

/** The actor row if the viewer may see it; a 404 like an unknown id otherwise, checked before anything else. */
async function requireVisibleActor(conn: Conn, viewer: Viewer, id: number): Promise<Actor> {
  const [actor] = await conn.select().from(actors).where(eq(actors.id, id)).limit(1);
  if (!actor || !(await actorVisibleTo(conn, viewer, actor))) throw new AppError('actor_not_found', `There is no actor ${id}.`);
  return actor;
}

// The three ways a span links to an actor: an actor mention, a claim's claimant, a figure's source.
const LINKS = {
  mentions: { label: 'actor', actorColumn: annotations.actorId },
  claims: { label: 'claim', actorColumn: claimDetails.claimantActorId },
  figures: { label: 'figure', actorColumn: figureDetails.sourceActorId },
} as const;

/**
 * The actors with their link counts. With a viewer, counts cover only the spans that viewer
 * may see, and a reviewer is shown only actors linked from such a span or created by them:
 * in blind mode the actor list must not tell them what colleagues tagged.
 */
export async function listActors(db: Database, viewer?: Viewer, layerId?: number): Promise<ActorSummary[]> {
  return db.read((conn) => actorSummaries(conn, viewer, layerId));
}

async function actorSummaries(conn: Conn, viewer?: Viewer, layerId?: number): Promise<ActorSummary[]> {
  const rows = await conn.select().from(actors).orderBy(asc(sql`lower(${actors.canonicalName})`));
  const aliases = await aliasesByActor(conn, rows.map((row) => row.id));
  const mentions = await countLinks(conn, 'mentions', viewer, layerId);
  const claims = await countLinks(conn, 'claims', viewer, layerId);
  const figures = await countLinks(conn, 'figures', viewer, layerId);
  const linked = (id: number) => mentions.has(id) || claims.has(id) || figures.has(id);
  // Within one layer (the reader's), an actor belongs to the list when that layer links it or the viewer made it.
  const shown = (actor: (typeof rows)[number]) =>
    layerId !== undefined
      ? linked(actor.id) || actor.createdBy === viewer?.id
      : !viewer || isAdmin(viewer) || actor.createdBy === viewer.id || linked(actor.id);
  return rows.filter(shown).map(({ nameKey: _key, ...actor }) => ({
    ...actor,
    aliases: aliases.get(actor.id) ?? [],
    mentionCount: mentions.get(actor.id) ?? 0,
    claimCount: claims.get(actor.id) ?? 0,
    figureCount: figures.get(actor.id) ?? 0,
  }));
}

export async function getActorProfile(db: Database, viewer: Viewer, id: number): Promise<ActorProfile> {
  return db.read(async (conn) => {
    const summary = (await actorSummaries(conn, viewer)).find((actor) => actor.id === id);
    if (!summary) throw new AppError('actor_not_found', `There is no actor ${id}.`);
    const spans = (link: keyof typeof LINKS) =>
      conn
        .select({
          annotationId: annotations.id,
          articleId: annotations.articleId,
          articleTitle: articles.title,
          label: annotations.label,
          quote: annotations.quote,
          start: annotations.start,
        })
        .from(annotations)
        .innerJoin(articles, and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt)))
        .leftJoin(claimDetails, eq(claimDetails.annotationId, annotations.id))
        .leftJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(
          and(
            eq(LINKS[link].actorColumn, id),
            eq(annotations.label, LINKS[link].label),
            isNull(annotations.deletedAt),
            annotationVisibilityCondition(viewer),
          ),
        )
        .orderBy(asc(annotations.articleId), asc(annotations.start));
    return { ...summary, mentions: await spans('mentions'), claims: await spans('claims'), figures: await spans('figures') };
  });
}

/** Any signed-in viewer may add an actor; it is theirs to see from then on. */
export async function createActor(db: Database, viewer: Viewer, draft: ActorDraft): Promise<ActorSummary> {
  const reviewerId = viewer.id;
  return db.write(async (tx) => {
    if ((await findActorIdByName(tx, draft.canonicalName)) !== null) throw nameTaken(draft.canonicalName);
    const actor = await insertActor(tx, draft, reviewerId);
    await setAliases(tx, actor.id, draft.aliases ?? []);
    return (await actorSummaries(tx, viewer)).find((summary) => summary.id === actor.id)!;
  });
}

/** Changes an actor the viewer may see; a hidden one is a 404 before its version or the patch is looked at. */
export async function updateActor(db: Database, viewer: Viewer, id: number, patch: ActorPatch): Promise<ActorSummary> {
  const reviewerId = viewer.id;
  return db.write(async (tx) => {
    const before = await requireVisibleActor(tx, viewer, id);
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== before.version) {
      throw new AppError('version_conflict', `Actor ${id} was changed elsewhere. Reload to see the latest.`, {
        currentVersion: before.version,
      });
    }
    const beforeAliases = (await aliasesByActor(tx, [id])).get(id) ?? [];
    const changes: Partial<Actor> = {};
    if (patch.canonicalName !== undefined && cleanName(patch.canonicalName) !== before.canonicalName) {
      const name = cleanName(patch.canonicalName);
      if (!nameKey(name)) throw new AppError('actor_name_blank', 'An actor needs a name.');
      const holder = await findActorIdByName(tx, name);
      if (holder !== null && holder !== id) throw nameTaken(name);
      changes.canonicalName = name;
      changes.nameKey = nameKey(name);
    }
    if (patch.kind !== undefined && patch.kind !== before.kind) changes.kind = patch.kind;
    const aliasesChanged = patch.aliases !== undefined && JSON.stringify(normaliseAliases(patch.aliases)) !== JSON.stringify(beforeAliases);
    if (Object.keys(changes).length > 0 || aliasesChanged) {
      const at = nowIso();
      const [after] = await tx
        .update(actors)
        .set({ ...changes, version: before.version + 1, updatedAt: at })
        .where(eq(actors.id, id))
        .returning();
      if (aliasesChanged) await setAliases(tx, id, patch.aliases!);
      await logChange(tx, {
        entityType: 'actor',
        entityId: id,
        articleId: null,
        reviewerId,
        action: 'update',
        before: { ...before, aliases: beforeAliases },
        after: { ...after, aliases: (await aliasesByActor(tx, [id])).get(id) ?? [] },
        at,
      });
    }
    return (await actorSummaries(tx, viewer)).find((actor) => actor.id === id)!;
  });
}

async function insertActor(tx: Tx, draft: ActorDraft, reviewerId: number): Promise<Actor> {
  const name = cleanName(draft.canonicalName);
  if (!nameKey(name)) throw new AppError('actor_name_blank', 'An actor needs a name.');
  const at = nowIso();
  const [actor] = await tx
    .insert(actors)
    .values({ canonicalName: name, nameKey: nameKey(name), kind: draft.kind ?? 'other', createdBy: reviewerId, createdAt: at, updatedAt: at })
    .returning();
  await logChange(tx, { entityType: 'actor', entityId: actor!.id, articleId: null, reviewerId, action: 'create', before: null, after: actor, at });
  return actor!;
}

async function setAliases(tx: Tx, actorId: number, aliases: string[]): Promise<void> {
  await tx.delete(actorAliases).where(eq(actorAliases.actorId, actorId));
  for (const alias of normaliseAliases(aliases)) {
    const key = nameKey(alias);
    const holder = await findActorIdByName(tx, alias);
    if (holder !== null && holder !== actorId) throw nameTaken(alias);
    const [own] = await tx.select({ key: actors.nameKey }).from(actors).where(eq(actors.id, actorId)).limit(1);
    if (key === own?.key) continue;
    await tx.insert(actorAliases).values({ actorId, alias, aliasKey: key });
  }
}

async function aliasesByActor(conn: Conn, ids: number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (ids.length === 0) return result;
  // Past a few hundred ids, reading every alias is cheaper than a huge IN list (and stays under SQLite's variable limit).
  const rows = await conn
    .select()
    .from(actorAliases)
    .where(ids.length > 500 ? undefined : inArray(actorAliases.actorId, ids))
    .orderBy(asc(actorAliases.alias));
  for (const row of rows) result.set(row.actorId, [...(result.get(row.actorId) ?? []), row.alias]);
  return result;
}

/**
 * How many live spans on live articles link to each actor, by each of the three links,
 * counting only spans the viewer may see (all of them when no viewer is given: exports, CLIs).
 */
async function countLinks(conn: Conn, link: keyof typeof LINKS, viewer: Viewer | undefined, layerId?: number): Promise<Map<number, number>> {
  const live = and(
    isNull(annotations.deletedAt),
    viewer ? annotationVisibilityCondition(viewer) : undefined,
    layerId === undefined ? undefined : eq(annotations.reviewerId, layerId),
  );
  const onLiveArticle = and(eq(articles.id, annotations.articleId), isNull(articles.deletedAt));
  const { label, actorColumn } = LINKS[link];
  const rows = await conn
    .select({ actorId: actorColumn, n: count() })
    .from(annotations)
    .innerJoin(articles, onLiveArticle)
    .leftJoin(claimDetails, eq(claimDetails.annotationId, annotations.id))
    .leftJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
    .where(and(live, eq(annotations.label, label), isNotNull(actorColumn)))
    .groupBy(actorColumn);
  return new Map(rows.flatMap((row) => (row.actorId === null ? [] : [[row.actorId, row.n] as const])));
}

function nameTaken(name: string): AppError {
  return new AppError('actor_name_taken', `Another actor is already called “${cleanName(name)}” (as its name or an alias).`);
}
