import { describe, expect, it } from 'vitest';
import { categoryKey } from './category';
import { textKey } from '../comparisons/normalise';

describe('categoryKey', () => {
  it('trims, single-spaces and lower-cases, as categories are stored', () => {
    expect(categoryKey('  Killed ')).toBe('killed');
    expect(categoryKey('KILLED')).toBe('killed');
    expect(categoryKey('Killed \t in\n action')).toBe('killed in action');
    expect(categoryKey('   ')).toBe('');
  });

  it('keeps what an admin typed apart: punctuation and a leading "the" make another category', () => {
    expect(categoryKey('the dead')).toBe('the dead');
    expect(categoryKey('dead.')).toBe('dead.');
  });

  /*
   * Before one rule, a category went through three: the category list collapsed inner spaces,
   * a reviewer's correction and an import only trimmed and lower-cased (so "Killed  in action"
   * was refused as unknown, or stored as a category that did not exist), and comparisons used
   * the actor-name key (so "the dead" and "dead", two stored categories, compared equal).
   */
  it('settles the cases the three old rules disagreed on', () => {
    const trimLower = (name: string) => name.trim().toLocaleLowerCase('en');
    expect(trimLower('Killed  in action')).not.toBe(categoryKey('Killed  in action'));
    expect(categoryKey('Killed  in action')).toBe(categoryKey('killed in action'));

    expect(textKey('the dead')).toBe(textKey('dead'));
    expect(categoryKey('the dead')).not.toBe(categoryKey('dead'));
  });
});
