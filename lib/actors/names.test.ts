import { describe, expect, it } from 'vitest';
import { cleanName, nameKey, normaliseAliases } from './names';

describe('nameKey', () => {
  it('ignores case, spacing, a leading "the" and edge punctuation', () => {
    expect(nameKey('Kataib Hezbollah')).toBe('kataib hezbollah');
    expect(nameKey('  the Kataib   hezbollah, ')).toBe('kataib hezbollah');
    expect(nameKey('“Kataib Hezbollah”')).toBe('kataib hezbollah');
  });

  it('treats curly and straight apostrophes alike and keeps inner punctuation', () => {
    expect(nameKey('Israel’s army')).toBe(nameKey("Israel's army"));
    expect(nameKey('Iran-backed militias')).toBe('iran-backed militias');
  });

  it('does not merge different names', () => {
    expect(nameKey('Kataib Hezbollah')).not.toBe(nameKey('Hezbollah'));
    expect(nameKey('Theodore')).toBe('theodore');
  });
});

describe('cleanName', () => {
  it('trims and collapses whitespace, keeping case', () => {
    expect(cleanName('  Kataib \n Hezbollah ')).toBe('Kataib Hezbollah');
  });
});

describe('normaliseAliases', () => {
  it('cleans each alias, keeps the first spelling of a key, drops blanks and sorts', () => {
    expect(normaliseAliases(['  KH ', 'the KH', 'Kataib  Hizbollah', '', ' , ', 'Brigades'])).toEqual(['Brigades', 'Kataib Hizbollah', 'KH']);
  });
});
