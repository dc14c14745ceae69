import { describe, expect, it } from 'vitest';
import { cleanEventName, eventNameKey } from './event-name';

describe('event names', () => {
  it('stores the name single-spaced and trimmed, keeping its case', () => {
    expect(cleanEventName('  Strikes on\n Jurf al-Sakhar  ')).toBe('Strikes on Jurf al-Sakhar');
    expect(cleanEventName(' \t ')).toBe('');
  });

  it('gives names that differ in case, spacing, a leading "the" or edge punctuation one key', () => {
    const key = eventNameKey('Strikes on Jurf al-Sakhar');
    expect(eventNameKey('the strikes on  JURF al-Sakhar.')).toBe(key);
    expect(eventNameKey('Strikes on Jurf al-Sakhar, November')).not.toBe(key);
  });
});
