/**
 * The one error type the app throws on purpose. Route handlers turn it into
 * an HTTP response using `status`; anything else is treated as a bug (500).
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
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
