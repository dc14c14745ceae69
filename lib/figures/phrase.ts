import { hasTag, isDash, joinedToPrevious, type Token } from './tokens';

/*
 * Noun-phrase tests shared by the counted, source and place readers.
 * compromise's tags are a start, but in headlines and news prose it often
 * takes a plural noun for a verb ("operations centres", "US forces"), so a
 * present-tense "-s" word inside a noun phrase is taken as a plural noun.
 */

export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say',
  'told', 'tells', 'tell',
  'confirmed', 'confirms', 'confirm',
  'reported', 'reports', 'report',
  'announced', 'announces', 'announce',
  'claimed', 'claims', 'claim',
  'stated', 'states',
  'added', 'adds',
]);

// Words that open a clause, so end any noun phrase before them.
const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'whereas', 'because', 'as', 'than', 'and', 'or', 'but',
]);

const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set([
  'it', 'they', 'he', 'she', 'we', 'i', 'you', 'them', 'him', 'us', 'this', 'these', 'those', 'one', 'someone', 'everyone',
]);

/** "it", "they", "us", but not the acronyms "US" or "IT". */
export function isPersonalPronoun(token: Token | undefined): boolean {
  if (!token || !PERSONAL_PRONOUNS.has(token.lower)) return false;
  return token.text.length === 1 || token.text !== token.text.toUpperCase();
}

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

function pluralTakenForVerb(token: Token): boolean {
  return (
    token.tags.has('PresentTense') &&
    token.lower.endsWith('s') &&
    !token.tags.has('Copula') &&
    !token.tags.has('Auxiliary') &&
    !token.tags.has('Modal') &&
    !REPORTING_VERBS.has(token.lower)
  );
}

function isClauseWord(token: Token): boolean {
  return CLAUSE_WORDS.has(token.lower);
}

/** Can head a noun phrase: "militiamen", "Hezbollah", "centres". */
function isNounLike(token: Token | undefined): boolean {
  if (!token || !token.word || isClauseWord(token)) return false;
  if (isPersonalPronoun(token)) return false;
  // compromise tags "US" a pronoun at times; the capitals say otherwise.
  if ((token.tags.has('Pronoun') && !token.tags.has('Acronym')) || token.tags.has('Value')) return false;
  if (token.tags.has('Verb')) return pluralTakenForVerb(token);
  return ['Noun', 'ProperNoun', 'Acronym', 'Plural', 'Singular', 'Uncountable'].some((tag) => token.tags.has(tag));
}

/** Can stand before the head: "Iraqi", "security", "two", "its". */
function isModifier(token: Token | undefined): boolean {
  if (!token || !token.word || isClauseWord(token)) return false;
  if (POSSESSIVE_PRONOUNS.has(token.lower)) return true;
  if (token.tags.has('Verb')) return false;
  return token.tags.has('Adjective') || token.tags.has('Value') || token.tags.has('Possessive');
}

export function isDeterminer(token: Token | undefined): boolean {
  return token !== undefined && hasTag(token, 'Determiner') && !isClauseWord(token);
}

/**
 * Last token of a hyphenated word starting at `i` ("Iran-backed",
 * "al-Sakhar"), or `i` itself when none starts there.
 */
function compoundEnd(tokens: readonly Token[], i: number): number {
  let last = i;
  while (
    isDash(tokens[last + 1]) &&
    tokens[last + 2]?.word &&
    joinedToPrevious(tokens, last + 1) &&
    joinedToPrevious(tokens, last + 2)
  ) {
    last += 2;
  }
  return last;
}

/** First token of a hyphenated word ending at `i`, or `i` itself. */
function compoundStart(tokens: readonly Token[], i: number): number {
  let first = i;
  while (
    isDash(tokens[first - 1]) &&
    tokens[first - 2]?.word &&
    joinedToPrevious(tokens, first) &&
    joinedToPrevious(tokens, first - 1)
  ) {
    first -= 2;
  }
  return first;
}

export interface TokenRange {
  first: number;
  last: number;
}

/** "of"/"for" at `i` joining the noun before it to a phrase after it. */
function joinsNouns(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.lower;
  return (word === 'of' || word === 'for') && isNounLike(tokens[i - 1]);
}

/**
 * The noun phrase read forwards from `from`: an optional determiner, then
 * modifiers and nouns, ending on the last noun. With `allowOf`, "of"/"for"
 * may join two nouns ("the ministry of health"). Null without a noun.
 */
export function nounPhraseForward(
  tokens: readonly Token[],
  from: number,
  options: { determiner: boolean; allowOf: boolean; maxWords?: number },
): TokenRange | null {
  const maxWords = options.maxWords ?? 8;
  let i = from;
  if (options.determiner && isDeterminer(tokens[i])) i++;
  let lastNoun = -1;
  for (let words = 0; i < tokens.length && words < maxWords; words++) {
    if (options.allowOf && lastNoun === i - 1 && joinsNouns(tokens, i)) {
      i += isDeterminer(tokens[i + 1]) ? 2 : 1;
      continue;
    }
    const end = compoundEnd(tokens, i);
    const token = tokens[end]!;
    if (isNounLike(token)) lastNoun = end;
    else if (end === i && !isModifier(token)) break;
    i = end + 1;
  }
  return lastNoun >= from ? { first: from, last: lastNoun } : null;
}

/**
 * The noun phrase whose head is token `last`, read backwards over nouns,
 * modifiers and a leading determiner. With `allowOf`, "of"/"for" may join
 * two nouns ("the head of the agency"). Null unless `last` is a noun.
 */
export function nounPhraseBackward(tokens: readonly Token[], last: number, options: { allowOf: boolean }): TokenRange | null {
  if (!isNounLike(tokens[last])) return null;
  let first = compoundStart(tokens, last);
  let i = first - 1;
  while (i >= 0) {
    const token = tokens[i]!;
    if (isDeterminer(token)) {
      first = i;
      if (!(options.allowOf && joinsNouns(tokens, i - 1))) break;
      i -= 2;
      continue;
    }
    const start = compoundStart(tokens, i);
    if (start < i || isNounLike(token) || isModifier(token)) {
      first = start;
      i = start - 1;
    } else if (options.allowOf && joinsNouns(tokens, i)) {
      i--;
    } else {
      break;
    }
  }
  return { first, last };
}
