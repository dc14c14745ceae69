import { nameKey } from '../actors/names';
import { categoryKey } from '../figures/category';

/*
 * Comparison keys for the free-text parts of a figure. Reviewers word the
 * same thing differently ("its fighters", "Shiite militiamen"); the keys
 * are what decides whether two figures talk about the same people or place.
 */

// Words that can open a counted phrase without saying who is counted:
// determiners, possessives, pronouns and the quantity words around a number.
// A phrase made only of these ("five of them") has no key: a pronoun would
// otherwise relate every figure that uses it.
const LEADING = new Set([
  'them', 'they', 'others', 'ones',
  'a', 'an', 'the', 'its', "it's", 'their', 'his', 'her', 'our', 'my', 'your',
  'this', 'that', 'these', 'those', 'some', 'several', 'many', 'few', 'all', 'both',
  'other', 'another', 'further', 'additional', 'more', 'most', 'least', 'than', 'at',
  'up', 'to', 'over', 'under', 'nearly', 'almost', 'around', 'about', 'approximately',
  'roughly', 'estimated', 'of', 'dozen', 'dozens', 'hundred', 'hundreds', 'thousand',
  'thousands', 'million', 'millions', 'score', 'scores', 'tens',
]);

const NUMBER_WORD =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?$/;
const NUMERAL = /^[\d.,]+$/;

// The head noun comes before any of these: "fighters from the group",
// "a militant linked to Kataib Hezbollah", "people who fled".
const ENDS_NOUN_PHRASE = new Set([
  'of', 'from', 'in', 'at', 'on', 'near', 'with', 'who', 'that', 'which', 'linked',
  'belonging', 'affiliated', 'including', 'among', 'inside', 'across', 'during', 'for', 'by',
]);

const IRREGULAR_SINGULAR: Readonly<Record<string, string>> = {
  people: 'people',
  children: 'child',
  men: 'man',
  police: 'police',
  personnel: 'personnel',
};

// Different words reviewers use for one group of people; the key is the
// group, so "militants" and "fighters" line up for comparison.
const SYNONYM: Readonly<Record<string, string>> = {
  fighter: 'fighter',
  militiaman: 'fighter',
  militant: 'fighter',
  gunman: 'fighter',
  insurgent: 'fighter',
  combatant: 'fighter',
  civilian: 'civilian',
  resident: 'civilian',
  person: 'civilian',
  people: 'civilian',
  soldier: 'soldier',
  troop: 'soldier',
  servicemember: 'soldier',
  serviceman: 'soldier',
  servicewoman: 'soldier',
};

/** A plural noun's singular by suffix rules; good enough for the heads of counted phrases. */
export function singularise(word: string): string {
  const irregular = IRREGULAR_SINGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length > 3 && word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  // "status" and "press" end in s without being plurals; "-is" words are not
  // spared because "Iraqis" and "Israelis" are far likelier heads than "crisis".
  if (word.endsWith('s') && !/(?:ss|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

function words(phrase: string): string[] {
  return phrase
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toLocaleLowerCase('en')
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w !== '');
}

function isLeading(word: string): boolean {
  return LEADING.has(word) || NUMERAL.test(word) || NUMBER_WORD.test(word);
}

/**
 * The key for who a figure counts: the singular head noun of the phrase,
 * mapped onto its synonym group. Modifiers are left out on purpose: "Shiite
 * militiamen" and "its fighters" are the same people for the purpose of
 * spotting a conflict, and without a tagger adjectives and noun modifiers
 * cannot be told apart anyway. Null when nothing countable is left.
 */
export function normaliseCounted(phrase: string | null): string | null {
  if (phrase === null) return null;
  const all = words(phrase);
  let start = 0;
  while (start < all.length && isLeading(all[start] as string)) start++;
  let end = start;
  while (end < all.length && !ENDS_NOUN_PHRASE.has(all[end] as string)) end++;
  if (end === start) return null;

  const last = all[end - 1] as string;
  const previous = end - 2 >= start ? all[end - 2] : undefined;
  // "service members" is the one two-word head worth knowing.
  const head = previous === 'service' && /^members?$/.test(last) ? 'servicemember' : singularise(last);
  return SYNONYM[head] ?? head;
}

/**
 * The key for any other free-text field (source, time), by the
 * same rule as actor names so that a linked actor and the same name typed
 * as free text compare equal. Blank text is no text.
 */
export function textKey(text: string | null): string | null {
  if (text === null) return null;
  const key = nameKey(text);
  return key === '' ? null : key;
}

/**
 * The key a figure's category compares under: the key it is stored under (one rule for the
 * category list, corrections, imports and comparisons), so two categories the list keeps apart
 * never compare equal here. Blank is no category.
 */
export function categoryCompareKey(category: string): string | null {
  const key = categoryKey(category);
  return key === '' ? null : key;
}

/** Places compare like names: "the Jurf Al Sakhar" is "Jurf al Sakhar". */
export function normalisePlace(place: string | null): string | null {
  return textKey(place);
}

/** Whether two texts are the same after normalisation; two missing texts are the same. */
export function sameText(a: string | null, b: string | null): boolean {
  return textKey(a) === textKey(b);
}
