import {
  isPersonalPronoun,
  REPORTING_VERBS,
  nounPhraseBackward,
  nounPhraseForward,
  type TokenRange,
} from './phrase';
import { hasTag, type Token } from './tokens';

/*
 * Who a figure is attributed to: "X said", "X told", "X confirmed",
 * "according to X", and the news form `..., said X`. A bare pronoun
 * ("it said", "they confirmed") is not a source worth proposing: who "it"
 * is lies in another sentence, and the reviewer knows it better.
 */

// Verbs whose subject may follow them: `“...,” said Ahmed Ali.`
const INVERTING: ReadonlySet<string> = new Set(['said', 'says', 'added', 'adds']);
// Auxiliaries that may stand between subject and verb: "has said". Passive
// "was told" is left out on purpose: its subject was told, it did not tell.
const PERFECT: ReadonlySet<string> = new Set(['has', 'have', 'had']);

export interface SourceRange extends TokenRange {
  pronoun: boolean;
}

/** An emoji or pictograph: decoration between words, not punctuation ("Officials 🚑 said"). */
function isEmoji(token: Token | undefined): boolean {
  return token !== undefined && !token.word && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(token.text);
}

/** The index of the token before `i`, emoji skipped. */
function previousWordIndex(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && isEmoji(tokens[k])) k--;
  return k;
}

function subjectBefore(tokens: readonly Token[], verb: number): SourceRange | null {
  let i = previousWordIndex(tokens, verb);
  while (i >= 0 && (hasTag(tokens[i], 'Adverb') || PERFECT.has(tokens[i]!.lower))) i = previousWordIndex(tokens, i);
  const subject = tokens[i];
  if (!subject || !subject.word) return null;
  if (isPersonalPronoun(subject)) return { first: i, last: i, pronoun: true };
  const phrase = nounPhraseBackward(tokens, i, { allowOf: true });
  return phrase && { ...phrase, pronoun: false };
}

function subjectAfter(tokens: readonly Token[], from: number): SourceRange | null {
  const first = tokens[from];
  if (isPersonalPronoun(first)) return { first: from, last: from, pronoun: true };
  const phrase = nounPhraseForward(tokens, from, { determiner: true, allowOf: true });
  return phrase && { ...phrase, pronoun: false };
}

/** Attributions in a sentence's tokens, pronoun subjects flagged. */
export function findSources(tokens: readonly Token[]): SourceRange[] {
  const sources: SourceRange[] = [];
  for (let v = 0; v < tokens.length; v++) {
    const token = tokens[v]!;
    if (token.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      const source = subjectAfter(tokens, v + 2);
      if (source) sources.push(source);
      continue;
    }
    // A noun "report" or "claims" attributes nothing.
    if (!REPORTING_VERBS.has(token.lower) || !hasTag(token, 'Verb')) continue;
    const before = subjectBefore(tokens, v);
    if (before) {
      sources.push(before);
    } else if (INVERTING.has(token.lower) && !tokens[previousWordIndex(tokens, v)]?.word) {
      const after = subjectAfter(tokens, v + 1);
      if (after) sources.push(after);
    }
  }
  return sources;
}
