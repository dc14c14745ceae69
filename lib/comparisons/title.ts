import { categoryCompareKey, normaliseCounted } from './normalise';
import { pluralise } from './reason';
import type { ComparableFigure } from './types';
import { parsePlace, placeRelation, type ParsedPlace } from './where-when';

/*
 * The title a new comparison is offered, as a fact-checker would name it:
 * who was counted, what happened to them, and where ("Fighters killed or
 * wounded, Jurf Al Sakhar"). The reviewer can change it; it only has to be a
 * good first guess, never a sentence about the data.
 */

type Titled = Pick<ComparableFigure, 'counted' | 'category' | 'place'>;

// Categories that read as what happened to the people counted: "fighters killed".
// Others ("strikes", a custom category) are nouns and follow a colon.
// Listed in the order a title names them: "killed or wounded", never "wounded or killed".
const OUTCOMES = ['dead', 'killed', 'wounded', 'injured', 'missing', 'abducted', 'detained', 'arrested', 'displaced'];
const outcomeRank = (category: string): number => OUTCOMES.indexOf(category.toLocaleLowerCase('en'));

const MAX_TITLE = 300;

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
}

// "killed", "killed or wounded", "killed, wounded or missing".
function either(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

// The noun for who is counted, when every figure that says who counts the same people.
function sharedWho(figures: readonly Titled[]): string | null {
  const keys = new Set(figures.map((f) => normaliseCounted(f.counted)).filter((key) => key !== null));
  const [only] = keys;
  return keys.size === 1 && only !== undefined ? pluralise(only) : null;
}

// Distinct categories as first written, leaving out "other" and blanks, which name nothing.
function categories(figures: readonly Titled[]): string[] {
  const byKey = new Map<string, string>();
  for (const f of figures) {
    const key = categoryCompareKey(f.category);
    if (key !== null && key !== 'other' && !byKey.has(key)) byKey.set(key, f.category.trim().replace(/\s+/g, ' '));
  }
  return [...byKey.values()];
}

// The most specific place, when every stated place lies within it or it within them; as written.
function narrowestPlace(figures: readonly Titled[]): string | null {
  let narrowest: { text: string; parsed: ParsedPlace } | null = null;
  // A group can hold hundreds of figures naming the same few places: each is read once.
  const seen = new Set<string>();
  for (const f of figures) {
    const text = f.place?.trim().replace(/\s+/g, ' ').replace(/^the\s+/i, '');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const parsed = parsePlace(text);
    if (narrowest === null) narrowest = { text, parsed };
    else {
      const relation = placeRelation(parsed, narrowest.parsed);
      if (relation === 'differs') return null;
      if (relation === 'within') narrowest = { text, parsed };
    }
  }
  return narrowest?.text ?? null;
}

function what(who: string | null, outcomes: readonly string[], others: readonly string[]): string | null {
  const happened = outcomes.length > 0 ? either(outcomes) : null;
  const nouns = others.length > 0 ? either(others) : null;
  if (who !== null) {
    const counted = happened === null ? capitalise(who) : `${capitalise(who)} ${happened}`;
    if (nouns === null) return counted;
    // "Strikes on operations centres" reads as a title; "Centres: strikes" does not.
    if (happened === null && others.length === 1 && others[0]?.toLocaleLowerCase('en') === 'strikes') return `Strikes on ${who}`;
    return `${counted}: ${nouns}`;
  }
  if (happened !== null && nouns !== null) return `${capitalise(happened)}; ${nouns}`;
  if (happened !== null) return capitalise(happened);
  return nouns === null ? null : capitalise(nouns);
}

/** A short human title for figures about to be compared, e.g. "Fighters killed or wounded, Jurf Al Sakhar". */
export function proposeTitle(figures: readonly Titled[]): string {
  const all = categories(figures);
  const subject = what(
    sharedWho(figures),
    all.filter((c) => outcomeRank(c) >= 0).sort((a, b) => outcomeRank(a) - outcomeRank(b)),
    all.filter((c) => outcomeRank(c) < 0),
  );
  const place = narrowestPlace(figures);
  const title = subject !== null && place !== null ? `${subject}, ${place}` : (subject ?? (place === null ? 'Figures side by side' : capitalise(place)));
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
