/*
 * Two imports of one news article usually carry the same address written differently:
 * tracking parameters, a fragment, a trailing slash, an upper-case host, http or https,
 * "www." or not. The canonical form below ignores exactly those differences, so the same
 * article is found again while two different pages of one site never collide.
 */

// Query parameters that only track where a reader came from; they never pick a different page.
const TRACKING_PARAMETER = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ref_src|_ga)$/i;

/**
 * The key an article's URL is compared by, or null when it has none or it is not a web
 * address (then it is never a duplicate of anything).
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // URL already lower-cases the host and drops a default port.
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const query = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAMETER.test(name))
    .sort(([a, aValue], [b, bValue]) => (a === b ? aValue.localeCompare(bValue) : a.localeCompare(b)))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  // The scheme is left out: a site that serves both serves the same article on both.
  return `${host}${port}${path}${query ? `?${query}` : ''}`;
}

export interface DuplicateCheck {
  /** The id of the article already stored under this canonical URL, if any. */
  existingArticleId: number | null;
  /** True when an earlier article of the same upload had this canonical URL. */
  earlierInUpload: boolean;
}

/**
 * Remembers the canonical URLs of the library and of what an upload has taken so far, and
 * says whether the next article is a duplicate of either.
 */
export class DuplicateFinder {
  private readonly stored = new Map<string, number>();
  private readonly inUpload = new Set<string>();

  constructor(library: Iterable<{ id: number; url: string | null }>) {
    for (const article of library) {
      const key = canonicalUrl(article.url);
      if (key !== null && !this.stored.has(key)) this.stored.set(key, article.id);
    }
  }

  /** Null when the URL is new; otherwise what it duplicates. Records it as taken either way. */
  check(url: string | null | undefined): DuplicateCheck | null {
    const key = canonicalUrl(url);
    if (key === null) return null;
    const existingArticleId = this.stored.get(key) ?? null;
    const earlierInUpload = this.inUpload.has(key);
    this.inUpload.add(key);
    return existingArticleId !== null || earlierInUpload ? { existingArticleId, earlierInUpload } : null;
  }
}
