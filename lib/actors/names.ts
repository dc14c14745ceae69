/**
 * The key two names must share to be the same actor: case, spacing, curly apostrophes,
 * a leading "the" and edge punctuation do not make a different entity
 * ("the Kataib Hezbollah", "Kataib  hezbollah," → "kataib hezbollah").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toLocaleLowerCase('en')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '');
}

/** Display form of a name typed or selected by a reviewer: trimmed, single-spaced. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * An actor's aliases as stored: each cleaned, one per name key (the first spelling given
 * wins), blanks left out, in alphabetical order so an unchanged list compares equal.
 */
export function normaliseAliases(aliases: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const alias of aliases) {
    const clean = cleanName(alias);
    const key = nameKey(clean);
    if (key && !seen.has(key)) seen.set(key, clean);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
