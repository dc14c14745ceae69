import { describe, it, expect } from 'vitest';
import { isAppError } from '../errors';
import { parseFigureValue } from './parse-value';
import type { FigureValue } from './types';

const exact = (n: number): FigureValue => ({ min: n, max: n, qualifier: 'exact', vague: false });
const atLeast = (n: number): FigureValue => ({ min: n, max: null, qualifier: 'at_least', vague: false });
const atMost = (n: number): FigureValue => ({ min: null, max: n, qualifier: 'at_most', vague: false });
const about = (n: number): FigureValue => ({ min: n, max: n, qualifier: 'about', vague: false });
const range = (min: number, max: number): FigureValue => ({ min, max, qualifier: 'range', vague: false });
const vague = (min: number | null): FigureValue => ({ min, max: null, qualifier: 'vague', vague: true });

describe('parseFigureValue: plain counts', () => {
  it.each([
    ['5', 5],
    ['0', 0],
    ['42', 42],
    ['1,200', 1200],
    ['14,500', 14500],
    ['1,000,000', 1_000_000],
    ['five', 5],
    ['Five', 5],
    ['two', 2],
    ['one', 1],
    ['eleven', 11],
    ['twenty-one', 21],
    ['Twenty-one', 21],
    ['forty two', 42],
    ['one hundred and twenty', 120],
    ['a hundred', 100],
    ['a thousand', 1000],
    ['1.5 million', 1_500_000],
    ['2 million', 2_000_000],
    ['1.5m', 1_500_000],
    ['10k', 10_000],
    ['a dozen', 12],
    ['two dozen', 24],
    ['half a dozen', 6],
    ['zero', 0],
  ])('%j is exactly %d', (phrase, n) => {
    expect(parseFigureValue(phrase)).toEqual(exact(n));
  });

  it('reads the count inside a longer phrase', () => {
    expect(parseFigureValue('five fighters were wounded')).toEqual(exact(5));
    expect(parseFigureValue('1,200 people')).toEqual(exact(1200));
  });

  it('reads the first count when a phrase holds several', () => {
    expect(parseFigureValue('killed 21 and wounded 3')).toEqual(exact(21));
  });

  it('skips a year to reach the count after it', () => {
    expect(parseFigureValue('In 2014 five people died')).toEqual(exact(5));
  });

  it('reads "one" as 1 even where it stands for a noun', () => {
    // "One of these attacks" counts one attack; the reviewer can clear it.
    expect(parseFigureValue('One of these attacks')).toEqual(exact(1));
  });

  it('reads "none", "no one" and "nobody" as exactly 0', () => {
    expect(parseFigureValue('none')).toEqual(exact(0));
    expect(parseFigureValue('no one')).toEqual(exact(0));
    expect(parseFigureValue('nobody')).toEqual(exact(0));
  });

  it('reads a four-digit number followed by a noun as a count, not a year', () => {
    expect(parseFigureValue('2000 troops')).toEqual(exact(2000));
  });
});

describe('parseFigureValue: qualifiers', () => {
  it.each(['at least 5', 'At least five', 'more than 5', 'over 5', 'no fewer than 5', 'upwards of 5', '5 or more', '5+', '>5', '≥ 5'])(
    '%j is at least 5',
    (phrase) => {
      expect(parseFigureValue(phrase)).toEqual(atLeast(5));
    },
  );

  it('keeps the stated number for "more than": min 5, not 6', () => {
    expect(parseFigureValue('more than 5')?.min).toBe(5);
    expect(parseFigureValue('more than 14,500')).toEqual(atLeast(14500));
  });

  it.each(['up to 5', 'at most 5', 'no more than 5', 'fewer than 5', 'less than 5', 'as many as 5', '5 or fewer', '<5', '≤ 5'])(
    '%j is at most 5',
    (phrase) => {
      expect(parseFigureValue(phrase)).toEqual(atMost(5));
    },
  );

  it.each(['about 5', 'around five', 'nearly 5', 'almost 5', 'some 5', 'roughly 5', 'approximately 5', 'an estimated 5', '5 or so', '~5'])(
    '%j is about 5',
    (phrase) => {
      expect(parseFigureValue(phrase)).toEqual(about(5));
    },
  );

  it('qualifies number words and multipliers too', () => {
    expect(parseFigureValue('more than a dozen')).toEqual(atLeast(12));
    expect(parseFigureValue('about 1.7 million')).toEqual(about(1_700_000));
    expect(parseFigureValue('a dozen or so')).toEqual(about(12));
  });
});

describe('parseFigureValue: ranges', () => {
  it.each([
    ['3-5', 3, 5],
    ['3–5', 3, 5],
    ['3 — 5', 3, 5],
    ['3 - 5', 3, 5],
    ['three to five', 3, 5],
    ['three-to-five', 3, 5],
    ['between 3 and 5', 3, 5],
    ['between three and five', 3, 5],
    ['from 3 to 5', 3, 5],
    ['five or six', 5, 6],
    ['12,000-15,000', 12000, 15000],
    ['twenty-five to thirty', 25, 30],
  ])('%j is %d to %d', (phrase, min, max) => {
    expect(parseFigureValue(phrase)).toEqual(range(min, max));
  });

  it('orders the bounds of a range written high to low', () => {
    expect(parseFigureValue('5-3')).toEqual(range(3, 5));
  });
});

describe('parseFigureValue: vague amounts', () => {
  it.each([
    // A plural of a unit means at least two of it.
    ['thousands', 2000],
    ['Thousands of Sunnis', 2000],
    ['hundreds', 200],
    ['dozens', 24],
    ['scores of people', 40],
    ['tens of thousands', 20_000],
    ['hundreds of thousands', 200_000],
    ['millions', 2_000_000],
    // Small quantifiers: the least they can mean.
    ['several', 3],
    ['a few', 2],
    ['a handful', 2],
    ['multiple', 2],
    // A small quantifier scales a unit after it.
    ['several hundred', 300],
    ['a few dozen', 24],
    ['a few thousand', 2000],
  ])('%j is vague with min %d', (phrase, min) => {
    expect(parseFigureValue(phrase)).toEqual(vague(min));
  });

  it.each(['many', 'numerous', 'countless', 'a number of people'])('%j is vague with no bound', (phrase) => {
    expect(parseFigureValue(phrase)).toEqual(vague(null));
  });

  it('stays vague under a qualifier', () => {
    expect(parseFigureValue('at least dozens')).toEqual(vague(24));
  });

  it('reads "as many as" as a qualifier, not the vague "many"', () => {
    expect(parseFigureValue('as many as 50')).toEqual(atMost(50));
  });

  it('needs "of" after "scores" inside a phrase', () => {
    expect(parseFigureValue('the scores were level')).toBeNull();
  });
});

describe('parseFigureValue: numbers that count nothing', () => {
  it.each([
    ['a year alone', '2014'],
    ['a year alone', '2003'],
    ['a year after a month', 'in June 2014'],
    ['a year after "of"', 'the invasion of 2003'],
    ['a year after "the"', 'the 2014 elections'],
    ['a year span', '2014-15'],
    ['a decade', '1990s'],
    ['a month and day', 'November 21'],
    ['a day and month', '21 November'],
    ['a day and month with year', 'on 21 November 2023'],
    ['an ISO date', '2023-11-22'],
    ['a slashed date', '22/11/2023'],
    ['a slashed date', '9/11'],
    ['a clock time', '10:30'],
    ['a clock time', '3pm'],
    ['a clock time', '3 pm'],
    ['a clock time', '3 p.m.'],
    ['an ordinal word', 'first'],
    ['an ordinal word', 'second'],
    ['a hyphenated ordinal', 'twenty-first'],
    ['an ordinal in digits', '21st'],
    ['a model designation', 'AC-130'],
    ['a model designation', 'F-16'],
    ['a model designation', 'MiG-29 jets'],
    ['letters', 'X'],
    ['letters and digits', 'G7'],
    ['a percentage', '5%'],
    ['a percentage', '5 percent'],
    ['money', '$5 million'],
    ['"no" before a noun', 'no casualties'],
    ['nothing', ''],
    ['only spaces', '   '],
  ])('%s: %j', (_kind, phrase) => {
    expect(parseFigureValue(phrase)).toBeNull();
  });
});

describe('parseFigureValue: limits', () => {
  it('rejects a phrase too long to be a value with an AppError', () => {
    let caught: unknown;
    try {
      parseFigureValue('five '.repeat(300));
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'figure_value_too_long', status: 422 });
  });
});
