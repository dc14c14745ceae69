import { describe, expect, it } from 'vitest';
import { addMatchCounts, exactF1, exactMatches, f1, overlapF1, overlapMatches } from './spans';

// "Five fighters were killed and two civilians were wounded near the border."
//  0         1         2         3         4         5
//  0123456789012345678901234567890123456789012345678901234567
const FIVE_FIGHTERS_WERE_KILLED = { start: 0, end: 25 };
const FIVE_FIGHTERS = { start: 0, end: 13 };
const TWO_CIVILIANS_WERE_WOUNDED = { start: 30, end: 56 };

describe('exactF1', () => {
  it('is 1 for identical lists', () => {
    // 2 matches: 2·2 / (2 + 2) = 1
    const spans = [FIVE_FIGHTERS_WERE_KILLED, TWO_CIVILIANS_WERE_WOUNDED];
    expect(exactF1(spans, [...spans])).toBe(1);
  });

  it('is null when neither side has a span, 0 when only one does', () => {
    expect(exactF1([], [])).toBeNull();
    // 2·0 / (1 + 0) = 0
    expect(exactF1([FIVE_FIGHTERS], [])).toBe(0);
    expect(exactF1([], [FIVE_FIGHTERS])).toBe(0);
  });

  it('counts only identical offsets: the partial example is 0.5', () => {
    // A: [0,25) [30,56); B: [0,13) [30,56). Only [30,56) is on both sides.
    // 2·1 / (2 + 2) = 0.5
    const a = [FIVE_FIGHTERS_WERE_KILLED, TWO_CIVILIANS_WERE_WOUNDED];
    const b = [FIVE_FIGHTERS, TWO_CIVILIANS_WERE_WOUNDED];
    expect(exactMatches(a, b)).toEqual({ matches: 1, countA: 2, countB: 2 });
    expect(exactF1(a, b)).toBe(0.5);
  });

  it('matches each span at most once', () => {
    // A tags [0,13) twice, B once: 1 match. 2·1 / (2 + 1) = 2/3
    expect(exactF1([FIVE_FIGHTERS, FIVE_FIGHTERS], [FIVE_FIGHTERS])).toBeCloseTo(2 / 3, 10);
  });
});

describe('overlapF1', () => {
  it('is 1 for identical lists and for the partial example, where every span overlaps one', () => {
    const a = [FIVE_FIGHTERS_WERE_KILLED, TWO_CIVILIANS_WERE_WOUNDED];
    expect(overlapF1(a, [...a])).toBe(1);
    // [0,25)∩[0,13) = 13 units, [30,56)∩[30,56) = 26 units: 2 matches.
    // 2·2 / (2 + 2) = 1
    expect(overlapF1(a, [FIVE_FIGHTERS, TWO_CIVILIANS_WERE_WOUNDED])).toBe(1);
  });

  it('is null when neither side has a span, 0 when only one does', () => {
    expect(overlapF1([], [])).toBeNull();
    expect(overlapF1([FIVE_FIGHTERS], [])).toBe(0);
  });

  it('does not count spans that only touch', () => {
    // [0,5) and [5,10) share no unit: 2·0 / (1 + 1) = 0
    expect(overlapF1([{ start: 0, end: 5 }], [{ start: 5, end: 10 }])).toBe(0);
  });

  it('matches one to one: one long span cannot match two short ones', () => {
    // A [0,56) overlaps both B spans, but is matched once: 2·1 / (1 + 2) = 2/3
    const b = [FIVE_FIGHTERS, TWO_CIVILIANS_WERE_WOUNDED];
    expect(overlapMatches([{ start: 0, end: 56 }], b)).toEqual({ matches: 1, countA: 1, countB: 2 });
  });

  it('breaks overlap ties by earliest start, whatever the input order', () => {
    // A1 [0,10), A2 [10,20); B1 [5,15), B2 [12,14).
    // Overlaps: A1–B1 = 10−5 = 5, A2–B1 = 15−10 = 5, A2–B2 = 14−12 = 2.
    // The tie at 5 goes to A1 (start 0 < 10): A1–B1, then A2–B2. 2 matches,
    // 2·2 / (2 + 2) = 1. Giving it to A2 would have left A1 and B2 unmatched.
    const a = [{ start: 0, end: 10 }, { start: 10, end: 20 }];
    const b = [{ start: 5, end: 15 }, { start: 12, end: 14 }];
    expect(overlapF1(a, b)).toBe(1);
    expect(overlapF1([...a].reverse(), [...b].reverse())).toBe(1);
  });

  it('takes the largest overlap first, greedily, even where another pairing would match more', () => {
    // A1 [0,10), A2 [9,11); B1 [5,10), B2 [0,1).
    // Overlaps: A1–B1 = 5, A1–B2 = 1, A2–B1 = 10−9 = 1.
    // Greedy takes A1–B1; A2's only partner B1 is gone, and B2's only partner
    // A1 too: 1 match, 2·1 / (2 + 2) = 0.5 (A1–B2 + A2–B1 would give 2).
    const a = [{ start: 0, end: 10 }, { start: 9, end: 11 }];
    const b = [{ start: 5, end: 10 }, { start: 0, end: 1 }];
    expect(overlapF1(a, b)).toBe(0.5);
  });
});

describe('f1 over summed counts', () => {
  it('adds counts before scoring', () => {
    // (1 of 1,1) + (0 of 3,1) = 1 of 4,2: 2·1 / 6 = 1/3
    const sum = addMatchCounts({ matches: 1, countA: 1, countB: 1 }, { matches: 0, countA: 3, countB: 1 });
    expect(sum).toEqual({ matches: 1, countA: 4, countB: 2 });
    expect(f1(sum)).toBeCloseTo(1 / 3, 10);
  });
});
