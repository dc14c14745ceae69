import { isAppError } from '../lib/errors';

/** The HTTP status an AppError from `work` carries, or 'ok' when it succeeds; anything else is rethrown. */
export async function statusOf(work: () => unknown): Promise<number | 'ok'> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}
