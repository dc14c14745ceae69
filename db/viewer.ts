import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Viewer } from './access';
import { looksLikeApiToken, viewerForApiToken } from './api-tokens';
import { getAuth } from './auth';
import type { Database } from './database';
import { reviewers, type Reviewer } from './schema';

function toViewer(row: Reviewer): Viewer {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

const activePerson = and(eq(reviewers.kind, 'person'), isNull(reviewers.disabledAt));

/**
 * Who sent these request headers: a personal API token (`Authorization: Bearer cc_…`)
 * or a Better Auth session cookie. A disabled account is nobody, whatever it presents.
 */
export async function viewerFromHeaders(db: Database, headers: Headers): Promise<Viewer | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    if (!looksLikeApiToken(bearer)) return null;
    return viewerForApiToken(db, bearer);
  }
  const session = await (await getAuth(db)).api.getSession({ headers });
  if (!session) return null;
  const [row] = await db.read((conn) => conn.select().from(reviewers).where(and(eq(reviewers.authUserId, session.user.id), activePerson)).limit(1));
  return row ? toViewer(row) : null;
}
