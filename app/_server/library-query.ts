import type { LibraryQuery } from '@/lib/library/query';
import { validate } from './http';
import { libraryQueryParams } from './schemas';

type Params = Record<string, string | string[] | undefined>;

/** One value per key: a repeated parameter keeps its first value, as a form field would. */
function single(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

function toQuery(params: ReturnType<typeof libraryQueryParams.parse>): Partial<LibraryQuery> {
  const { from, to, progress, ...rest } = params;
  return { ...rest, from: from || undefined, to: to || undefined, progress: progress || undefined };
}

/** The API's reading: an unknown parameter or a bad value is a 400 that names it. */
export function strictLibraryQuery(searchParams: URLSearchParams): Partial<LibraryQuery> {
  return toQuery(validate(libraryQueryParams, Object.fromEntries(searchParams)));
}

/**
 * The page's reading: a link edited by hand ("page=abc", an old parameter) still shows the
 * library; each value that does not fit is dropped and its default used.
 */
export function lenientLibraryQuery(params: Params): Partial<LibraryQuery> {
  const values = single(params);
  const known = libraryQueryParams.keyof().options as readonly string[];
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (known.includes(key) && libraryQueryParams.shape[key as keyof typeof libraryQueryParams.shape].safeParse(value).success) kept[key] = value;
  }
  return toQuery(libraryQueryParams.parse(kept));
}
