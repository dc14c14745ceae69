import { describe, expect, it } from 'vitest';
import { describeProgress, formatDuration, ProgressEstimator } from './progress';

describe('ProgressEstimator', () => {
  it('gives the rate and time left of the phase, from its own start', () => {
    const estimator = new ProgressEstimator();
    expect(estimator.estimate({ phase: 'checking', done: 0, total: null, fraction: 0 }, 1_000)).toMatchObject({ rate: null, secondsLeft: null });
    // 2 s in, a quarter of the file read: 6 s to go.
    expect(estimator.estimate({ phase: 'checking', done: 500, total: null, fraction: 0.25 }, 3_000)).toMatchObject({ rate: 250, secondsLeft: 6 });
    // Writing starts its own clock: 400 of 1,000 written in 4 s, so 6 s left at 100/s.
    estimator.estimate({ phase: 'writing', done: 0, total: 1_000, fraction: 0 }, 10_000);
    const writing = estimator.estimate({ phase: 'writing', done: 400, total: 1_000, fraction: 0.4 }, 14_000);
    expect(writing.rate).toBe(100);
    expect(writing.secondsLeft).toBeCloseTo(6);
    expect(estimator.estimate({ phase: 'writing', done: 1_000, total: 1_000, fraction: 1 }, 20_000)).toMatchObject({ rate: 100, secondsLeft: 0 });
  });

  it('says nothing of the time left when the fraction is unknown', () => {
    const estimator = new ProgressEstimator();
    estimator.estimate({ phase: 'checking', done: 0, total: null, fraction: null }, 0);
    expect(estimator.estimate({ phase: 'checking', done: 10, total: null, fraction: null }, 1_000)).toMatchObject({ rate: 10, secondsLeft: null });
  });
});

describe('describeProgress and formatDuration', () => {
  it('reads as one line', () => {
    expect(describeProgress({ phase: 'writing', done: 4_000, total: 10_000, fraction: 0.4, rate: 812.4, secondsLeft: 6.2 })).toBe('writing 4,000 of 10,000 articles · 812 articles/s · 7 s left');
    expect(describeProgress({ phase: 'checking', done: 1_234, total: null, fraction: 0.456, rate: null, secondsLeft: null })).toBe('checking 1,234 articles (45% of the file)');
  });

  it('rounds time left up, in seconds, minutes or hours', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.2)).toBe('1 min 00 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3_725)).toBe('1 h 02 min');
  });
});
