import { AppError } from '../errors';
import { scanCounts } from './counts';
import { tokenize } from './tokens';
import type { FigureValue } from './types';

// A value field or a figure span is a few words; anything this long is not
// one, and tagging it would be slow.
const MAX_PHRASE = 1000;

/**
 * The count in a short phrase: a figure span's text or what a reviewer types
 * as its value ("at least 5", "3-5", "twenty-one", "thousands"). Null when
 * the phrase states no count, including numbers that count nothing: years,
 * dates, clock times, ordinals, model designations (AC-130), money and
 * percentages. When a phrase holds several counts the first is read.
 *
 * Choices, for figures compared across sources:
 * - "more than 5" is at least 5 and "fewer than 5" at most 5, not 6 and 4:
 *   the number stays the one the source gave.
 * - "about/around/nearly/almost/some 5" is min 5, max 5, 'about'.
 * - Vague plurals get the least they can mean and no maximum: "thousands"
 *   2000, "hundreds" 200, "scores" 40, "dozens" 24, "tens of thousands"
 *   20,000; "several" 3, "a few"/"a handful"/"multiple" 2; "many",
 *   "numerous", "a number of" have no bound (min null).
 * - "none", "nobody", "no one", "zero" and "0" are exactly 0; "no" before a
 *   noun is null ("no word on casualties" reports no figure).
 * - "one" is 1 even as a pronoun ("one of these attacks").
 */
export function parseFigureValue(phrase: string): FigureValue | null {
  if (phrase.length > MAX_PHRASE) {
    throw new AppError('figure_value_too_long', `a figure value is at most ${MAX_PHRASE} characters`, {
      length: phrase.length,
    });
  }
  const [count] = scanCounts(tokenize(phrase)).counts;
  return count ? count.value : null;
}
