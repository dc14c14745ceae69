import { numberValue } from './nlp';
import { hasTag, isDash, joinTokens, joinedToPrevious, type Token } from './tokens';

/*
 * Reads the number that starts at one token, and tells a count ("five",
 * "1,200", "twenty-one") from numbers that count nothing: years, dates,
 * clock times, ordinals, model designations (AC-130), money and percentages.
 */

export type NumberRead =
  | { kind: 'count'; first: number; last: number; value: number }
  | { kind: 'not_count'; first: number; last: number };

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
// Newsroom shorthand: "1.5m displaced", "10k", "2bn".
const SHORT_SCALE = /^(\d+(?:\.\d+)?)(k|m|bn)$/u;
const SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, bn: 1e9 };
const HAS_DIGIT = /\p{Nd}/u;
const HAS_LETTER = /\p{L}/u;
const CURRENCY = /^\p{Sc}$/u;
const CLOCK = new Set(['am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'hrs']);
// Punctuation that glues digits into one non-count: 10:30, 9/11, 22/11/2023.
const GLUE = new Set([':', '/']);

function notCount(first: number, last: number): NumberRead {
  return { kind: 'not_count', first, last };
}

function isDigits(token: Token | undefined): boolean {
  return token !== undefined && /^\d+$/u.test(token.text);
}

/**
 * A number word compromise can value. Plural forms ("thousands") are left
 * to the vague-amount reader: compromise values them as 0.
 */
function isNumberWord(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.word &&
    !HAS_DIGIT.test(token.text) &&
    token.tags.has('Cardinal') &&
    !token.tags.has('Ordinal') &&
    !token.lower.endsWith('s') &&
    token.lower !== 'a'
  );
}

/**
 * A four-digit number from 1800 to 2100 is read as a year unless a noun
 * follows it ("2000 troops"); after a month or "the" it is a year anyway
 * ("June 2014", "the 2014 elections").
 */
export function isYearAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || !/^\d{4}$/u.test(token.text)) return false;
  const value = Number(token.text);
  if (value < 1800 || value > 2100) return false;
  const prev = tokens[i - 1];
  if (hasTag(prev, 'Month') || prev?.lower === 'the') return true;
  const next = tokens[i + 1];
  const nounFollows =
    next !== undefined &&
    next.word &&
    !joinedToPrevious(tokens, i + 1) &&
    hasTag(next, 'Noun') &&
    !hasTag(next, 'Date') &&
    !hasTag(next, 'ProperNoun');
  return !nounFollows;
}

function isMonthDay(tokens: readonly Token[], i: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  return hasTag(tokens[i - 1], 'Month') || hasTag(tokens[i + 1], 'Month');
}

function isClockTime(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return hasTag(tokens[i], 'Time') || (next !== undefined && CLOCK.has(next.lower));
}

function isPercent(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.text === '%' || next.text === '‰') return joinedToPrevious(tokens, i + 1);
  return next.lower === 'percent' || (next.lower === 'per' && tokens[i + 2]?.lower === 'cent');
}

/** "AC-130", "F-16", "MiG-29": letters glued to the digits by a hyphen. */
function isDesignation(tokens: readonly Token[], i: number): boolean {
  const dash = tokens[i - 1];
  const head = tokens[i - 2];
  return (
    isDash(dash) &&
    joinedToPrevious(tokens, i) &&
    joinedToPrevious(tokens, i - 1) &&
    head !== undefined &&
    HAS_LETTER.test(head.text)
  );
}

/** The second half of a year span: the "15" of "2014-15". */
function followsYearDash(tokens: readonly Token[], i: number): boolean {
  return (
    isDash(tokens[i - 1]) &&
    joinedToPrevious(tokens, i) &&
    joinedToPrevious(tokens, i - 1) &&
    isYearAt(tokens, i - 2)
  );
}

/** Last token of digits glued by ':' or '/', or of an ISO date; -1 when there is no such group. */
function gluedGroupEnd(tokens: readonly Token[], i: number): number {
  const sep = tokens[i + 1];
  if (sep && GLUE.has(sep.text) && joinedToPrevious(tokens, i + 1) && isDigits(tokens[i + 2]) && joinedToPrevious(tokens, i + 2)) {
    let last = i + 2;
    while (GLUE.has(tokens[last + 1]?.text ?? '') && isDigits(tokens[last + 2]) && joinedToPrevious(tokens, last + 2)) {
      last += 2;
    }
    return last;
  }
  // 2023-11-22: three glued parts, so not a range.
  if (
    isDash(tokens[i + 1]) &&
    isDigits(tokens[i + 2]) &&
    isDash(tokens[i + 3]) &&
    isDigits(tokens[i + 4]) &&
    [i + 1, i + 2, i + 3, i + 4].every((k) => joinedToPrevious(tokens, k))
  ) {
    return i + 4;
  }
  return -1;
}

/** Extends a count with "dozen": "two dozen" is 24. */
function withDozen(tokens: readonly Token[], read: NumberRead & { kind: 'count' }): NumberRead {
  if (tokens[read.last + 1]?.lower !== 'dozen') return read;
  return { ...read, last: read.last + 1, value: read.value * 12 };
}

function readDigits(tokens: readonly Token[], i: number): NumberRead {
  const token = tokens[i]!;
  const prev = tokens[i - 1];
  const isMoney = prev !== undefined && CURRENCY.test(prev.text) && joinedToPrevious(tokens, i);

  const short = SHORT_SCALE.exec(token.lower);
  if (short) {
    if (isMoney) return notCount(i, i);
    return { kind: 'count', first: i, last: i, value: Number(short[1]) * SCALE[short[2]!]! };
  }
  // Digits glued to letters: 21st, 3pm, 1990s, G7.
  if (!PLAIN_NUMBER.test(token.text)) return notCount(i, i);

  const glued = gluedGroupEnd(tokens, i);
  if (glued >= 0) return notCount(i, glued);

  let last = i;
  // "5 million", "1.5 billion"; compromise values the words together.
  while (hasTag(tokens[last + 1], 'Multiple') && tokens[last + 1]!.word) last++;

  if (isMoney) return notCount(i, last);
  if (isDesignation(tokens, i) || followsYearDash(tokens, i)) return notCount(i, i);
  if (isPercent(tokens, i) || isClockTime(tokens, i)) return notCount(i, i);

  const plain = Number(token.text.replaceAll(',', ''));
  if (last === i && isMonthDay(tokens, i, plain)) return notCount(i, i);
  if (last === i && isYearAt(tokens, i)) return notCount(i, i);

  // compromise reads "1,200" and "1.5 million"; plain digits are the fallback.
  const value = numberValue(joinTokens(tokens, i, last)) ?? (last === i ? plain : null);
  if (value === null) return notCount(i, last);
  return withDozen(tokens, { kind: 'count', first: i, last, value });
}

/** Number words: "five", "twenty-one", "one hundred and twenty". */
function readWords(tokens: readonly Token[], i: number): NumberRead | null {
  let last = i;
  let ordinal = false;
  for (;;) {
    const next = last + 1;
    if (isDash(tokens[next]) && joinedToPrevious(tokens, next) && joinedToPrevious(tokens, next + 1)) {
      const after = tokens[next + 1];
      if (hasTag(after, 'Ordinal')) ordinal = true;
      else if (!isNumberWord(after)) break;
      last = next + 1;
    } else if (isNumberWord(tokens[next])) {
      last = next;
    } else if (tokens[next]?.lower === 'and' && hasTag(tokens[last], 'Multiple') && isNumberWord(tokens[next + 1])) {
      last = next + 1;
    } else {
      break;
    }
  }
  // "twenty-first" is a position, not a count.
  if (ordinal) return notCount(i, last);

  // compromise reads "one two" as two numbers; keep the longest prefix that is one.
  for (let end = last; end >= i; end--) {
    const value = numberValue(joinTokens(tokens, i, end));
    if (value !== null) return withDozen(tokens, { kind: 'count', first: i, last: end, value });
  }
  return null;
}

/** "a dozen", "half a dozen", "a hundred", "a thousand". */
function readArticle(tokens: readonly Token[], i: number): NumberRead | null {
  const token = tokens[i]!;
  if (token.lower === 'half') {
    const article = tokens[i + 1]?.lower;
    if ((article === 'a' || article === 'an') && tokens[i + 2]?.lower === 'dozen') {
      return { kind: 'count', first: i, last: i + 2, value: 6 };
    }
    return null;
  }
  const next = tokens[i + 1];
  if (next?.lower === 'dozen') return { kind: 'count', first: i, last: i + 1, value: 12 };
  if (hasTag(next, 'Multiple') && isNumberWord(next)) {
    const read = readWords(tokens, i + 1);
    return read && { ...read, first: i };
  }
  return null;
}

/** The number starting at token `i`, or null when none starts there. */
export function readNumberAt(tokens: readonly Token[], i: number): NumberRead | null {
  const token = tokens[i];
  if (!token || !token.word) return null;
  if (token.lower === 'a' || token.lower === 'an' || token.lower === 'half') return readArticle(tokens, i);
  if (HAS_DIGIT.test(token.text)) return readDigits(tokens, i);
  if (hasTag(token, 'Ordinal')) return notCount(i, i);
  if (isNumberWord(token)) return readWords(tokens, i);
  return null;
}
