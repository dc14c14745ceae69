import { describe, it, expect } from 'vitest';
import { normaliseCounted, normalisePlace, sameText, singularise, textKey } from './normalise';

describe('singularise', () => {
  it('handles the plural forms counted phrases end in', () => {
    expect(singularise('fighters')).toBe('fighter');
    expect(singularise('militiamen')).toBe('militiaman');
    expect(singularise('militias')).toBe('militia');
    expect(singularise('casualties')).toBe('casualty');
    expect(singularise('centres')).toBe('centre');
    expect(singularise('boxes')).toBe('box');
    expect(singularise('iraqis')).toBe('iraqi');
  });

  it('leaves singulars and plural-looking singulars alone', () => {
    expect(singularise('people')).toBe('people');
    expect(singularise('fighter')).toBe('fighter');
    expect(singularise('status')).toBe('status');
    expect(singularise('men')).toBe('man');
    expect(singularise('children')).toBe('child');
  });
});

describe('normaliseCounted', () => {
  it('keys the sample article phrases for fighters alike', () => {
    expect(normaliseCounted('At least five Shiite militiamen')).toBe('fighter');
    expect(normaliseCounted('its fighters')).toBe('fighter');
    expect(normaliseCounted('fighters')).toBe('fighter');
    expect(normaliseCounted('five of its fighters')).toBe('fighter');
    expect(normaliseCounted('one Iran-backed militant linked to Kataib Hezbollah')).toBe('fighter');
  });

  it('maps the synonyms of each group onto one head', () => {
    for (const w of ['gunmen', 'insurgents', 'combatants', 'militants']) expect(normaliseCounted(w)).toBe('fighter');
    for (const w of ['residents', 'people', 'persons', 'a civilian']) expect(normaliseCounted(w)).toBe('civilian');
    for (const w of ['US troops', 'Israeli soldiers', 'American service members']) {
      expect(normaliseCounted(w)).toBe('soldier');
    }
  });

  it('keeps the head noun when it has no synonym, modifiers dropped', () => {
    expect(normaliseCounted('two Kataib Hezbollah operations centres')).toBe('centre');
    expect(normaliseCounted('dozens of casualties')).toBe('casualty');
    expect(normaliseCounted('members of the militia')).toBe('member');
  });

  it('ignores case, curly quotes and punctuation around words', () => {
    expect(normaliseCounted('  THE group’s “FIGHTERS”, ')).toBe('fighter');
  });

  it('is null when nothing countable is left', () => {
    expect(normaliseCounted(null)).toBeNull();
    expect(normaliseCounted('   ')).toBeNull();
    expect(normaliseCounted('at least five')).toBeNull();
    expect(normaliseCounted('five of them')).toBeNull();
    expect(normaliseCounted('in Gaza')).toBeNull();
  });
});

describe('normalisePlace', () => {
  it('lower-cases, trims and drops a leading "the"', () => {
    expect(normalisePlace('  The Jurf Al Sakhar ')).toBe('jurf al sakhar');
    expect(normalisePlace('Jurf  al Sakhar')).toBe('jurf al sakhar');
  });

  it('is null for missing or blank places', () => {
    expect(normalisePlace(null)).toBeNull();
    expect(normalisePlace(' ')).toBeNull();
  });
});

describe('textKey and sameText', () => {
  it('compares free text by the actor-name rule', () => {
    expect(textKey('Kataib Hezbollah ')).toBe('kataib hezbollah');
    expect(sameText('the Kataib Hezbollah', 'kataib  hezbollah')).toBe(true);
    expect(sameText('Kataib Hezbollah', 'Hezbollah')).toBe(false);
  });

  it('treats blank as missing and two missing texts as the same', () => {
    expect(sameText(null, '  ')).toBe(true);
    expect(sameText(null, 'Iraq')).toBe(false);
  });
});
