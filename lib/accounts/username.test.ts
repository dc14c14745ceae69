import { describe, expect, it } from 'vitest';
import { isValidUsername, usernameKey } from './username';

describe('usernames', () => {
  it('keys a typed name by trimming and lower-casing it', () => {
    expect(usernameKey('  Amira ')).toBe('amira');
    expect(usernameKey('AMIRA.H')).toBe('amira.h');
  });

  it('accepts 3–30 lowercase letters, digits, dots or underscores', () => {
    expect(isValidUsername('amira')).toBe(true);
    expect(isValidUsername('a.b_1')).toBe(true);
    expect(isValidUsername('ab')).toBe(false);
    expect(isValidUsername('a'.repeat(31))).toBe(false);
    expect(isValidUsername('Amira')).toBe(false);
    expect(isValidUsername('amira h')).toBe(false);
    expect(isValidUsername('amira-h')).toBe(false);
  });

  it('refuses the names that choose layers', () => {
    for (const name of ['gold', 'all', 'me']) expect(isValidUsername(name)).toBe(false);
  });
});
