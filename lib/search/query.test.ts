import { describe, expect, it } from 'vitest';
import { toMatchQuery, toTsQuery } from './query';

describe('toMatchQuery', () => {
  it('turns each word into a quoted prefix term that must appear', () => {
    expect(toMatchQuery('five fight')).toBe('"five"* "fight"*');
  });

  it('drops FTS5 syntax so input can never be an operator or break the query', () => {
    expect(toMatchQuery('"at least" NOT title:Iraq*')).toBe('"at"* "least"* "NOT"* "title"* "Iraq"*');
    expect(toMatchQuery('  ""  ** ')).toBeNull();
  });

  it('keeps letters of any script and digits, and caps the number of words', () => {
    expect(toMatchQuery('Jurf al-Şakhar 1,200')).toBe('"Jurf"* "al"* "Şakhar"* "1"* "200"*');
    expect(toMatchQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(12);
  });
});

describe('toTsQuery', () => {
  it('requires every word as a prefix, in lower case, with no room for tsquery operators', () => {
    expect(toTsQuery('Five fight')).toBe('five:* & fight:*');
    expect(toTsQuery("'at least' | !title & Iraq:*")).toBe('at:* & least:* & title:* & iraq:*');
    expect(toTsQuery('  ()  ** ')).toBeNull();
  });
});
