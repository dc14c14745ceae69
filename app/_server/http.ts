import type { z } from 'zod';
import type { Viewer } from '@/db/access';
import { appDatabase } from '@/db/client';
import type { Database } from '@/db/database';
import { AppError, ERROR_CODES, isAppError, type ErrorCode } from '@/lib/errors';
import { describeFieldPath, findIllFormedText, ILL_FORMED_MESSAGE } from '@/lib/text/well-formed';
import { readBoundedText } from './bounded-body';
import { apiViewer } from './session';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * SQLite answers BUSY when another process (an import or backup from the command line) held
 * the write lock for longer than the busy timeout. Writes take the lock first (IMMEDIATE
 * transactions), so nothing of this request was written: the client can simply try again.
 */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const RETRY_AFTER_SECONDS = 1;

/** The one translation from thrown errors to HTTP: AppErrors keep their status, a busy database is a 503, anything else is a logged 500. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    return Response.json(body, { status: error.status });
  }
  if (isDatabaseBusy(error)) {
    console.warn('Database busy: a request was refused with 503', (error as Error).message);
    const body: ErrorBody = { error: { code: 'database_busy', message: 'The database is busy with another job (an import or a backup). Nothing was saved; try again in a moment.' } };
    return Response.json(body, { status: ERROR_CODES.database_busy.status, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
  }
  console.error('Unhandled error in API route', error);
  const body: ErrorBody = { error: { code: 'internal_error', message: 'Something went wrong on the server. Nothing was saved.' } };
  return Response.json(body, { status: ERROR_CODES.internal_error.status });
}

type RouteHandler<Context> = (request: Request, context: Context) => Response | Promise<Response>;
type SignedInHandler<Context> = (request: Request, context: Context, viewer: Viewer, db: Database) => Response | Promise<Response>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write that a page on another site made the browser send (a cross-site form
 * post or fetch): browsers mark those with `Sec-Fetch-Site: cross-site` and a foreign
 * `Origin`. Requests without either header (curl, scripts) are not from a browser page.
 */
function refuseCrossSite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('host') ?? new URL(request.url).host;
  const foreignOrigin = origin !== null && (origin === 'null' || !URL.canParse(origin) || new URL(origin).host !== host);
  if (foreignOrigin || request.headers.get('sec-fetch-site') === 'cross-site') {
    throw new AppError('cross_site_request', 'This request came from another site, so it was refused. Nothing was changed.');
  }
}

/**
 * Wraps every API route: refuses cross-site writes, then requires a signed-in viewer
 * (session cookie or API token; 401 otherwise) and hands it, with the app's database, to the
 * handler, which passes both on to the db/ functions that check what this viewer may read and change.
 */
export function handle<Context>(handler: SignedInHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      refuseCrossSite(request);
      const db = appDatabase();
      const viewer = await apiViewer(db, request);
      return await handler(request, context, viewer, db);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body and validates it, turning every problem into a 400 that names the field. */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const raw = await readBoundedText(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return validate(schema, value);
}

export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  // Before the schema: a lone surrogate in any field, known to the schema or not, is named and refused.
  const illFormed = findIllFormedText(value);
  if (illFormed) {
    const problem = `${describeFieldPath(illFormed)}: ${ILL_FORMED_MESSAGE}`;
    throw new AppError('invalid_request', `The request is not valid. ${problem}.`, { issues: [problem] });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    );
    throw new AppError('invalid_request', `The request is not valid. ${problems.join('; ')}.`, { issues: problems });
  }
  return result.data;
}

/** Path ids that are not positive integers cannot name anything, so they are a 404 like any unknown id. */
export async function readId(context: { params: Promise<{ id: string }> }, what: Resource): Promise<number> {
  return parseId((await context.params).id, what);
}

const NOT_FOUND = {
  article: 'article_not_found',
  annotation: 'annotation_not_found',
  actor: 'actor_not_found',
  comparison: 'comparison_not_found',
  figure: 'figure_not_found',
  incident: 'incident_not_found',
  reviewer: 'reviewer_not_found',
  'api token': 'api_token_not_found',
} as const satisfies Record<string, ErrorCode>;

type Resource = keyof typeof NOT_FOUND;

export function parseId(id: string, what: Resource): number {
  if (!/^[1-9]\d{0,15}$/.test(id)) {
    throw new AppError(NOT_FOUND[what], `There is no ${what} ${JSON.stringify(id)}.`);
  }
  return Number(id);
}

export type IdContext = { params: Promise<{ id: string }> };
