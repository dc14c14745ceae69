import type { Token } from './tokens';

/*
 * What kind of figure a count is, from the nearest telling word in its
 * sentence: "five ... were killed" is a death toll, "struck two ...
 * centres" a count of strikes. Nearness decides between rival words
 * ("killed in US air strikes" is about the killed, not the strikes).
 */

const KEYWORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    killed: ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'death', 'deaths', 'fatalities', 'perished'],
    wounded: ['wounded', 'wounding', 'wounds'],
    injured: ['injured', 'injuring', 'injuries', 'hurt'],
    missing: ['missing'],
    detained: ['detained', 'detaining', 'detention', 'arrested', 'arresting', 'arrests', 'captured', 'capturing'],
    displaced: ['displaced', 'displacing', 'displacement', 'fled', 'flee', 'fleeing', 'expelled', 'evacuated', 'uprooted'],
    strikes: [
      'strikes', 'strike', 'airstrikes', 'airstrike', 'struck', 'targets', 'targeted', 'raids',
      'facilities', 'sites', 'centres', 'centers', 'bases',
    ],
  }).flatMap(([category, words]) => words.map((word): [string, string] => [word, category])),
);

/**
 * The one key a figure category is stored, offered and compared under: trimmed, single-spaced,
 * lower case ("Killed ", "killed" and "KILLED" are one category). figure_categories.name and
 * figure_details.category hold keys, so every path that takes a typed or imported category
 * (the category list, a reviewer's correction, an import, a comparison) goes through this.
 * Unlike an actor's name key it keeps punctuation and a leading "the": a category is a word
 * an admin chose, and "the dead" is a different category from "dead" if they say so.
 */
export function categoryKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * The category a word points to, if that category is offered. A category
 * of the reviewer's own ("hostages") matches its own name, singular or plural.
 */
function categoryOf(word: string, offered: ReadonlySet<string>): string | null {
  const known = KEYWORDS.get(word);
  if (known !== undefined) return offered.has(known) ? known : null;
  for (const category of offered) {
    // 'other' is the fallback, not a word to look for ("Other militia groups").
    if (category === 'other') continue;
    if (singular(categoryKey(category)) === singular(word)) return category;
  }
  return null;
}

/**
 * The category of the count at tokens `first`..`last`, or 'other'. On a
 * tie the word after the number wins ("five killed" reads more often than
 * "killed five").
 */
export function categoryNear(
  tokens: readonly Token[],
  first: number,
  last: number,
  categories: readonly string[],
): string {
  const offered = new Set(categories);
  let best: { category: string; distance: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (i >= first && i <= last) continue;
    const token = tokens[i]!;
    if (!token.word) continue;
    const category = categoryOf(token.lower, offered);
    if (category === null) continue;
    // Distance in tokens, so a comma in between makes a word further away;
    // words after the number win a tie.
    const distance = i > last ? i - last : first - i + 0.5;
    if (!best || distance < best.distance) best = { category, distance };
  }
  return best?.category ?? 'other';
}
