import { isDeterminer, isPersonalPronoun, nounPhraseForward, type TokenRange } from './phrase';
import type { Token } from './tokens';

/*
 * Who or what a number counts: the noun phrase right after it. In "five of
 * its fighters" the owner is dropped and "fighters" is kept: the possessive
 * is usually a pronoun that means nothing once the figure is read on its own.
 */

const OWNERS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** The counted noun phrase starting at token `from` (just after the number), or null. */
export function countedAfter(tokens: readonly Token[], from: number): TokenRange | null {
  let i = from;
  if (tokens[i]?.lower === 'of') {
    i++;
    const next = tokens[i];
    if (!next) return null;
    if (OWNERS.has(next.lower) || isDeterminer(next)) i++;
    // "five of them": the pronoun is all there is to read.
    else if (isPersonalPronoun(next)) return null;
  }
  return nounPhraseForward(tokens, i, { determiner: false, allowOf: false, maxWords: 6 });
}
