import { lexiconTags, tagTerms } from './nlp';

/*
 * Words and punctuation of one sentence, with compromise's tags attached.
 * Intl.Segmenter decides the token boundaries and offsets (it keeps "1,200"
 * whole and splits "3-5" and "AC-130" at the hyphen, which the number rules
 * rely on); compromise only contributes tags, which are hints and may be wrong.
 */

export interface Token {
  text: string;
  lower: string;
  /** UTF-16 offsets into the article (the analysed text shifted by `base`). */
  start: number;
  end: number;
  /** Letters or digits, as opposed to punctuation, symbols and emoji. */
  word: boolean;
  tags: ReadonlySet<string>;
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const NO_TAGS: ReadonlySet<string> = new Set();
// Dictionary tags that hold whatever the context, added to the tagger's.
const NUMBER_TAGS: ReadonlySet<string> = new Set(['Cardinal', 'Ordinal', 'Multiple', 'TextValue']);

function tagsFor(word: string, termTags: readonly string[]): ReadonlySet<string> {
  const tags = new Set(termTags);
  for (const tag of lexiconTags(word)) {
    if (NUMBER_TAGS.has(tag)) tags.add(tag).add('Value');
  }
  return tags;
}

/**
 * Tokens of `text`, whitespace dropped. `base` is where `text` starts in the
 * article, so token offsets can be used on the article directly.
 */
export function tokenize(text: string, base = 0): Token[] {
  const terms = tagTerms(text);
  const tokens: Token[] = [];
  let t = 0;
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (segment.trim() === '') continue;
    // Both lists are in text order, so one forward pass pairs them up.
    while (t < terms.length && terms[t]!.end <= index) t++;
    const term = terms[t];
    const termTags = term && term.start <= index ? term.tags : [];
    const tags = isWordLike ? tagsFor(segment.toLowerCase(), termTags) : NO_TAGS;
    tokens.push({
      text: segment,
      lower: segment.toLowerCase(),
      start: base + index,
      end: base + index + segment.length,
      word: isWordLike === true,
      tags,
    });
  }
  return tokens;
}

/** True when token `i` touches the token before it, with no space between. */
export function joinedToPrevious(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const token = tokens[i];
  return prev !== undefined && token !== undefined && prev.end === token.start;
}

export function isDash(token: Token | undefined): boolean {
  return token !== undefined && /^[-‐‑‒–—]$/u.test(token.text);
}

export function hasTag(token: Token | undefined, tag: string): boolean {
  return token !== undefined && token.tags.has(tag);
}

/** True when tokens from `i` on are the words `words`, one token each. */
export function wordsAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  return words.every((word, k) => tokens[i + k]?.lower === word);
}

/**
 * Tokens `first`..`last` (inclusive) as text, one space wherever the
 * original had any. Good enough to read a number from; TextRefs slice the
 * article instead.
 */
export function joinTokens(tokens: readonly Token[], first: number, last: number): string {
  let out = '';
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    if (!token) break;
    if (i > first && !joinedToPrevious(tokens, i)) out += ' ';
    out += token.text;
  }
  return out;
}
