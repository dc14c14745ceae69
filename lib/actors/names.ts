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
