import { describe, expect, it } from 'vitest';
import { isWebAddress } from './web-address';

describe('isWebAddress', () => {
  it.each(['https://www.thenationalnews.com/mena/iraq/2023/11/22/us-strikes/', 'http://example.org', 'HTTPS://EXAMPLE.ORG/a?b=c#d', 'https://例え.jp/'])(
    'accepts %s',
    (url) => expect(isWebAddress(url)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org',
    'vbscript:msgbox',
    'http:/example.org',
    'http:example.org',
    'https://',
    '//example.org',
    '/articles/1',
    'example.org',
    'https://exa mple.org',
    'https://example.org/\n',
    '',
  ])('refuses %j', (url) => expect(isWebAddress(url)).toBe(false));
});
