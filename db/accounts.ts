import 'server-only';
import crypto from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { isValidUsername, USERNAME_RULE, usernameKey } from '../lib/accounts/username';
import { AppError } from '../lib/errors';
import type { Role } from '../lib/vocabulary';
import { requireAdmin, type Viewer } from './access';
import { getAuth, MIN_PASSWORD_LENGTH, placeholderEmail } from './auth';
import { revokeAllApiTokens } from './api-tokens';
import { nowIso } from './clock';
import type { Conn, Database } from './database';
import { reviewers, type Reviewer } from './schema';
import { clearFailedSignIns, recordFailedSignIn, secondsUntilNextAttempt } from './sign-in-throttle';
import { firstAdminReviewer } from './startup-data';


export interface ReviewerAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

function toAccount(row: Reviewer): ReviewerAccount {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, disabledAt: row.disabledAt, createdAt: row.createdAt };
}

/** Every person layer; the page that manages accounts and the assignment pickers read this. */
export async function listReviewerAccounts(db: Database, viewer: Viewer): Promise<ReviewerAccount[]> {
  requireAdmin(viewer);
  const rows = await db.read((conn) => conn.select().from(reviewers).where(eq(reviewers.kind, 'person')).orderBy(asc(reviewers.username)));
  return rows.map(toAccount);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('password_too_short', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

/**
 * Creates the Better Auth user (with its scrypt password hash) that a reviewer row signs in as.
 * Never inside a transaction: hashing is slow, and a transaction holds the connection throughout.
 */
async function createAuthUser(db: Database, username: string, displayName: string, password: string): Promise<string> {
  checkPassword(password);
  const context = await (await getAuth(db)).$context;
  const user = await context.internalAdapter.createUser({
    name: displayName,
    email: placeholderEmail(username),
    emailVerified: false,
    username,
    displayUsername: username,
  }, { method: 'admin' });
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await context.password.hash(password),
  });
  return user.id;
}

// Account creation awaits password hashing between its "is the name free?" check and its
// inserts; one at a time per process, so two requests for one name cannot both pass the check.
let accountCreation: Promise<unknown> = Promise.resolve();

export async function createReviewerAccount(db: Database, viewer: Viewer, draft: NewAccount): Promise<ReviewerAccount> {
  requireAdmin(viewer);
  const created = accountCreation.then(() => createReviewerAccountNow(db, draft));
  accountCreation = created.catch(() => undefined);
  return created;
}

function usernameTaken(username: string): AppError {
  return new AppError('username_taken', `There is already a reviewer called ${username}.`);
}

async function isUsernameTaken(db: Database, username: string): Promise<boolean> {
  const [row] = await db.read((conn) => conn.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.username, username)).limit(1));
  return row !== undefined;
}

async function createReviewerAccountNow(db: Database, draft: NewAccount): Promise<ReviewerAccount> {
  const username = usernameKey(draft.username);
  if (!isValidUsername(username)) throw new AppError('username_invalid', USERNAME_RULE);
  if (await isUsernameTaken(db, username)) throw usernameTaken(username);
  let authUserId: string;
  try {
    authUserId = await createAuthUser(db, username, draft.displayName.trim() || username, draft.password);
  } catch (error) {
    // Another server process on the same database may have taken the name meanwhile: the
    // unique index refuses the second, which is a 409 like any taken name, not a crash.
    if (isUniqueViolation(error) || (await isUsernameTaken(db, username))) throw usernameTaken(username);
    throw error;
  }
  const [row] = await db.write((tx) =>
    tx
      .insert(reviewers)
      .values({ username, displayName: draft.displayName.trim() || username, role: draft.role, authUserId, createdAt: nowIso() })
      .returning(),
  );
  return toAccount(row!);
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    // SQLite's constraint codes, PostgreSQL's unique_violation.
    if (typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || code === '23505')) return true;
  }
  return false;
}

async function personAccount(conn: Conn, id: number): Promise<Reviewer> {
  const [row] = await conn.select().from(reviewers).where(and(eq(reviewers.id, id), eq(reviewers.kind, 'person'))).limit(1);
  if (!row) throw new AppError('reviewer_not_found', `There is no reviewer ${id}.`);
  return row;
}

/** Disabling ends the account's sessions and revokes its API tokens at once; its layer and history stay. */
export async function setReviewerDisabled(db: Database, viewer: Viewer, reviewerId: number, disabled: boolean): Promise<ReviewerAccount> {
  requireAdmin(viewer);
  const { target, row } = await db.write(async (tx) => {
    const target = await personAccount(tx, reviewerId);
    if (target.id === viewer.id && disabled) throw new AppError('cannot_disable_self', 'You cannot disable your own account.');
    if (disabled) await revokeAllApiTokens(tx, target.id);
    const [row] = await tx
      .update(reviewers)
      .set({ disabledAt: disabled ? nowIso() : null })
      .where(eq(reviewers.id, target.id))
      .returning();
    return { target, row: row! };
  });
  // After the commit: Better Auth's own queries take the connection in turn (db/auth.ts).
  if (disabled && target.authUserId) await (await (await getAuth(db)).$context).internalAdapter.deleteUserSessions(target.authUserId);
  return toAccount(row);
}

export async function resetReviewerPassword(db: Database, viewer: Viewer, reviewerId: number, password: string): Promise<void> {
  requireAdmin(viewer);
  checkPassword(password);
  // A new password means whoever knew the old one loses access: their API tokens too.
  const target = await db.write(async (tx) => {
    const target = await personAccount(tx, reviewerId);
    await revokeAllApiTokens(tx, target.id);
    return target;
  });
  const context = await (await getAuth(db)).$context;
  if (!target.authUserId) {
    const authUserId = await createAuthUser(db, target.username, target.displayName, password);
    await db.write((tx) => tx.update(reviewers).set({ authUserId }).where(eq(reviewers.id, target.id)));
    return;
  }
  await context.internalAdapter.updatePassword(target.authUserId, await context.password.hash(password));
  await context.internalAdapter.deleteUserSessions(target.authUserId);
}

/**
 * Signs in and sets the session cookie (Better Auth's next-cookies plugin writes it to the
 * response of the server action). Every failure says the same thing, so the message does
 * not reveal which usernames exist or are disabled, and each one lengthens the wait.
 */
export async function signInWithPassword(db: Database, username: string, password: string, headers: Headers): Promise<void> {
  const name = usernameKey(username);
  const wait = await secondsUntilNextAttempt(db, name);
  if (wait > 0) {
    throw new AppError('sign_in_throttled', `Too many failed sign-ins for this username. Try again in ${wait} second${wait === 1 ? '' : 's'}.`);
  }
  const failed = async () => {
    await recordFailedSignIn(db, name);
    return new AppError('sign_in_failed', 'That username and password do not match an active account.');
  };
  const [reviewer] = await db.read((conn) =>
    conn.select().from(reviewers).where(and(eq(reviewers.username, name), eq(reviewers.kind, 'person'), isNull(reviewers.disabledAt))).limit(1),
  );
  if (!reviewer?.authUserId) throw await failed();
  try {
    await (await getAuth(db)).api.signInUsername({ body: { username: name, password }, headers });
  } catch (error) {
    // A wrong password is an APIError with a 4xx status; anything else is a real fault.
    if (isAPIError(error) && error.statusCode >= 400 && error.statusCode < 500) throw await failed();
    throw error;
  }
  await clearFailedSignIns(db, name);
}

export async function signOut(db: Database, headers: Headers): Promise<void> {
  await (await getAuth(db)).api.signOut({ headers });
}

/**
 * Gives the first admin a password on first start: ADMIN_PASSWORD when set, otherwise a
 * generated one, returned so the server can print it once. Returns null when the admin
 * can already sign in.
 */
export async function ensureAdminCanSignIn(db: Database): Promise<{ username: string; generatedPassword: string | null } | null> {
  const admin = await firstAdminReviewer(db);
  if (admin.authUserId) return null;
  const fromEnvironment = process.env.ADMIN_PASSWORD;
  const password = fromEnvironment || crypto.randomBytes(12).toString('base64url');
  const authUserId = await createAuthUser(db, admin.username, admin.displayName, password);
  await db.write((tx) => tx.update(reviewers).set({ authUserId }).where(eq(reviewers.id, admin.id)));
  return { username: admin.username, generatedPassword: fromEnvironment ? null : password };
}
