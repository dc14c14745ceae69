/*
 * Every error code the app answers with, its HTTP status and what it means, in one place.
 * A throw site names a code and writes a message for the case at hand; the status comes from
 * here, so one code never answers with two statuses. The README's "Error codes" table is
 * checked against this catalogue by lib/errors.test.ts, both ways.
 */
export const ERROR_CODES = {
  invalid_json: { status: 400, meaning: 'the request body is not JSON' },
  invalid_request: { status: 400, meaning: 'a field is missing, of the wrong type, unknown or not allowed; the message names each field' },
  format_unknown: { status: 400, meaning: 'an export format that does not exist' },
  not_signed_in: { status: 401, meaning: 'no session cookie or API token, or one that expired, was revoked or belongs to a disabled account' },
  sign_in_failed: { status: 401, meaning: 'the username and password do not match an active account' },
  admin_only: { status: 403, meaning: 'a reviewer asking for an admin’s action' },
  annotation_read_only: { status: 403, meaning: 'changing an annotation in another reviewer’s layer' },
  layer_read_only: { status: 403, meaning: 'adding an annotation to a layer that is not yours (admins: or gold)' },
  comparison_read_only: { status: 403, meaning: 'comparing figures in another reviewer’s layer' },
  export_own_layer_only: { status: 403, meaning: 'a reviewer exporting a layer other than their own' },
  cross_site_request: { status: 403, meaning: 'a write sent by a page on another site (a foreign or `null` `Origin`, or `Sec-Fetch-Site: cross-site`); scripts that send no `Origin` are not affected' },
  article_not_found: { status: 404, meaning: 'an unknown or deleted article, an id that is not a number, or one you may not see' },
  annotation_not_found: { status: 404, meaning: 'an unknown or deleted annotation, or one you may not see (another reviewer’s while blind)' },
  actor_not_found: { status: 404, meaning: 'an unknown actor, or one you may not see' },
  comparison_not_found: { status: 404, meaning: 'an unknown or deleted comparison, or one you may not see' },
  figure_not_found: { status: 404, meaning: 'a figure id in the path that is not a number' },
  incident_not_found: { status: 404, meaning: 'an unknown incident' },
  reviewer_not_found: { status: 404, meaning: 'an unknown reviewer account' },
  api_token_not_found: { status: 404, meaning: 'an unknown API token, or another reviewer’s' },
  category_not_found: { status: 404, meaning: 'removing a category that is not in the list' },
  layer_not_found: { status: 404, meaning: 'an export layer that is not gold, all, or a reviewer’s username' },
  assignment_not_found: { status: 404, meaning: 'unassigning a reviewer who is not assigned to the article' },
  figure_not_compared: { status: 404, meaning: 'removing a figure that is not in the comparison' },
  comparison_not_pending: { status: 404, meaning: 'settling a comparison that is not waiting to be settled on this article' },
  backup_folder_missing: { status: 404, meaning: 'a backup into a folder that does not exist' },
  version_conflict: { status: 409, meaning: 'the record changed since the version you sent' },
  annotation_duplicate: { status: 409, meaning: 'you already tagged that span with that label' },
  annotation_not_deleted: { status: 409, meaning: 'restoring an annotation that is not deleted' },
  figure_already_compared: { status: 409, meaning: 'the same figure twice in a comparison' },
  actor_name_taken: { status: 409, meaning: 'a name or alias another actor has' },
  category_exists: { status: 409, meaning: 'adding a category that is already in the list' },
  category_in_use: { status: 409, meaning: 'removing a category that figures still count' },
  incident_name_taken: { status: 409, meaning: 'a name another incident has' },
  username_taken: { status: 409, meaning: 'a username another account has' },
  cannot_disable_self: { status: 409, meaning: 'an admin disabling their own account' },
  cluster_accepted: { status: 409, meaning: 'rejecting a stretch that is already in gold' },
  cluster_changed: { status: 409, meaning: 'curating a stretch that is no longer a cluster: a reviewer changed it' },
  version_not_latest: { status: 409, meaning: 'adding a new version to an article that is not the latest of its line' },
  article_url_taken: { status: 409, meaning: 'adding an article from an address the library already holds, without saying whether it is a new version' },
  backup_exists: { status: 409, meaning: 'a backup onto a file that already exists' },
  copy_target_not_empty: { status: 409, meaning: 'copying a SQLite library into a PostgreSQL database that already holds one' },
  backup_unsupported: { status: 501, meaning: 'a backup (VACUUM INTO) of a database that is not SQLite: back it up with its own tools' },
  payload_too_large: { status: 413, meaning: 'a request body over the size limit (10 MB; imports more)' },
  archive_too_large: { status: 413, meaning: 'a zip that unpacks to too many bytes or entries' },
  span_out_of_range: { status: 422, meaning: 'offsets outside the text, or not whole numbers' },
  offset_out_of_range: { status: 422, meaning: 'an offset outside the text, or inside a character, when converting between UTF-16 and code points' },
  span_empty: { status: 422, meaning: '`start` is not before `end`' },
  span_blank: { status: 422, meaning: 'a span of only whitespace' },
  span_splits_character: { status: 422, meaning: 'a boundary inside an emoji’s surrogate pair' },
  quote_mismatch: { status: 422, meaning: 'the quote is not what the text says at the offsets' },
  context_mismatch: { status: 422, meaning: 'the prefix or suffix sent is not what the text says around the span' },
  article_empty: { status: 422, meaning: 'an article with no text' },
  title_blank: { status: 422, meaning: 'a blank article title' },
  version_unchanged: { status: 422, meaning: 'a new version with the same text as the current one' },
  figure_range_invalid: { status: 422, meaning: 'a figure’s lowest value above its highest' },
  figure_span_out_of_range: { status: 422, meaning: 'reading a figure from offsets outside the text' },
  figure_value_too_long: { status: 422, meaning: 'a figure value longer than the reader reads' },
  category_blank: { status: 422, meaning: 'a category with no name' },
  category_unknown: { status: 422, meaning: 'a figure category that is not in the list' },
  actor_unknown: { status: 422, meaning: 'an actor id (as source or claimant) that does not exist or that you may not see' },
  actor_name_blank: { status: 422, meaning: 'an actor with no name' },
  not_a_figure: { status: 422, meaning: 'figure details sent for an annotation with another label' },
  not_a_claim: { status: 422, meaning: 'claim details sent for an annotation with another label' },
  not_an_actor: { status: 422, meaning: 'an actor link sent for an annotation with another label' },
  comparison_too_small: { status: 422, meaning: 'a comparison of fewer than two figures' },
  comparison_title_blank: { status: 422, meaning: 'a comparison with no title' },
  comparison_mixed_layers: { status: 422, meaning: 'a comparison of figures from different reviewers’ layers' },
  figure_unknown: { status: 422, meaning: 'an id that is not a live figure' },
  incident_name_blank: { status: 422, meaning: 'an incident with no name' },
  time_without_date: { status: 422, meaning: 'a publication time given for an article without a date' },
  conflict_cursor_invalid: { status: 400, meaning: 'a conflicts page cursor the server did not give out' },
  layer_not_visible: { status: 403, meaning: 'asking for a layer you may not read' },
  incident_dates_reversed: { status: 422, meaning: 'an incident that ends before it starts' },
  username_invalid: { status: 422, meaning: 'a username that is not 3–30 lowercase letters, digits, dots or underscores, or is gold, all or me' },
  password_too_short: { status: 422, meaning: 'a password shorter than the minimum' },
  import_refused: { status: 422, meaning: 'an import file with problems; the report lists them and nothing was written' },
  sign_in_throttled: { status: 429, meaning: 'too many failed sign-ins for a username; the message says how long to wait' },
  internal_error: { status: 500, meaning: 'a bug: the server logged it, and nothing was saved' },
  database_busy: { status: 503, meaning: 'the database is busy with an import or a backup; nothing was saved, try again (`Retry-After`)' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error type the app throws on purpose. Route handlers turn it into
 * an HTTP response using `status`; anything else is treated as a bug (500).
 */
export class AppError extends Error {
  public readonly status: number;

  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

// `instanceof` alone can fail when a module is loaded twice (dev server
// hot reload), so the name/code shape is accepted as well.
export function isAppError(e: unknown): e is AppError {
  if (e instanceof AppError) return true;
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'AppError' &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { status?: unknown }).status === 'number'
  );
}
