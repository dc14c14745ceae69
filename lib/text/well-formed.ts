/**
 * Text must be well-formed UTF-16: a lone surrogate (half of an emoji, say) cannot be stored
 * as UTF-8, so SQLite would keep U+FFFD in its place and every offset after it would move.
 * Such input is refused at the edge, naming the field, instead of being silently changed.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export type FieldPath = (string | number)[];

/** The path of the first string (value or object key) in a JSON-like value that is not well-formed, or null. */
export function findIllFormedText(value: unknown, path: FieldPath = []): FieldPath | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findIllFormedText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...path, key];
      const found = findIllFormedText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** `annotations.2.note`, or `the body` for the value itself. */
export function describeFieldPath(path: FieldPath): string {
  return path.length === 0 ? 'the body' : path.map((part) => (isWellFormed(String(part)) ? String(part) : '(unreadable name)')).join('.');
}

export const ILL_FORMED_MESSAGE = 'contains a lone surrogate (half of a character such as an emoji): send well-formed Unicode text';
