import { isYearAt } from './numbers';
import { REPORTING_VERBS, type TokenRange } from './phrase';
import { hasTag, isDash, joinedToPrevious, type Token } from './tokens';

/*
 * When a figure happened: a weekday, a date or a month with the words that
 * lead into it ("early on Wednesday", "on November 21", "in June 2014").
 * The lead-in is kept because it carries meaning ("since", "by", "early").
 */

const LEAD_INS: ReadonlySet<string> = new Set([
  'on', 'in', 'since', 'by', 'until', 'till', 'from', 'before', 'after', 'during', 'last', 'this', 'next',
]);
const PART_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);
const EARLY_LATE: ReadonlySet<string> = new Set(['early', 'late', 'earlier', 'later']);
// A bare year is a time only after one of these: "in 2014", "since 2003".
const YEAR_LEAD_INS: ReadonlySet<string> = new Set(['in', 'since', 'by', 'until', 'till', 'before', 'after', 'during', 'from']);
const DAYS_WORDS: ReadonlySet<string> = new Set(['yesterday', 'today', 'tonight']);

function isDayNumber(token: Token | undefined): boolean {
  const match = token && /^(\d{1,2})(?:st|nd|rd|th)?$/u.exec(token.lower);
  if (!match) return false;
  const day = Number(match[1]);
  return day >= 1 && day <= 31;
}

function isYear(tokens: readonly Token[], i: number): boolean {
  return tokens[i] !== undefined && /^\d{4}$/u.test(tokens[i]!.text) && isYearAt(tokens, i);
}

/** Skips a comma so "November 21, 2023" reads as one date. */
function yearAfter(tokens: readonly Token[], i: number): number {
  if (isYear(tokens, i)) return i;
  if (tokens[i]?.text === ',' && isYear(tokens, i + 1)) return i + 1;
  return -1;
}

/** A date or day starting at `i` without its lead-in, or null. */
function coreAt(tokens: readonly Token[], i: number): TokenRange | null {
  const token = tokens[i];
  if (!token || !token.word) return null;

  if (hasTag(token, 'WeekDay')) {
    let last = i;
    if (PART_OF_DAY.has(tokens[i + 1]?.lower ?? '')) last = i + 1;
    // "Wednesday, November 22"
    if (tokens[last + 1]?.text === ',' && hasTag(tokens[last + 2], 'Month')) {
      const date = coreAt(tokens, last + 2);
      if (date) last = date.last;
    }
    return { first: i, last };
  }
  if (hasTag(token, 'Month')) {
    let last = i;
    if (isDayNumber(tokens[i + 1])) last = i + 1;
    const year = yearAfter(tokens, last + 1);
    if (year >= 0) last = year;
    return { first: i, last };
  }
  if (isDayNumber(token) && hasTag(tokens[i + 1], 'Month')) {
    let last = i + 1;
    if (isYear(tokens, i + 2)) last = i + 2;
    return { first: i, last };
  }
  // 2023-11-22
  if (/^\d{4}$/u.test(token.text) && [1, 2, 3, 4].every((k) => joinedToPrevious(tokens, i + k))) {
    if (isDash(tokens[i + 1]) && isDash(tokens[i + 3]) && /^\d\d?$/u.test(tokens[i + 2]?.text ?? '')) {
      return { first: i, last: i + 4 };
    }
  }
  if (DAYS_WORDS.has(token.lower)) return { first: i, last: i };
  if (isYear(tokens, i) && YEAR_LEAD_INS.has(tokens[i - 1]?.lower ?? '')) return { first: i, last: i };
  return null;
}

/** Widens a date leftwards over "on", "early on", "Late on", "mid-". */
function withLeadIn(tokens: readonly Token[], core: TokenRange): TokenRange {
  let first = core.first;
  const before = tokens[first - 1];
  if (isDash(before) && joinedToPrevious(tokens, first) && tokens[first - 2]?.lower === 'mid') {
    first -= 2;
  }
  if (LEAD_INS.has(tokens[first - 1]?.lower ?? '')) first--;
  if (EARLY_LATE.has(tokens[first - 1]?.lower ?? '')) first--;
  return { first, last: core.last };
}

export interface TimeRange extends TokenRange {
  /**
   * The time follows "said"/"told"...: it dates the statement, not the
   * events ("officials said on Tuesday that 66 attacks ... since October 17").
   */
  ofStatement: boolean;
}

/** Time phrases in a sentence's tokens, in order. */
export function findTimes(tokens: readonly Token[]): TimeRange[] {
  const times: TimeRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const core = coreAt(tokens, i);
    if (!core) continue;
    const time = withLeadIn(tokens, core);
    const ofStatement = REPORTING_VERBS.has(tokens[time.first - 1]?.lower ?? '');
    times.push({ ...time, ofStatement });
    i = core.last;
  }
  return times;
}
