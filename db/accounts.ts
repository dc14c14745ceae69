import crypto from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { isValidUsername, USERNAME_RULE, usernameKey } from '../lib/accounts/username';
import { AppError } from '../lib/errors';
import type { Role } from '../lib/vocabulary';
import { requireAdmin, type Viewer } from './access';
import { getAuth, MIN_PASSWORD_LENGTH, placeholderEmail } from './auth';
import { revokeAllApiTokens } from './api-tokens';
import { getDb, writeTransaction } from './client';
import { nowIso } from './clock';
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
export function listReviewerAccounts(viewer: Viewer): ReviewerAccount[] {
  requireAdmin(viewer);
  return getDb().select().from(reviewers).where(eq(reviewers.kind, 'person')).orderBy(asc(reviewers.username)).all().map(toAccount);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('password_too_short', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

/** Creates the Better Auth user (with its scrypt password hash) that a reviewer row signs in as. */
async function createAuthUser(username: string, displayName: string, password: string): Promise<string> {
  checkPassword(password);
  const context = await getAuth().$context;
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

export function createReviewerAccount(viewer: Viewer, draft: NewAccount): Promise<ReviewerAccount> {
  requireAdmin(viewer);
  const created = accountCreation.then(() => createReviewerAccountNow(draft));
  accountCreation = created.catch(() => undefined);
  return created;
}

function usernameTaken(username: string): AppError {
  return new AppError('username_taken', `There is already a reviewer called ${username}.`);
}

const isUsernameTaken = (username: string) => getDb().select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.username, username)).get() !== undefined;

async function createReviewerAccountNow(draft: NewAccount): Promise<ReviewerAccount> {
  const username = usernameKey(draft.username);
  if (!isValidUsername(username)) throw new AppError('username_invalid', USERNAME_RULE);
  if (isUsernameTaken(username)) throw usernameTaken(username);
  let authUserId: string;
  try {
    authUserId = await createAuthUser(username, draft.displayName.trim() || username, draft.password);
  } catch (error) {
    // Another server process on the same database may have taken the name meanwhile: the
    // unique index refuses the second, which is a 409 like any taken name, not a crash.
    if (isUniqueViolation(error) || isUsernameTaken(username)) throw usernameTaken(username);
    throw error;
  }
  const row = writeTransaction((tx) =>
    tx
      .insert(reviewers)
      .values({ username, displayName: draft.displayName.trim() || username, role: draft.role, authUserId, createdAt: nowIso() })
      .returning()
      .get(),
  );
  return toAccount(row);
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return true;
  }
  return false;
}

function personAccount(id: number): Reviewer {
  const row = getDb().select().from(reviewers).where(and(eq(reviewers.id, id), eq(reviewers.kind, 'person'))).get();
  if (!row) throw new AppError('reviewer_not_found', `There is no reviewer ${id}.`);
  return row;
}

/** Disabling ends the account's sessions and revokes its API tokens at once; its layer and history stay. */
export async function setReviewerDisabled(viewer: Viewer, reviewerId: number, disabled: boolean): Promise<ReviewerAccount> {
  requireAdmin(viewer);
  const target = personAccount(reviewerId);
  if (target.id === viewer.id && disabled) throw new AppError('cannot_disable_self', 'You cannot disable your own account.');
  const row = writeTransaction((tx) => {
    if (disabled) revokeAllApiTokens(tx, target.id);
    return tx
      .update(reviewers)
      .set({ disabledAt: disabled ? nowIso() : null })
      .where(eq(reviewers.id, target.id))
      .returning()
      .get();
  });
  if (disabled && target.authUserId) await (await getAuth().$context).internalAdapter.deleteUserSessions(target.authUserId);
  return toAccount(row);
}

export async function resetReviewerPassword(viewer: Viewer, reviewerId: number, password: string): Promise<void> {
  requireAdmin(viewer);
  checkPassword(password);
  const target = personAccount(reviewerId);
  const context = await getAuth().$context;
  // A new password means whoever knew the old one loses access: their API tokens too.
  writeTransaction((tx) => revokeAllApiTokens(tx, target.id));
  if (!target.authUserId) {
    const authUserId = await createAuthUser(target.username, target.displayName, password);
    writeTransaction((tx) => tx.update(reviewers).set({ authUserId }).where(eq(reviewers.id, target.id)).run());
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
export async function signInWithPassword(username: string, password: string, headers: Headers): Promise<void> {
  const name = usernameKey(username);
  const wait = secondsUntilNextAttempt(name);
  if (wait > 0) {
    throw new AppError('sign_in_throttled', `Too many failed sign-ins for this username. Try again in ${wait} second${wait === 1 ? '' : 's'}.`);
  }
  const failed = () => {
    recordFailedSignIn(name);
    return new AppError('sign_in_failed', 'That username and password do not match an active account.');
  };
  const reviewer = getDb().select().from(reviewers).where(and(eq(reviewers.username, name), eq(reviewers.kind, 'person'), isNull(reviewers.disabledAt))).get();
  if (!reviewer?.authUserId) throw failed();
  try {
    await getAuth().api.signInUsername({ body: { username: name, password }, headers });
  } catch (error) {
    // A wrong password is an APIError with a 4xx status; anything else is a real fault.
    if (isAPIError(error) && error.statusCode >= 400 && error.statusCode < 500) throw failed();
    throw error;
  }
  clearFailedSignIns(name);
}

export async function signOut(headers: Headers): Promise<void> {
  await getAuth().api.signOut({ headers });
}

/**
 * Gives the first admin a password on first start: ADMIN_PASSWORD when set, otherwise a
 * generated one, returned so the server can print it once. Returns null when the admin
 * can already sign in.
 */
export async function ensureAdminCanSignIn(): Promise<{ username: string; generatedPassword: string | null } | null> {
  const admin = firstAdminReviewer(getDb());
  if (admin.authUserId) return null;
  const fromEnvironment = process.env.ADMIN_PASSWORD;
  const password = fromEnvironment || crypto.randomBytes(12).toString('base64url');
  const authUserId = await createAuthUser(admin.username, admin.displayName, password);
  writeTransaction((tx) => tx.update(reviewers).set({ authUserId }).where(eq(reviewers.id, admin.id)).run());
  return { username: admin.username, generatedPassword: fromEnvironment ? null : password };
}
