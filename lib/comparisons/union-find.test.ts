import { describe, it, expect } from 'vitest';
import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('starts with every item alone', () => {
    const sets = new UnionFind(3);
    expect(new Set([sets.find(0), sets.find(1), sets.find(2)]).size).toBe(3);
  });

  it('joins transitively and leaves others apart', () => {
    const sets = new UnionFind(5);
    sets.union(0, 1);
    sets.union(3, 1);
    sets.union(3, 3);
    expect(sets.find(0)).toBe(sets.find(3));
    expect(sets.find(2)).not.toBe(sets.find(0));
    expect(sets.find(4)).not.toBe(sets.find(0));
  });

  it('copes with a long chain', () => {
    const n = 100_000;
    const sets = new UnionFind(n);
    for (let i = 1; i < n; i++) sets.union(i - 1, i);
    expect(sets.find(0)).toBe(sets.find(n - 1));
  });
});
