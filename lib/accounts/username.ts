/*
 * Usernames name a person's layer in URLs, exports and the CLI (`--layer amira`), so they are
 * short, lower case and unambiguous. Typing is forgiving: "  Amira " signs in as "amira".
 */

const USERNAME_PATTERN = /^[a-z0-9_.]{3,30}$/;

/** Names that mean something else where a layer is chosen (`--layer gold|all`, `/reviewers/me`). */
const RESERVED_USERNAMES: ReadonlySet<string> = new Set(['gold', 'all', 'me']);

export const USERNAME_RULE = 'A username is 3–30 lowercase letters, digits, dots or underscores, and not "gold", "all" or "me".';

/** The username as typed, in the form it is stored and looked up under. */
export function usernameKey(typed: string): string {
  return typed.trim().toLowerCase();
}

/** Whether a (keyed) username may name a new account. */
export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username) && !RESERVED_USERNAMES.has(username);
}
