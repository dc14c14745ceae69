/*
 * What a reviewer types in the search box, made safe for SQLite FTS5's MATCH: FTS5 has its
 * own query language (quotes, AND/OR/NOT, column filters, `*`), and raw input such as
 * `"at least` or `NOT` would be a syntax error or mean something else. Each word becomes a
 * quoted prefix term, and all words must appear ("five fight" finds "five fighters").
 */

/** Enough for any real query; more words only slow the search down. */
const MAX_TERMS = 12;

export function toMatchQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_TERMS).map((word) => `"${word}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

/**
 * The same search for PostgreSQL's to_tsquery: every word as a prefix term (`word:*`), all of them
 * required. Words hold letters and digits only, so nothing in them is tsquery syntax.
 */
export function toTsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_TERMS).map((word) => `${word.toLowerCase()}:*`);
  return terms.length > 0 ? terms.join(' & ') : null;
}
