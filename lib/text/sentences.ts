const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
// Sentences in news text are rarely longer than this; the window keeps a 1.2 MB article cheap.
const WINDOW = 600;

export interface TextSlice {
  start: number;
  end: number;
  text: string;
}

/** The sentence (or sentences) containing a span, trimmed; offsets are UTF-16 offsets into `text`. */
export function sentenceAround(text: string, start: number, end: number): TextSlice {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(text.length, end + WINDOW);
  const window = text.slice(from, to);
  const segments = sentenceSegmenter.segment(window);
  const first = segments.containing(start - from);
  const last = segments.containing(Math.max(start, end - 1) - from);
  let sliceStart = from + (first?.index ?? start - from);
  let sliceEnd = from + (last ? last.index + last.segment.length : end - from);
  while (sliceStart < start && /\s/.test(text[sliceStart]!)) sliceStart += 1;
  while (sliceEnd > end && /\s/.test(text[sliceEnd - 1]!)) sliceEnd -= 1;
  return { start: sliceStart, end: sliceEnd, text: text.slice(sliceStart, sliceEnd) };
}
