import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Viewer } from '@/db/access';
import { appDatabase } from '@/db/client';
import type { Database } from '@/db/database';
import { viewerFromHeaders } from '@/db/viewer';
import { AppError } from '@/lib/errors';

/**
 * For pages: the signed-in viewer, or a redirect to the sign-in page that comes back to
 * `returnTo` afterwards. Each page calls this itself; the proxy's redirect is only a shortcut.
 */
export async function pageViewer(returnTo: string): Promise<Viewer> {
  const viewer = await viewerOfThisRender();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** For pages that render for everyone (the layout): the viewer when there is one. */
export async function optionalViewer(): Promise<Viewer | null> {
  return viewerOfThisRender();
}

/** The layout and the page of one render share one session lookup. */
const viewerOfThisRender = cache(async (): Promise<Viewer | null> => viewerFromHeaders(appDatabase(), await headers()));

/** For API routes: the viewer from the session cookie or a personal API token, else a 401. */
export async function apiViewer(db: Database, request: Request): Promise<Viewer> {
  const viewer = await viewerFromHeaders(db, request.headers);
  if (!viewer) {
    throw new AppError('not_signed_in', 'Sign in first, or send a personal API token as "Authorization: Bearer <token>".');
  }
  return viewer;
}

/** For admin pages: the admin viewer, or null for a signed-in reviewer (the page then shows OnlyForAdmins). */
export async function adminPageViewer(returnTo: string): Promise<Viewer | null> {
  const viewer = await pageViewer(returnTo);
  return viewer.role === 'admin' ? viewer : null;
}
