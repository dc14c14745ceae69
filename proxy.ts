import { NextResponse, type NextRequest } from 'next/server';
import { safeReturnPath } from './lib/navigation/return-path';

/*
 * Two jobs before any page runs:
 * - a server-action post whose body cannot be read (a broken multipart body, text that is
 *   not JSON) is answered 400 here: Next would otherwise fail deep inside the action
 *   machinery and answer 500;
 * - a shortcut only: pages without a session cookie go straight to sign-in, keeping where
 *   the reviewer wanted to go. The real checks run in every page and API route (see
 *   app/_server/session.ts), because a cookie that is present may still be expired or revoked.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?crosscheck\.session_token=/;
/** Action bodies (a form's fields) are small; larger ones are left to Next's own limit. */
const CHECKED_ACTION_BYTES = 1024 * 1024;

export async function proxy(request: NextRequest) {
  if (request.method === 'POST' && request.headers.has('next-action') && !(await actionBodyReadable(request))) {
    return NextResponse.json({ error: { code: 'invalid_request', message: 'The form could not be read. Reload the page and try again.' } }, { status: 400 });
  }
  if (request.nextUrl.pathname === '/sign-in' || request.nextUrl.pathname.startsWith('/sign-in/')) return NextResponse.next();
  if (SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('next', safeReturnPath(request.nextUrl.pathname + request.nextUrl.search));
  return NextResponse.redirect(signIn);
}

/** React sends action arguments as JSON text or as form data; anything else, or either one broken, is unreadable. */
async function actionBodyReadable(request: NextRequest): Promise<boolean> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(declared) || declared > CHECKED_ACTION_BYTES) return true;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      await request.clone().formData();
      return true;
    }
    if (type.startsWith('text/plain')) {
      JSON.parse(await request.clone().text());
      return true;
    }
    return false;
  } catch {
    return false;
  }
}

export const config = {
  // API routes answer 401 themselves and read their own bodies; static files need no session.
  matcher: ['/((?!api/|_next/|icon.svg|favicon.ico).*)'],
};
