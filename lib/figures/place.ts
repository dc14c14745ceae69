import type { TokenRange } from './phrase';
import { hasTag, isDash, joinedToPrevious, type Token } from './tokens';

/*
 * Where a figure happened: a proper-noun phrase after "in", "at", "near" or
 * "across" ("in Jurf Al Sakhar", "in Anbar province"). A capitalised word
 * followed by a common noun is a modifier, not a place: "in US air strikes"
 * is not about the US as a place.
 */

const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'across', 'outside', 'inside', 'throughout']);

// Lower-case words that belong inside Arabic, French and Dutch place names.
const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'bin', 'ibn', 'abu', 'de', 'del', 'da', 'di', 'du', 'van', 'von', 'la', 'le']);

const DIRECTIONS: ReadonlySet<string> = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-east', 'north-west', 'south-east', 'south-west',
]);

// Common nouns that end a place name: "Anbar province", "Jabalia refugee camp".
const PLACE_HEADS: ReadonlyArray<readonly string[]> = [
  ['refugee', 'camp'],
  ['air', 'base'],
  ['province'], ['governorate'], ['city'], ['town'], ['district'], ['region'], ['county'], ['state'],
  ['village'], ['camp'], ['valley'], ['strip'], ['neighbourhood'], ['neighborhood'], ['airbase'], ['base'],
];

// Lower-case words that may follow a place without making it a modifier.
const AFTER_PLACE: ReadonlySet<string> = new Set([
  'early', 'late', 'earlier', 'later', 'overnight', 'last', 'this', 'next', 'yesterday', 'today', 'tonight', 'recently',
]);

function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.word && /^\p{Lu}/u.test(token.text) && !hasTag(token, 'Date');
}

function placeHeadAt(tokens: readonly Token[], i: number): number {
  for (const words of PLACE_HEADS) {
    if (words.every((word, k) => tokens[i + k]?.lower === word)) return i + words.length - 1;
  }
  return -1;
}

/** Whether the word after a proper-noun phrase shows it to be a modifier ("US air strikes"). */
function modifiesNext(token: Token | undefined): boolean {
  if (!token || !token.word || AFTER_PLACE.has(token.lower)) return false;
  if (/^\p{Lu}/u.test(token.text)) return false;
  const closes = ['Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Copula', 'Auxiliary', 'PastTense', 'Gerund', 'Pronoun'];
  return !closes.some((tag) => token.tags.has(tag));
}

/** The place phrase after the preposition at `p`, or null. */
function placeAfter(tokens: readonly Token[], p: number): TokenRange | null {
  let i = p + 1;
  if (tokens[i]?.lower === 'the') i++;
  const first = i;
  if (DIRECTIONS.has(tokens[i]?.lower ?? '') && isCapitalised(tokens[i + 1])) i++;
  if (!isCapitalised(tokens[i])) return null;

  let last = i;
  for (;;) {
    const next = tokens[last + 1];
    if (isDash(next) && joinedToPrevious(tokens, last + 1) && tokens[last + 2]?.word && joinedToPrevious(tokens, last + 2)) {
      last += 2;
    } else if (isCapitalised(next) && !joinedToPrevious(tokens, last + 1)) {
      last += 1;
    } else if (next && (PARTICLES.has(next.lower) || next.lower === 'of') && isCapitalised(tokens[last + 2])) {
      last += 2;
    } else if (next && PARTICLES.has(next.lower) && isDash(tokens[last + 2])) {
      last += 1;
    } else {
      break;
    }
  }
  const head = placeHeadAt(tokens, last + 1);
  if (head >= 0) return { first, last: head };
  if (modifiesNext(tokens[last + 1])) return null;
  return { first, last };
}

/** Place phrases in a sentence's tokens, in order. */
export function findPlaces(tokens: readonly Token[]): TokenRange[] {
  const places: TokenRange[] = [];
  for (let p = 0; p < tokens.length; p++) {
    if (!PLACE_PREPOSITIONS.has(tokens[p]!.lower)) continue;
    const place = placeAfter(tokens, p);
    if (place) places.push(place);
  }
  return places;
}
