import { NextResponse, type NextRequest } from 'next/server';
import { safeReturnPath } from './lib/navigation/return-path';

/*
 * A shortcut only: pages without a session cookie go straight to sign-in, keeping where
 * the reviewer wanted to go. The real checks run in every page and API route (see
 * app/_server/session.ts), because a cookie that is present may still be expired or revoked.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?crosscheck\.session_token=/;

export function proxy(request: NextRequest) {
  if (SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('next', safeReturnPath(request.nextUrl.pathname + request.nextUrl.search));
  return NextResponse.redirect(signIn);
}

export const config = {
  // API routes answer 401 themselves; sign-in and static files need no session.
  matcher: ['/((?!api/|sign-in|_next/|icon.svg|favicon.ico).*)'],
};
