import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import type { Viewer } from './access';
import { nowIso } from './clock';
import type { Database, Tx } from './database';
import { preparedPerConnection } from './prepared';
import { apiTokens, reviewers } from './schema';

const TOKEN_PREFIX = 'cc_';
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenSummary {
  id: number;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

export async function listApiTokens(db: Database, viewer: Viewer): Promise<ApiTokenSummary[]> {
  return db.read((conn) =>
    conn
      .select({ id: apiTokens.id, name: apiTokens.name, hint: apiTokens.hint, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.reviewerId, viewer.id), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.id)),
  );
}

/** Creates a token for the viewer and returns it in full; this is the only time it is readable. */
export async function createApiToken(db: Database, viewer: Viewer, name: string): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const [row] = await db.write((tx) =>
    tx
      .insert(apiTokens)
      .values({ reviewerId: viewer.id, name: name.trim(), tokenHash: hashToken(token), hint: token.slice(-4), createdAt: nowIso() })
      .returning(),
  );
  return { token, summary: { id: row!.id, name: row!.name, hint: row!.hint, createdAt: row!.createdAt, lastUsedAt: null } };
}

/**
 * Revokes every live token of an account, for the admin actions that end its access
 * (disabling it, setting a new password): the caller has checked the admin. Revoked stays
 * revoked, so enabling the account again does not bring old tokens back.
 */
export async function revokeAllApiTokens(tx: Tx, reviewerId: number): Promise<void> {
  await tx
    .update(apiTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(apiTokens.reviewerId, reviewerId), isNull(apiTokens.revokedAt)));
}

export async function revokeApiToken(db: Database, viewer: Viewer, id: number): Promise<void> {
  const revoked = await db.write((tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: nowIso() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.reviewerId, viewer.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  );
  if (revoked.length === 0) throw new AppError('api_token_not_found', `There is no API token ${id}.`);
}

// Every API request with a token runs this: prepared once, one indexed lookup joined to its account.
const tokenViewerStatement = preparedPerConnection((conn) =>
  conn
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      id: reviewers.id,
      username: reviewers.username,
      displayName: reviewers.displayName,
      role: reviewers.role,
    })
    .from(apiTokens)
    .innerJoin(reviewers, eq(reviewers.id, apiTokens.reviewerId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt), isNull(reviewers.disabledAt), eq(reviewers.kind, 'person')))
    .limit(1)
    .prepare(),
);

/**
 * The account a live token belongs to, unless the token was revoked or the account disabled.
 * Looked up on every request, never cached, so a revocation takes effect on the next request.
 */
export async function viewerForApiToken(db: Database, token: string): Promise<Viewer | null> {
  const [row] = await db.read((conn) => tokenViewerStatement(conn).execute({ hash: hashToken(token) }));
  if (!row) return null;
  // "Last used" to the minute is enough, and spares a script's every request a write.
  if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    await db.write((tx) => tx.update(apiTokens).set({ lastUsedAt: nowIso() }).where(eq(apiTokens.id, row.tokenId)));
  }
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}
