import type { ErrorBody } from '@/app/_server/http';

/** An API failure carrying the server's own explanation, ready to show to the reviewer. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** The server's machine-readable particulars (e.g. the article an address belongs to). */
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// A 503 `database_busy` means the server wrote nothing (another job held the database), so the
// same request is sent again a few times before the reviewer is told.
const BUSY_RETRIES = 4;

/** `headers`: extra request headers, such as `Prefer: respond-async` for a create that need not wait for its reading. */
export async function callApi<T>(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await callApiOnce<T>(method, url, body, headers);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'database_busy') || attempt > BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

async function callApiOnce<T>(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached. Check that Crosscheck is still running; nothing was saved.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown_error', error?.message ?? `The server answered ${response.status}.`, error?.details);
  }
  return payload as T;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
