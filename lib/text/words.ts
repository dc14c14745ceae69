const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export const UNTITLED = 'Untitled article';

// V8's segmenter slows down sharply on very long strings (a 1.2 MB article took minutes),
// so the text is fed to it in pieces cut at whitespace, where no word can be split.
const CHUNK = 4096;

function segmenterWordCount(text: string): number {
  let count = 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const space = text.slice(from, to).search(/\s\S*$/);
      if (space > 0) to = from + space;
    }
    for (const segment of wordSegmenter.segment(text.slice(from, to))) {
      if (segment.isWordLike) count++;
    }
    from = to;
  }
  return count;
}

/*
 * The segmenter costs ~3 µs a segment (a 4.5 KB news article: ~2.6 ms), which made word
 * counting most of a bulk import's time. Most text is ASCII plus typographic quotes and
 * dashes, whose word rules (Unicode's UAX #29, which the segmenter follows) are few, so such
 * tokens are counted here by those rules; any token with another character goes to the
 * segmenter with the whitespace before it (no word rule joins across whitespace, and that
 * whitespace carries whatever attaches to it). words.test.ts checks both ways agree on
 * random strings.
 */
const Kind = { Other: 0, Letter: 1, Digit: 2, Underscore: 3, MidNumLet: 4, MidNum: 5, MidLetter: 6, Space: 7, Foreign: 8 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(code: number): Kind {
  if (code < 128) {
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return Kind.Letter;
    if (code >= 48 && code <= 57) return Kind.Digit;
    if (code === 95) return Kind.Underscore;
    if (code === 46 || code === 39) return Kind.MidNumLet; // . '
    if (code === 44 || code === 59) return Kind.MidNum; // , ;
    if (code === 58) return Kind.MidLetter; // :
    if (code === 32 || (code >= 9 && code <= 13)) return Kind.Space;
    return Kind.Other;
  }
  if (code === 0x2018 || code === 0x2019) return Kind.MidNumLet; // ‘ ’
  if (code === 0x201c || code === 0x201d || code === 0x2013 || code === 0x2014 || code === 0x2026) return Kind.Other; // “ ” – — …
  return Kind.Foreign;
}

export function countWords(text: string): number {
  let count = 0;
  const length = text.length;
  for (let from = 0; from < length; ) {
    if (kindOf(text.charCodeAt(from)) === Kind.Space) {
      from++;
      continue;
    }
    let to = from;
    let foreign = false;
    for (let kind = kindOf(text.charCodeAt(to)); to < length && kind !== Kind.Space; kind = kindOf(text.charCodeAt(++to))) {
      if (kind === Kind.Foreign) foreign = true;
    }
    count += foreign ? segmenterWordCount(text.slice(from > 0 ? from - 1 : 0, to)) : tokenWords(text, from, to);
    from = to;
  }
  return count;
}

/** Words in text[from, to), a token without whitespace or foreign characters. */
function tokenWords(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; ) {
    let kind = kindOf(text.charCodeAt(at));
    if (kind !== Kind.Letter && kind !== Kind.Digit && kind !== Kind.Underscore) {
      at++;
      continue;
    }
    // Letters, digits and underscores, joined across one middle character (a.b, don't,
    // 3,5, 1.5) only between two letters or two digits (UAX #29 WB5–WB13b).
    const start = at;
    let last: Kind = kind;
    let wordLike = kind !== Kind.Underscore;
    for (at++; at < to; ) {
      kind = kindOf(text.charCodeAt(at));
      if (kind === Kind.Letter || kind === Kind.Digit || kind === Kind.Underscore) {
        if (kind !== Kind.Underscore) wordLike = true;
        last = kind;
        at++;
        continue;
      }
      if (at + 1 < to) {
        const next = kindOf(text.charCodeAt(at + 1));
        const joinsLetters = last === Kind.Letter && next === Kind.Letter && (kind === Kind.MidNumLet || kind === Kind.MidLetter);
        const joinsDigits = last === Kind.Digit && next === Kind.Digit && (kind === Kind.MidNumLet || kind === Kind.MidNum);
        if (joinsLetters || joinsDigits) {
          at += 2;
          continue;
        }
      }
      break;
    }
    // The segmenter counts a lone underscore as no word, two or more as one.
    if (wordLike || at - start > 1) count++;
  }
  return count;
}

// Sentence punctuation, optionally wrapped by closing quotes or brackets:
// `said.` `stop!”` `(sic.)`
const ENDS_SENTENCE = /[.!?]["'”’»)\]]*$/;

function firstCompleteSentence(text: string): string | null {
  // Segments are produced lazily, so breaking early avoids segmenting the
  // whole article just to find its opening sentence.
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const sentence = segment.trim();
    if (ENDS_SENTENCE.test(sentence)) return sentence;
  }
  return null;
}

function firstNonBlankLine(text: string): string {
  for (const line of text.split('\n')) {
    if (line.trim() !== '') return line;
  }
  return '';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function truncate(title: string, maxLength: number): string {
  if (title.length <= maxLength) return title;
  // Room for the ellipsis keeps the result within maxLength.
  const limit = Math.max(1, maxLength - 1);
  const lastSpace = title.lastIndexOf(' ', limit);
  let cut = lastSpace > 0 ? lastSpace : limit;
  if (cut < title.length && isHighSurrogate(title.charCodeAt(cut - 1))) cut--;
  const head = title.slice(0, cut).replace(/[\s,;:]+$/, '');
  return `${head}…`;
}

/** A readable title for an article that arrived without one. */
export function deriveTitle(text: string, maxLength = 140): string {
  const source = firstCompleteSentence(text) ?? firstNonBlankLine(text);
  let title = source.replace(/\s+/g, ' ').trim();
  // One full stop is noise in a title; an ellipsis ("..") is meaning.
  if (title.endsWith('.') && !title.endsWith('..')) title = title.slice(0, -1).trimEnd();
  if (title === '') return UNTITLED;
  return truncate(title, maxLength);
}
