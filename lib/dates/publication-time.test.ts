import { describe, expect, it } from 'vitest';
import { clockTime, formatPublication, publicationInstant } from './publication-time';

describe('clockTime', () => {
  it('stores a time without an offset as UTC', () => {
    expect(clockTime('14:05')).toBe('14:05Z');
    expect(clockTime(' 09:30 UTC ')).toBe('09:30Z');
    expect(clockTime('09:30:59')).toBe('09:30Z');
  });

  it('keeps the publisher’s offset in one form', () => {
    expect(clockTime('17:05+03:00')).toBe('17:05+03:00');
    expect(clockTime('17:05+0300')).toBe('17:05+03:00');
    expect(clockTime('07:05-05:00')).toBe('07:05-05:00');
    expect(clockTime('12:00+00:00')).toBe('12:00Z');
  });

  it('refuses what is not a time of day', () => {
    for (const value of ['24:00', '9:30', '14:60', 'noon', '', '14:05+3', '14:05 CET']) expect(clockTime(value), value).toBeUndefined();
  });
});

describe('publicationInstant', () => {
  it('orders two outlets in different zones by the moment they published', () => {
    const baghdad = publicationInstant('2023-11-22', '17:05+03:00');
    const london = publicationInstant('2023-11-22', '14:30Z');
    expect(baghdad).toBe(Date.UTC(2023, 10, 22, 14, 5));
    expect(baghdad! < london!).toBe(true);
  });

  it('puts a report with only a date at the start of its day, and an undated one nowhere', () => {
    expect(publicationInstant('2023-11-22', null)).toBe(Date.UTC(2023, 10, 22));
    expect(publicationInstant(null, '10:00Z')).toBeNull();
  });
});

describe('formatPublication', () => {
  it('shows the time and its zone beside the date', () => {
    expect(formatPublication('2023-11-22', '14:05Z')).toBe('2023-11-22 14:05 UTC');
    expect(formatPublication('2023-11-22', '17:05+03:00')).toBe('2023-11-22 17:05 UTC+03:00');
    expect(formatPublication('2023-11-22', null)).toBe('2023-11-22');
    expect(formatPublication(null, null)).toBe('undated');
  });
});
