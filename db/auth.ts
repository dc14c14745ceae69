import 'server-only';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { username } from 'better-auth/plugins/username';
import { databasePath } from './client';
import type { Database } from './database';
import type { SqliteDatabase } from './sqlite-database';
import { authAccounts, authSessions, authUsers, authVerifications } from './schema';
import { readAuthSecret } from './auth-secret';

export const SESSION_LIFETIME_SECONDS = 60 * 60 * 24 * 7;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Better Auth's adapter builds and runs its own queries on the bare handle. Each of its calls
 * runs inside `db.read`, so it takes the connection lock like every other query: otherwise it
 * could run inside another request's open transaction on the one SQLite connection (and be
 * committed or rolled back with it). A call made from inside a read or write of the same flow
 * joins it. The adapter object is changed in place, so whatever Better Auth registered against
 * it (its schema check) still finds it.
 */
function lockedAdapter<Adapter extends object>(adapter: Adapter, db: Database): Adapter {
  const methods = adapter as Record<string, unknown>;
  for (const key of Object.keys(methods)) {
    const method = methods[key];
    if (typeof method !== 'function') continue;
    methods[key] = (...args: unknown[]) => db.read(async () => (method as (...a: unknown[]) => unknown).apply(adapter, args));
  }
  return adapter;
}

/** Where the signing secret's file goes: beside the SQLite file, or beside the configured path for other engines. */
function secretBeside(db: Database): string {
  return db.engine === 'sqlite' ? (db as SqliteDatabase).file : databasePath();
}

/*
 * Better Auth does the security-sensitive parts: scrypt password hashes, server-side
 * sessions in auth_sessions, and an httpOnly, SameSite=Lax session cookie. Its HTTP
 * endpoints are not mounted: the app calls `auth.api` from its own sign-in action, so
 * there is no open sign-up route and every rule stays in this codebase.
 */
async function createAuth(db: Database) {
  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const secret = await db.write((tx) => readAuthSecret(tx, secretBeside(db)));
  const adapter = drizzleAdapter(db.conn, {
    provider: db.engine === 'postgres' ? 'pg' : 'sqlite',
    schema: { user: authUsers, session: authSessions, account: authAccounts, verification: authVerifications },
  });
  return betterAuth({
    appName: 'Crosscheck',
    baseURL,
    secret,
    database: (options: BetterAuthOptions) => lockedAdapter(adapter(options), db),
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

export type Auth = Awaited<ReturnType<typeof createAuth>>;

// Next may evaluate this module more than once per process: the instances live beside the connection's registry.
const registry = globalThis as typeof globalThis & { crosscheckAuth?: WeakMap<Database, Promise<Auth>> };

/** The Better Auth instance for a database (one per database object, like its connection). */
export async function getAuth(db: Database): Promise<Auth> {
  const instances = (registry.crosscheckAuth ??= new WeakMap());
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
    // A failed start (the secret's file unwritable) is tried again on the next call.
    auth.catch(() => instances.delete(db));
  }
  return auth;
}

/** Reviewers sign in with a username; Better Auth also wants an email, so each gets one that can never receive mail. */
export function placeholderEmail(name: string): string {
  return `${name}@reviewers.crosscheck.invalid`;
}
