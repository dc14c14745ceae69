import { tokenRanges } from './tokens';
import type { TextRange } from './types';

/*
 * Cohen's kappa for two raters giving each item a yes/no rating: how much
 * more they agree than two raters with the same yes-rates would by chance.
 *
 *   po = share of items rated the same
 *   pA, pB = share of items each rater said yes to
 *   pe = pA·pB + (1 − pA)(1 − pB)      (chance agreement)
 *   kappa = (po − pe) / (1 − pe)
 *
 * The ratings are kept as a 2×2 table of counts, so a library adds tables
 * across articles; that is the same as concatenating the rating lists, but
 * holds four numbers instead of one boolean per token.
 */

export interface KappaTable {
  bothYes: number;
  onlyA: number;
  onlyB: number;
  bothNo: number;
}

// Frozen: it is shared as the starting value of every tally.
export const EMPTY_TABLE: Readonly<KappaTable> = Object.freeze({ bothYes: 0, onlyA: 0, onlyB: 0, bothNo: 0 });

export function addTables(x: KappaTable, y: KappaTable): KappaTable {
  return {
    bothYes: x.bothYes + y.bothYes,
    onlyA: x.onlyA + y.onlyA,
    onlyB: x.onlyB + y.onlyB,
    bothNo: x.bothNo + y.bothNo,
  };
}

/** Counts the 2×2 table of two raters' ratings of the same items, in the same order. */
export function kappaTable(ratingsA: readonly boolean[], ratingsB: readonly boolean[]): KappaTable {
  // Unequal lengths mean the raters did not rate the same items; any kappa
  // would be meaningless, so this is the caller's bug, not a low score.
  if (ratingsA.length !== ratingsB.length) {
    throw new RangeError(`Ratings differ in length: ${ratingsA.length} and ${ratingsB.length}`);
  }
  const table = { ...EMPTY_TABLE };
  ratingsA.forEach((a, i) => {
    const b = ratingsB[i];
    if (a && b) table.bothYes++;
    else if (a) table.onlyA++;
    else if (b) table.onlyB++;
    else table.bothNo++;
  });
  return table;
}

/**
 * Kappa of a 2×2 table, or null when it is undefined:
 * - no items at all;
 * - pe = 1, which happens exactly when both raters gave every item the same
 *   single value (all yes, or all no). Then po = 1 too and kappa is 0 / 0:
 *   the raters agree completely, but with no variation there is no way to
 *   tell agreement from chance. Typical case: neither reviewer used a label
 *   on an article. Null shows as "—", rather than a 1 or 0 that would mislead.
 */
export function kappaFromTable(table: KappaTable): number | null {
  const { bothYes, onlyA, onlyB, bothNo } = table;
  const n = bothYes + onlyA + onlyB + bothNo;
  if (n === 0) return null;
  const yesA = bothYes + onlyA;
  const yesB = bothYes + onlyB;
  // Tested on the counts, not on pe as a float, so rounding cannot hide or fake the case.
  if ((yesA === n && yesB === n) || (yesA === 0 && yesB === 0)) return null;
  // The formula above with numerator and denominator multiplied by n²:
  //   (n·agreed − chance) / (n² − chance), chance = yesA·yesB + noA·noB.
  // On integer counts (exact below 2^53, ~94 million items) the only rounding
  // is the final division, so a kappa of 0 comes out as 0, not 5e-17.
  const agreed = bothYes + bothNo;
  const chance = yesA * yesB + (n - yesA) * (n - yesB);
  return (n * agreed - chance) / (n * n - chance);
}

/** Binary Cohen's kappa; null for no items or when pe = 1 (see kappaFromTable). Throws if the lengths differ. */
export function cohensKappa(ratingsA: readonly boolean[], ratingsB: readonly boolean[]): number | null {
  return kappaFromTable(kappaTable(ratingsA, ratingsB));
}

/** Sorted, disjoint ranges covering the same units as `spans`; empty spans cover nothing and are dropped. */
function coverage(spans: readonly TextRange[]): TextRange[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const merged: TextRange[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/**
 * For each token (sorted, as tokenRanges gives them), whether it lies inside
 * any span: a token is inside if it shares at least one UTF-16 unit with one,
 * so a span cut mid-word still claims the word.
 */
export function tokenRatings(tokens: readonly TextRange[], spans: readonly TextRange[]): boolean[] {
  const covered = coverage(spans);
  let k = 0;
  return tokens.map((token) => {
    // Both lists are sorted, so ranges ending before this token end before every later one too.
    let range = covered[k];
    while (range !== undefined && range.end <= token.start) range = covered[++k];
    return range !== undefined && range.start < token.end;
  });
}

/** Kappa of two reviewers' spans over the word tokens of `text`, each token rated inside or outside. */
export function tokenKappa(text: string, spansA: readonly TextRange[], spansB: readonly TextRange[]): number | null {
  const tokens = tokenRanges(text);
  return cohensKappa(tokenRatings(tokens, spansA), tokenRatings(tokens, spansB));
}
