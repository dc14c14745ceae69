import { readNumberAt, type NumberRead } from './numbers';
import { qualifierAfter, qualifierBefore } from './qualifiers';
import { isDash, type Token } from './tokens';
import type { FigureValue, Qualifier } from './types';
import { readVagueAt } from './vague';

/*
 * Finds every stated count in a run of tokens, with its qualifier or range,
 * and notes the numbers that count nothing (years, dates, ordinals...) so a
 * caller can tell "no number here" from "a number that is not a count".
 */

export interface CountPhrase {
  /** Tokens of the whole phrase, qualifier included ("At least five"). */
  first: number;
  last: number;
  /** Tokens of the number alone (both ends of a range). */
  numberFirst: number;
  numberLast: number;
  value: FigureValue;
}

export interface CountScan {
  counts: CountPhrase[];
  notCounts: Array<{ first: number; last: number }>;
}

type CountRead = NumberRead & { kind: 'count' };

// "a few hours later", "two months": a number of time units is a duration, never a count of people or things.
const TIME_UNITS: ReadonlySet<string> = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights',
  'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades',
]);

function isDuration(tokens: readonly Token[], phrase: CountPhrase): boolean {
  return TIME_UNITS.has(tokens[phrase.numberLast + 1]?.lower ?? '');
}

function boundsFor(value: number, qualifier: Qualifier): FigureValue {
  switch (qualifier) {
    case 'at_least':
      return { min: value, max: null, qualifier, vague: false };
    case 'at_most':
      return { min: null, max: value, qualifier, vague: false };
    default:
      return { min: value, max: value, qualifier, vague: false };
  }
}

// Zero said in words. "no" before a noun is not read as zero: it is too
// often an idiom ("no word on casualties", "no longer").
function readZero(tokens: readonly Token[], i: number): CountPhrase | null {
  const word = tokens[i]?.lower;
  let last = -1;
  if (word === 'none' || word === 'nobody') last = i;
  else if (word === 'no' && tokens[i + 1]?.lower === 'one') last = i + 1;
  if (last < 0) return null;
  return { first: i, last, numberFirst: i, numberLast: last, value: boundsFor(0, 'exact') };
}

function readVague(tokens: readonly Token[], i: number, floor: number): CountPhrase | null {
  const vague = readVagueAt(tokens, i);
  if (!vague) return null;
  // "at least dozens" stays vague; the qualifier words still belong to the phrase.
  const before = qualifierBefore(tokens, vague.first, floor);
  return {
    first: before?.edge ?? vague.first,
    last: vague.last,
    numberFirst: vague.first,
    numberLast: vague.last,
    value: { min: vague.min, max: null, qualifier: 'vague', vague: true },
  };
}

function asCount(read: NumberRead | null): CountRead | null {
  return read?.kind === 'count' ? read : null;
}

/** "3-5", "3–5", "three to five", "five or six", "between 3 and 5", "from 3 to 5". */
function readRange(tokens: readonly Token[], low: CountRead, floor: number): CountPhrase | null {
  const lead = low.first - 1 >= floor ? tokens[low.first - 1]?.lower : undefined;
  const k = low.last + 1;
  const link = tokens[k];
  if (!link) return null;
  let next = -1;
  if (isDash(link) && tokens[k + 1]?.lower === 'to' && isDash(tokens[k + 2])) next = k + 3;
  else if (isDash(link) || link.lower === 'to' || link.lower === 'or') next = k + 1;
  else if (link.lower === 'and' && lead === 'between') next = k + 1;
  if (next < 0) return null;

  const high = asCount(readNumberAt(tokens, next));
  if (!high) return null;
  const first = lead === 'between' || lead === 'from' ? low.first - 1 : low.first;
  return {
    first,
    last: high.last,
    numberFirst: low.first,
    numberLast: high.last,
    value: {
      min: Math.min(low.value, high.value),
      max: Math.max(low.value, high.value),
      qualifier: 'range',
      vague: false,
    },
  };
}

function readSingle(tokens: readonly Token[], read: CountRead, floor: number): CountPhrase {
  const before = qualifierBefore(tokens, read.first, floor);
  const after = qualifierAfter(tokens, read.last);
  const qualifier = before?.qualifier ?? after?.qualifier ?? 'exact';
  return {
    first: before?.edge ?? read.first,
    last: after?.edge ?? read.last,
    numberFirst: read.first,
    numberLast: read.last,
    value: boundsFor(read.value, qualifier),
  };
}

export function scanCounts(tokens: readonly Token[]): CountScan {
  const scan: CountScan = { counts: [], notCounts: [] };
  // Tokens before `floor` already belong to a phrase; qualifiers may not reach back into them.
  let floor = 0;
  let i = 0;
  while (i < tokens.length) {
    let phrase = readZero(tokens, i) ?? readVague(tokens, i, floor);
    if (!phrase) {
      const read = readNumberAt(tokens, i);
      if (!read) {
        i++;
        continue;
      }
      if (read.kind === 'not_count') {
        scan.notCounts.push({ first: read.first, last: read.last });
        i = floor = read.last + 1;
        continue;
      }
      phrase = readRange(tokens, read, floor) ?? readSingle(tokens, read, floor);
    }
    if (isDuration(tokens, phrase)) scan.notCounts.push({ first: phrase.first, last: phrase.numberLast + 1 });
    else scan.counts.push(phrase);
    i = floor = phrase.last + 1;
  }
  return scan;
}
