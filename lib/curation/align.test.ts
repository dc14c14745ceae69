import { describe, expect, it } from 'vitest';
import type { Label } from '../labels';
import { alignLayers, clusterKey, overlaps, type CandidateSpan, type GoldSpan, type TextRange } from './align';

// "Five fighters were killed and two civilians were wounded near the border."
//  0         1         2         3         4         5         6         7
//  0123456789012345678901234567890123456789012345678901234567890123456789012
//  Five fighters were killed [0,25)   Five fighters [0,13)
//  two civilians were wounded [30,56) two civilians [30,43)   the border [62,72)

let nextId = 1;
function span(reviewer: string, label: Label, start: number, end: number): CandidateSpan {
  return { id: nextId++, reviewer, label, start, end };
}

function align(spans: CandidateSpan[], options: { reviewers?: string[]; gold?: GoldSpan[]; rejected?: TextRange[] } = {}) {
  return alignLayers({ spans, reviewers: options.reviewers ?? ['alice', 'bob'], gold: options.gold ?? [], rejected: options.rejected ?? [] });
}

describe('overlaps', () => {
  it('is true for shared units only: touching ranges do not overlap', () => {
    expect(overlaps({ start: 0, end: 13 }, { start: 0, end: 25 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 10 })).toBe(false);
    expect(overlaps({ start: 5, end: 10 }, { start: 0, end: 5 })).toBe(false);
    expect(overlaps({ start: 0, end: 30 }, { start: 10, end: 12 })).toBe(true);
  });
});

describe('alignLayers', () => {
  it('gives no clusters for no spans', () => {
    expect(align([])).toEqual([]);
    expect(align([], { gold: [{ start: 0, end: 5, label: 'figure' }], rejected: [{ start: 0, end: 5 }] })).toEqual([]);
  });

  it('agrees when both reviewers tagged the same offsets with the same label', () => {
    const bob = span('bob', 'figure', 0, 25);
    const alice = span('alice', 'figure', 0, 25);
    const [cluster, ...rest] = align([bob, alice]);
    expect(rest).toEqual([]);
    expect(cluster).toEqual({ key: '0-25', start: 0, end: 25, candidates: [alice, bob], agreed: true, state: 'open', gold: [] });
  });

  it('disagrees on the label at identical offsets', () => {
    const [cluster] = align([span('alice', 'figure', 0, 13), span('bob', 'actor', 0, 13)]);
    expect(cluster).toMatchObject({ key: '0-13', agreed: false, state: 'open' });
  });

  it('disagrees on boundaries with the same label, and the cluster covers both', () => {
    const [cluster] = align([span('alice', 'figure', 0, 25), span('bob', 'figure', 0, 13)]);
    expect(cluster).toMatchObject({ key: '0-25', start: 0, end: 25, agreed: false });
  });

  it('disagrees when a counted reviewer has no span there', () => {
    const [cluster] = align([span('alice', 'figure', 30, 56)]);
    expect(cluster).toMatchObject({ key: '30-56', agreed: false });
    // With alice's layer the only one that counts, her lone span is all there is to agree on.
    expect(align([span('alice', 'figure', 30, 56)], { reviewers: ['alice'] })[0]?.agreed).toBe(true);
  });

  it('disagrees when one reviewer tagged the stretch twice, even if identically', () => {
    const [cluster] = align([span('alice', 'actor', 0, 13), span('alice', 'actor', 0, 13), span('bob', 'actor', 0, 13)]);
    expect(cluster?.agreed).toBe(false);
  });

  it('needs a span from every counted reviewer, not just two', () => {
    const spans = [span('alice', 'figure', 0, 25), span('bob', 'figure', 0, 25)];
    expect(align(spans, { reviewers: ['alice', 'bob', 'carol'] })[0]?.agreed).toBe(false);
  });

  it('leaves out layers that do not count', () => {
    const clusters = align([span('alice', 'figure', 0, 25), span('bob', 'figure', 0, 25), span('mallory', 'claim', 0, 72)]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ key: '0-25', agreed: true });
    expect(clusters[0]?.candidates.map((candidate) => candidate.reviewer)).toEqual(['alice', 'bob']);
  });

  it('chains overlapping spans of one label into one cluster even where the ends do not overlap each other', () => {
    // [0,13) overlaps [10,35), which overlaps [30,56); [0,13) and [30,56) share nothing.
    const first = span('alice', 'claim', 0, 13);
    const bridge = span('bob', 'claim', 10, 35);
    const last = span('alice', 'claim', 30, 56);
    const border = span('bob', 'actor', 62, 72);
    const clusters = align([last, border, bridge, first]);
    expect(clusters.map((cluster) => cluster.key)).toEqual(['0-56', '62-72']);
    expect(clusters[0]?.candidates).toEqual([first, last, bridge]);
    expect(clusters[0]?.agreed).toBe(false);
  });

  it('keeps an actor inside a claim as its own decision, but links labels that cover mostly the same words', () => {
    const claims = [span('alice', 'claim', 0, 56), span('bob', 'claim', 0, 56)];
    const actor = span('alice', 'actor', 0, 13);
    const figure = span('alice', 'figure', 30, 56);
    const sameWordsAsActor = span('bob', 'actor', 30, 50);
    const clusters = align([...claims, actor, figure, sameWordsAsActor]);
    expect(clusters.map((cluster) => cluster.key)).toEqual(['0-13', '0-56', '30-56']);
    expect(clusters[1]?.agreed).toBe(true);
    expect(clusters[2]?.candidates).toEqual([figure, sameWordsAsActor]);
  });

  it('keeps spans that only touch in separate clusters, in text order', () => {
    const clusters = align([span('alice', 'figure', 30, 43), span('bob', 'figure', 30, 43), span('alice', 'actor', 0, 30), span('bob', 'actor', 0, 30)]);
    expect(clusters.map((cluster) => [cluster.key, cluster.agreed])).toEqual([
      ['0-30', true],
      ['30-43', true],
    ]);
  });

  it('sorts candidates by reviewer, then position', () => {
    const late = span('alice', 'figure', 10, 25);
    const early = span('alice', 'actor', 0, 13);
    const bob = span('bob', 'figure', 0, 25);
    expect(align([bob, late, early])[0]?.candidates).toEqual([early, late, bob]);
  });

  it('is accepted when any gold span overlaps the cluster, whatever its label or extent', () => {
    const gold: GoldSpan[] = [{ start: 5, end: 13, label: 'actor' }];
    const [cluster] = align([span('alice', 'figure', 0, 25), span('bob', 'figure', 0, 13)], { gold });
    expect(cluster).toMatchObject({ state: 'accepted', gold });
  });

  it('settles a cluster only with gold linked to it, and ignores gold that only touches', () => {
    const gold: GoldSpan[] = [
      { start: 0, end: 56, label: 'claim' },
      { start: 30, end: 43, label: 'figure' },
      { start: 56, end: 62, label: 'actor' },
    ];
    const clusters = align([span('alice', 'figure', 0, 25), span('bob', 'figure', 30, 43), span('alice', 'actor', 62, 72)], { gold });
    // The claim covers the first figure's words but is another decision; the second figure is in gold.
    expect(clusters.map((cluster) => cluster.state)).toEqual(['open', 'accepted', 'open']);
    expect(clusters[1]?.gold).toEqual([gold[1]]);
  });

  it('is rejected when a rejection names exactly the cluster’s stretch', () => {
    const spans = [span('alice', 'figure', 0, 25), span('bob', 'figure', 0, 13)];
    expect(align(spans, { rejected: [{ start: 0, end: 25 }] })[0]?.state).toBe('rejected');
    // A reviewer's edit changes the stretch, so an old rejection no longer applies.
    expect(align(spans, { rejected: [{ start: 0, end: 13 }] })[0]?.state).toBe('open');
  });

  it('counts gold over a rejection: a span in gold is accepted', () => {
    const spans = [span('alice', 'figure', 0, 25)];
    const [cluster] = align(spans, { gold: [{ start: 0, end: 25, label: 'figure' }], rejected: [{ start: 0, end: 25 }] });
    expect(cluster?.state).toBe('accepted');
  });

  it('keys clusters by their stretch', () => {
    expect(clusterKey({ start: 30, end: 56 })).toBe('30-56');
  });
});
