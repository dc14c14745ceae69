import { sentenceAround, type SentenceSlice } from '../text/sentences';
import type { TokenRange } from './phrase';
import { findSources } from './source';
import { hasTag, tokenize, type Token } from './tokens';
import type { TextRef } from './types';

/*
 * Who "it said" is. News prose names the speaker once ("US Central Command said …") and
 * then goes on with "it said": the pronoun is resolved to the nearest named organisation
 * before it, in its own sentence or the one before. The answer is a guess, so the reading
 * marks it inferred and the reviewer sees that it was not written next to the figure.
 */

// Pronouns that stand for an organisation; "he" or "she" is a person, whose name we do not guess.
const ORGANISATION_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they']);

export function standsForOrganisation(token: Token | undefined): boolean {
  return token !== undefined && ORGANISATION_PRONOUNS.has(token.lower);
}

function isNameWord(token: Token | undefined): boolean {
  if (!token || !token.word || !/^\p{Lu}/u.test(token.text) || hasTag(token, 'Date') || hasTag(token, 'Pronoun')) return false;
  return hasTag(token, 'ProperNoun') || hasTag(token, 'Acronym') || hasTag(token, 'Organization');
}

function isPlaceWord(token: Token): boolean {
  return hasTag(token, 'Place') || hasTag(token, 'Country') || hasTag(token, 'City');
}

/** Runs of proper nouns ("US Central Command", "Ministry of Defence") that are not just a place or a letter. */
export function namedOrganisations(tokens: readonly Token[]): TokenRange[] {
  const names: TokenRange[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      if (isNameWord(tokens[last + 1])) last += 1;
      else if (tokens[last + 1]?.lower === 'of' && isNameWord(tokens[last + 2])) last += 2;
      else break;
    }
    const words = tokens.slice(i, last + 1);
    const onlyPlace = words.every(isPlaceWord);
    const oneLetter = words.length === 1 && words[0]!.text.length === 1;
    if (!onlyPlace && !oneLetter) names.push({ first: i, last });
    i = last + 1;
  }
  return names;
}

function refOf(text: string, tokens: readonly Token[], range: TokenRange): TextRef {
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  return { text: text.slice(start, end), start, end };
}

function previousSentence(text: string, sentence: SentenceSlice): SentenceSlice | null {
  let end = sentence.start;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  if (end === 0) return null;
  return sentenceAround(text, end - 1, end);
}

// How many sentences back "it said" may look; further than that the guess is worth little.
const MAX_SENTENCES_BACK = 3;

/**
 * The organisation the pronoun at `tokens[pronoun]` stands for, or null:
 * - in its own sentence, the first organisation named before it (the subject, as a rule:
 *   "The US Central Command forces conducted … two facilities in Iraq, it said");
 * - else, in the sentence before, whoever that sentence attributes its words to by name,
 *   or, when that too is "it said", whom that pronoun stands for; else the first
 *   organisation that sentence names.
 */
export function resolveOrganisationPronoun(
  text: string,
  sentence: SentenceSlice,
  tokens: readonly Token[],
  pronoun: number,
  /** Token ranges that cannot be the speaker: the figure's own words ("two Kataib Hezbollah fighters"). */
  exclude: readonly TokenRange[] = [],
  sentencesBack = 0,
): TextRef | null {
  if (!standsForOrganisation(tokens[pronoun])) return null;
  const excluded = (name: TokenRange) => exclude.some((range) => name.first <= range.last && name.last >= range.first);
  const subject = namedOrganisations(tokens).find((name) => name.last < pronoun && !excluded(name));
  if (subject) return refOf(text, tokens, subject);
  if (sentencesBack >= MAX_SENTENCES_BACK) return null;
  const previous = previousSentence(text, sentence);
  if (!previous) return null;
  const previousTokens = tokenize(previous.text, previous.start);
  const attributions = findSources(previousTokens);
  const named = attributions.filter((source) => !source.pronoun).at(-1);
  if (named) return refOf(text, previousTokens, named);
  const theirPronoun = attributions.find((source) => source.pronoun);
  if (theirPronoun) return resolveOrganisationPronoun(text, previous, previousTokens, theirPronoun.first, [], sentencesBack + 1);
  const first = namedOrganisations(previousTokens)[0];
  return first ? refOf(text, previousTokens, first) : null;
}
