/*
 * Whether two stated places (or times) can describe the same incident.
 * Reviewers and the figure reader write them in many ways: "Iraq", "Jurf Al
 * Sakhar", "an airbase west of Baghdad", "early on Wednesday". Two of them
 * are either the same, one more specific than the other (Jurf Al Sakhar lies
 * within Iraq; "early on Wednesday" within "Wednesday"), or they differ: two
 * incidents, which must never be grouped or shown as one.
 *
 * Without a geocoder the rules are deliberately small:
 * - token containment: every word of the wider place is in the narrower one
 *   ("northern Iraq" lies within "Iraq");
 * - a short list of known places and what they lie within, for the region
 *   the sample articles report on (Jurf Al Sakhar → Babil → Iraq);
 * - "west of Baghdad" names a place near Baghdad, not in it: it lies within
 *   whatever Baghdad lies within (Iraq), but not within Baghdad itself.
 */

/** How a relates to b. 'within': a lies inside b (a is more specific); 'contains': the reverse. */
export type Relation = 'same' | 'within' | 'contains' | 'differs';

// Known places, each with the wider place it lies within. Keys are token sequences as
// produced by `tokens` below (lower case, hyphens and punctuation as spaces).
const PARENT: Readonly<Record<string, string>> = {
  'jurf al sakhar': 'babil',
  'jurf al nasr': 'babil',
  hillah: 'babil',
  babil: 'iraq',
  babylon: 'iraq',
  baghdad: 'iraq',
  anbar: 'iraq',
  'al asad': 'anbar',
  'ain al asad': 'anbar',
  akashat: 'anbar',
  fallujah: 'anbar',
  ramadi: 'anbar',
  'al qaim': 'anbar',
  mosul: 'nineveh',
  nineveh: 'iraq',
  erbil: 'iraq',
  kirkuk: 'iraq',
  basra: 'iraq',
  karbala: 'iraq',
  najaf: 'iraq',
  damascus: 'syria',
  'deir ez zor': 'syria',
  'abu kamal': 'deir ez zor',
  'al bukamal': 'deir ez zor',
  'gaza city': 'gaza',
  'khan younis': 'gaza',
  rafah: 'gaza',
  jabalia: 'gaza',
};

const KNOWN = new Set([...Object.keys(PARENT), ...Object.values(PARENT)]);

// Words that say nothing about where: articles, prepositions, and the kind of area.
const PLACE_FILLER = new Set(['the', 'a', 'an', 'in', 'at', 'on', 'of', 'inside', 'province', 'governorate']);

// A direction or nearness word before "of X" puts the place near X, not in it.
const NEAR = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'near', 'outside', 'around', 'nearby', 'close',
]);

// Words that say nothing about when.
const TIME_FILLER = new Set(['the', 'a', 'an', 'in', 'at', 'on', 'of', 'during', 'by']);

const TIME_SYNONYM: Readonly<Record<string, string>> = {
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july',
  aug: 'august', sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
};

function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toLocaleLowerCase('en')
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A place read into the words that locate it and the places it lies within. */
export interface ParsedPlace {
  // Words placing it in an area, and words it is only near ("west of Baghdad").
  inside: string[];
  near: string[];
  // Known places it lies within, including the one it names itself.
  within: Set<string>;
  // The known place it names exactly, if it is nothing more than that.
  exactly: string | null;
}

function ancestors(name: string): string[] {
  const chain: string[] = [];
  for (let parent = PARENT[name]; parent !== undefined && !chain.includes(parent); parent = PARENT[parent]) chain.push(parent);
  return chain;
}

// Every known place named as consecutive words in `words`.
function knownPlacesIn(words: readonly string[]): string[] {
  const found: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = Math.min(words.length, start + 4); end > start; end--) {
      const name = words.slice(start, end).join(' ');
      if (KNOWN.has(name)) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

export function parsePlace(place: string): ParsedPlace {
  const inside: string[] = [];
  const near: string[] = [];
  // Commas end a "west of …" phrase: "a town south of Baghdad, in Babil".
  for (const clause of place.split(/[,;()]/)) {
    let nearFromHere = false;
    const words = tokens(clause);
    words.forEach((word, i) => {
      if (NEAR.has(word) && (words[i + 1] === 'of' || words[i + 1] === 'to' || word === 'near' || word === 'outside')) {
        nearFromHere = true;
        return;
      }
      if (PLACE_FILLER.has(word) || (nearFromHere && word === 'to')) return;
      (nearFromHere ? near : inside).push(word);
    });
  }
  const within = new Set<string>();
  for (const name of knownPlacesIn(inside)) for (const wider of [name, ...ancestors(name)]) within.add(wider);
  for (const name of knownPlacesIn(near)) for (const wider of ancestors(name)) within.add(wider);
  const joined = inside.join(' ');
  const exactly = near.length === 0 && KNOWN.has(joined) ? joined : null;
  return { inside, near, within, exactly };
}

function isSubset(part: readonly string[], whole: readonly string[]): boolean {
  return part.every((word) => whole.includes(word));
}

// Whether place a lies within place b (or is the same).
function placeWithin(a: ParsedPlace, b: ParsedPlace): boolean {
  if (b.exactly !== null && a.within.has(b.exactly)) return true;
  if (b.inside.length === 0) return false;
  return isSubset(b.inside, a.inside) && isSubset(b.near, a.near);
}

function relate(aWithinB: boolean, bWithinA: boolean): Relation {
  if (aWithinB && bWithinA) return 'same';
  if (aWithinB) return 'within';
  if (bWithinA) return 'contains';
  return 'differs';
}

export function placeRelation(a: ParsedPlace, b: ParsedPlace): Relation {
  return relate(placeWithin(a, b), placeWithin(b, a));
}

/** A time as the set of words that date it: "early on Wednesday" → early, wednesday. */
export interface ParsedTime {
  words: string[];
}

export function parseTime(time: string): ParsedTime {
  const words = tokens(time)
    .filter((word) => !TIME_FILLER.has(word))
    .map((word) => TIME_SYNONYM[word] ?? word);
  return { words: [...new Set(words)] };
}

export function timeRelation(a: ParsedTime, b: ParsedTime): Relation {
  const aWithinB = b.words.length > 0 && isSubset(b.words, a.words);
  const bWithinA = a.words.length > 0 && isSubset(a.words, b.words);
  return relate(aWithinB, bWithinA);
}

/** Whether two stated places can be the same place: equal, or one within the other. */
export function placesAgree(a: string, b: string): boolean {
  return placeRelation(parsePlace(a), parsePlace(b)) !== 'differs';
}

/** Whether two stated times can be the same time: equal, or one within the other. */
export function timesAgree(a: string, b: string): boolean {
  return timeRelation(parseTime(a), parseTime(b)) !== 'differs';
}
