import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeReturnPath('/')).toBe('/');
    expect(safeReturnPath('/articles/12')).toBe('/articles/12');
    expect(safeReturnPath('/comparisons?status=open#top')).toBe('/comparisons?status=open#top');
    expect(safeReturnPath('/actors/3/../4')).toBe('/actors/4');
    // An @ in a path is only a path: there is no authority before it.
    expect(safeReturnPath('/@evil.example')).toBe('/@evil.example');
    expect(safeReturnPath('/articles/50%25')).toBe('/articles/50%25');
  });

  it.each([
    ['protocol-relative', '//evil.example/path'],
    ['backslash', '/\\evil.example/path'],
    ['backslash then slash', '/\\/evil.example/path'],
    ['slash then backslash', '//\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['tab (the form posts it decoded)', '/\t/evil.example/path'],
    ['newline', '/\n/evil.example/path'],
    ['carriage return', '/\r/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['encoded tab', '/%09/evil.example/path'],
    ['encoded newline', '/%0a/evil.example'],
    ['encoded slash', '/%2Fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['double-encoded slash', '/%252Fevil.example'],
    ['double-encoded backslash', '/%255Cevil.example'],
    ['userinfo', '//user:pass@evil.example'],
    ['http scheme', 'http://evil.example'],
    ['https scheme', 'https://evil.example/path'],
    ['scheme without slashes', 'http:evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript after a slash-less path', 'javascript://%0aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['relative', 'articles/12'],
    ['leading space', ' /articles'],
    ['leading space before a host', ' //evil.example'],
    ['empty', ''],
  ])('refuses %s', (_shape, next) => {
    expect(safeReturnPath(next)).toBe('/');
  });

  it('refuses what is not one string of a sensible length', () => {
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(['/articles', '//evil.example'])).toBe('/');
    expect(safeReturnPath(`/${'a'.repeat(3000)}`)).toBe('/');
  });

  it('keeps a path whose percent signs are not valid encoding, as a path on this site', () => {
    expect(safeReturnPath('/articles/%E0%A4%A')).toBe('/articles/%E0%A4%A');
  });
});
