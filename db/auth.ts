import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { username } from 'better-auth/plugins/username';
import { getDb, databasePath, type Db } from './client';
import { authAccounts, authSessions, authUsers, authVerifications } from './schema';
import { readAuthSecret } from './auth-secret';

export const SESSION_LIFETIME_SECONDS = 60 * 60 * 24 * 7;
export const MIN_PASSWORD_LENGTH = 10;

/*
 * Better Auth does the security-sensitive parts: scrypt password hashes, server-side
 * sessions in auth_sessions, and an httpOnly, SameSite=Lax session cookie. Its HTTP
 * endpoints are not mounted: the app calls `auth.api` from its own sign-in action, so
 * there is no open sign-up route and every rule stays in this codebase.
 */
function createAuth(db: Db) {
  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return betterAuth({
    appName: 'Crosscheck',
    baseURL,
    secret: readAuthSecret(db, databasePath()),
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: { user: authUsers, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256 },
    session: { expiresIn: SESSION_LIFETIME_SECONDS, updateAge: 60 * 60 * 24 },
    // Failed sign-ins are slowed per username in db/sign-in-throttle.ts instead: Better
    // Auth's limiter keys on client IP, which a server without a proxy does not have.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { cookiePrefix: 'crosscheck', useSecureCookies: baseURL.startsWith('https://') },
    plugins: [username(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const registry = globalThis as typeof globalThis & { crosscheckAuth?: { path: string; auth: Auth } };

/** The Better Auth instance for the app's database (one per database file, like the connection). */
export function getAuth(): Auth {
  const file = databasePath();
  if (registry.crosscheckAuth?.path !== file) registry.crosscheckAuth = { path: file, auth: createAuth(getDb()) };
  return registry.crosscheckAuth.auth;
}

/** Reviewers sign in with a username; Better Auth also wants an email, so each gets one that can never receive mail. */
export function placeholderEmail(name: string): string {
  return `${name}@reviewers.crosscheck.invalid`;
}
