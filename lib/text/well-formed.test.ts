import { describe, expect, it } from 'vitest';
import { describeFieldPath, findIllFormedText, isWellFormed } from './well-formed';

describe('isWellFormed', () => {
  it('accepts any text with whole characters, emoji included', () => {
    for (const text of ['', 'plain', 'Kataib Hezbollah 👍🏽', '\u{1F600} at the end \u{10FFFF}', 'U+FFFD \uFFFD is a character']) expect(isWellFormed(text)).toBe(true);
  });

  it('refuses a lone high or low surrogate anywhere', () => {
    for (const text of ['\uD83D', 'start \uD83D', '\uDE00 start', 'a\uD83Db', 'a\uDE00\uD83D', '\uD83D\uD83D\uDE00']) expect(isWellFormed(text)).toBe(false);
  });
});

describe('findIllFormedText', () => {
  it('names the first field that holds a lone surrogate, however deep', () => {
    expect(findIllFormedText({ title: 'ok', text: 'fine' })).toBeNull();
    expect(findIllFormedText({ title: 'Five \uD83D' })).toEqual(['title']);
    expect(findIllFormedText({ figure: { place: 'ok', source: '\uDE00' } })).toEqual(['figure', 'source']);
    expect(findIllFormedText({ aliases: ['KH', 'Kata\uD800ib'] })).toEqual(['aliases', 1]);
    expect(findIllFormedText({ 'bad\uD800key': 1 })).toEqual(['bad\uD800key']);
    expect(findIllFormedText(['\uD800'])).toEqual([0]);
    expect(findIllFormedText(42)).toBeNull();
  });

  it('describes a path in words the user can find', () => {
    expect(describeFieldPath(['figure', 'source'])).toBe('figure.source');
    expect(describeFieldPath(['aliases', 1])).toBe('aliases.1');
    expect(describeFieldPath([])).toBe('the body');
    expect(describeFieldPath(['bad\uD800key'])).toBe('(unreadable name)');
  });
});
