import { joinedToPrevious, wordsAt, type Token } from './tokens';
import type { Qualifier } from './types';

/*
 * Words around a number that bound it. "more than five" is read as at least
 * five, not six: the figure stays the number the source gave, and the
 * qualifier says the true count is at or above it. Likewise "fewer than
 * five" is at most five.
 */

type Pattern = readonly [words: readonly string[], qualifier: Qualifier];

const BEFORE: readonly Pattern[] = [
  [['at', 'least'], 'at_least'],
  [['more', 'than'], 'at_least'],
  [['over'], 'at_least'],
  [['above'], 'at_least'],
  [['upwards', 'of'], 'at_least'],
  [['in', 'excess', 'of'], 'at_least'],
  [['no', 'fewer', 'than'], 'at_least'],
  [['not', 'fewer', 'than'], 'at_least'],
  [['no', 'less', 'than'], 'at_least'],
  [['not', 'less', 'than'], 'at_least'],
  [['a', 'minimum', 'of'], 'at_least'],
  [['>'], 'at_least'],
  [['≥'], 'at_least'],
  [['>', '='], 'at_least'],
  [['up', 'to'], 'at_most'],
  [['at', 'most'], 'at_most'],
  [['no', 'more', 'than'], 'at_most'],
  [['not', 'more', 'than'], 'at_most'],
  [['fewer', 'than'], 'at_most'],
  [['less', 'than'], 'at_most'],
  [['under'], 'at_most'],
  [['as', 'many', 'as'], 'at_most'],
  [['a', 'maximum', 'of'], 'at_most'],
  [['<'], 'at_most'],
  [['≤'], 'at_most'],
  [['<', '='], 'at_most'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['nearly'], 'about'],
  [['almost'], 'about'],
  [['some'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['an', 'estimated'], 'about'],
  [['estimated'], 'about'],
  [['close', 'to'], 'about'],
  [['circa'], 'about'],
  [['more', 'or', 'less'], 'about'],
  [['~'], 'about'],
  [['≈'], 'about'],
];

const AFTER: readonly Pattern[] = [
  [['or', 'more'], 'at_least'],
  [['or', 'over'], 'at_least'],
  [['or', 'fewer'], 'at_most'],
  [['or', 'less'], 'at_most'],
  [['or', 'so'], 'about'],
  [['+'], 'at_least'],
  [['-', 'plus'], 'at_least'],
];

// Longest first, so "no more than" wins over "more than".
const byLength = (a: Pattern, b: Pattern) => b[0].length - a[0].length;
const BEFORE_LONGEST = [...BEFORE].sort(byLength);
const AFTER_LONGEST = [...AFTER].sort(byLength);

export interface QualifierRead {
  /** The qualifier's first token (before) or last token (after). */
  edge: number;
  qualifier: Qualifier;
}

/** A qualifier ending just before token `first`, starting no earlier than `floor`. */
export function qualifierBefore(tokens: readonly Token[], first: number, floor: number): QualifierRead | null {
  for (const [words, qualifier] of BEFORE_LONGEST) {
    const start = first - words.length;
    if (start >= floor && wordsAt(tokens, start, words)) return { edge: start, qualifier };
  }
  return null;
}

/** A qualifier starting just after token `last`: "50 or more", "50+". */
export function qualifierAfter(tokens: readonly Token[], last: number): QualifierRead | null {
  for (const [words, qualifier] of AFTER_LONGEST) {
    if (!wordsAt(tokens, last + 1, words)) continue;
    // A sign only qualifies the number it touches: "50+", not "50 +".
    if (!/\p{L}/u.test(words[0]!) && !joinedToPrevious(tokens, last + 1)) continue;
    return { edge: last + words.length, qualifier };
  }
  return null;
}
