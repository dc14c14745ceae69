import { describe, expect, it } from 'vitest';
import { canonicalUrl, DuplicateFinder } from './duplicates';

describe('canonicalUrl', () => {
  it('ignores the host’s case, www, the scheme, a fragment, a trailing slash and tracking parameters', () => {
    const key = 'example.com/news/strikes-in-iraq?id=7';
    expect(canonicalUrl('https://example.com/news/strikes-in-iraq?id=7')).toBe(key);
    expect(canonicalUrl('http://WWW.Example.COM/news/strikes-in-iraq/?utm_source=x&id=7&utm_medium=email#comments')).toBe(key);
    expect(canonicalUrl(' https://example.com:443/news/strikes-in-iraq//?fbclid=abc&id=7 ')).toBe(key);
  });

  it('keeps what picks a different page: the path’s case, other parameters, a port', () => {
    expect(canonicalUrl('https://example.com/News/A')).not.toBe(canonicalUrl('https://example.com/news/a'));
    expect(canonicalUrl('https://example.com/a?page=2')).not.toBe(canonicalUrl('https://example.com/a?page=3'));
    expect(canonicalUrl('https://example.com:8080/a')).toBe('example.com:8080/a');
  });

  it('orders the remaining parameters, so their order does not matter', () => {
    expect(canonicalUrl('https://example.com/a?b=2&a=1')).toBe(canonicalUrl('https://example.com/a?a=1&b=2'));
  });

  it('gives no key for a missing, malformed or non-web address', () => {
    expect(canonicalUrl(null)).toBeNull();
    expect(canonicalUrl('  ')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });

  it('treats the root with and without a slash as one address', () => {
    expect(canonicalUrl('https://example.com/')).toBe(canonicalUrl('https://example.com'));
  });
});

describe('DuplicateFinder', () => {
  it('finds an article already in the library and one repeated within the upload', () => {
    const finder = new DuplicateFinder([
      { id: 3, url: 'https://example.com/a' },
      { id: 4, url: null },
    ]);
    expect(finder.check('https://www.example.com/a/?utm_campaign=x')).toEqual({ existingArticleId: 3, earlierInUpload: false });
    expect(finder.check('https://example.com/b')).toBeNull();
    expect(finder.check('http://example.com/b#top')).toEqual({ existingArticleId: null, earlierInUpload: true });
    expect(finder.check(null)).toBeNull();
    expect(finder.check(null)).toBeNull();
  });
});
