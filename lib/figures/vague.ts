import { wordsAt, type Token } from './tokens';

/*
 * Amounts stated without a number. No library gives lower bounds for these,
 * so the table is ours. The bound is the least the words can mean: a plural
 * of a unit means at least two of it ("thousands" ≥ 2000, "dozens" ≥ 24);
 * "several" means more than two. None of them has an upper bound.
 */

export interface VagueRead {
  first: number;
  last: number;
  /** Null when the words give no usable lower bound ("many"). */
  min: number | null;
}

const PLURAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['tens', 10],
  ['dozens', 12],
  ['scores', 20],
  ['hundreds', 100],
  ['thousands', 1000],
  ['millions', 1e6],
  ['billions', 1e9],
]);

// "the scores were level" and "tens" alone count nothing; these need "of".
const NEEDS_OF = new Set(['tens', 'scores']);

// A singular unit after a small quantifier scales it: "several hundred" ≥ 300.
const SINGULAR_UNITS: ReadonlyMap<string, number> = new Map([
  ['dozen', 12],
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1e6],
  ['billion', 1e9],
]);

const SMALL: ReadonlyArray<readonly [readonly string[], number]> = [
  [['a', 'few'], 2],
  [['a', 'handful'], 2],
  [['several'], 3],
  [['multiple'], 2],
];

const UNBOUNDED: ReadonlyArray<readonly string[]> = [
  ['a', 'number', 'of'],
  ['a', 'lot', 'of'],
  ['lots', 'of'],
  ['many'],
  ['numerous'],
  ['countless'],
];

// "as many as 50" is a qualifier and "how many" a question, not amounts.
const NOT_BEFORE_MANY = new Set(['as', 'how']);

function readPlural(tokens: readonly Token[], i: number): VagueRead | null {
  const unit = PLURAL_UNITS.get(tokens[i]!.lower);
  if (unit === undefined) return null;
  const hasOf = tokens[i + 1]?.lower === 'of';
  const wholePhrase = tokens.length === 1;
  if (NEEDS_OF.has(tokens[i]!.lower) && !hasOf && !wholePhrase) return null;
  // "tens of thousands" ≥ 20,000, "hundreds of thousands" ≥ 200,000.
  const outer = hasOf ? PLURAL_UNITS.get(tokens[i + 2]?.lower ?? '') : undefined;
  if (outer !== undefined && outer > unit) return { first: i, last: i + 2, min: 2 * unit * outer };
  return { first: i, last: i, min: 2 * unit };
}

function readSmall(tokens: readonly Token[], i: number): VagueRead | null {
  for (const [words, least] of SMALL) {
    if (!wordsAt(tokens, i, words)) continue;
    const last = i + words.length - 1;
    const unit = SINGULAR_UNITS.get(tokens[last + 1]?.lower ?? '');
    if (unit !== undefined) return { first: i, last: last + 1, min: least * unit };
    return { first: i, last, min: least };
  }
  return null;
}

function readUnbounded(tokens: readonly Token[], i: number): VagueRead | null {
  if (tokens[i]!.lower === 'many' && NOT_BEFORE_MANY.has(tokens[i - 1]?.lower ?? '')) return null;
  for (const words of UNBOUNDED) {
    // "of" belongs to what is counted, so it is left out of the amount.
    const kept = words[words.length - 1] === 'of' ? words.length - 1 : words.length;
    if (wordsAt(tokens, i, words)) return { first: i, last: i + kept - 1, min: null };
  }
  return null;
}

/** A vague amount starting at token `i`, or null. */
export function readVagueAt(tokens: readonly Token[], i: number): VagueRead | null {
  if (!tokens[i]?.word) return null;
  return readPlural(tokens, i) ?? readSmall(tokens, i) ?? readUnbounded(tokens, i);
}
