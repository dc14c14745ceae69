const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export const UNTITLED = 'Untitled article';

// V8's segmenter slows down sharply on very long strings (a 1.2 MB article took minutes),
// so the text is fed to it in pieces cut at whitespace, where no word can be split.
const CHUNK = 4096;

export function countWords(text: string): number {
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
