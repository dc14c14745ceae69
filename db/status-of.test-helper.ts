import { isAppError } from '../lib/errors';

/** The HTTP status an AppError from `work` carries, or 'ok' when it succeeds; anything else is rethrown. */
export function statusOf(work: () => unknown): number | 'ok' {
  try {
    work();
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}
