/**
 * Where to send someone after signing in. Only a path on this site survives; anything else
 * (another host, a scheme, a shape browsers read as another host) becomes the library, `/`.
 *
 * Why so strict: browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\host`,
 * `/<TAB>/host` and `/\/host` all leave the site, and an encoded form such as `/%5Chost` may be
 * decoded once more on the way. A path that would need any of these is not one the app links to.
 */
export const DEFAULT_RETURN_PATH = '/';

const MAX_RETURN_PATH_LENGTH = 2000;
const MAX_DECODING_ROUNDS = 4;
// C0 controls, DEL, and the C1 range: none belongs in a path the app makes.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
// An origin no request can have: resolving against it tells whether a path stays on the site.
const PROBE_ORIGIN = 'http://return-path.invalid';

export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_RETURN_PATH_LENGTH) return DEFAULT_RETURN_PATH;
  if (!decodedForms(next).every(looksLikeLocalPath)) return DEFAULT_RETURN_PATH;
  let resolved: URL;
  try {
    resolved = new URL(next, PROBE_ORIGIN);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (resolved.origin !== PROBE_ORIGIN) return DEFAULT_RETURN_PATH;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** One slash, then no second slash or backslash; no backslash or control character anywhere. */
function looksLikeLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !CONTROL_CHARACTER.test(path);
}

/** The path as given and as each further round of percent-decoding would read it. */
function decodedForms(path: string): string[] {
  const forms = [path];
  let current = path;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Not valid percent-encoding: nothing further can decode it into something else.
      return forms;
    }
    if (decoded === current) return forms;
    forms.push(decoded);
    current = decoded;
  }
  return forms;
}
