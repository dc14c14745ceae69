import { splitsSurrogatePair } from '../anchoring/codepoints';

/*
 * The sentence around a span. Articles run to 1.2 MB and the reader runs on
 * every figure tagged, so only a window around the span is segmented,
 * widened only while the sentence reaches the window's edge.
 */

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const WINDOW = 600;
// A "sentence" longer than this is a list or a table; read what fits, since
// tagging costs time in proportion to length.
const MAX_WINDOW = 2400;

export interface SentenceSlice {
  text: string;
  /** UTF-16 offsets into the article. */
  start: number;
  end: number;
}

/** The sentence(s) containing `start`..`end`, without surrounding whitespace. */
export function sentenceAround(text: string, start: number, end: number): SentenceSlice {
  for (let radius = WINDOW; ; radius *= 2) {
    let from = Math.max(0, start - radius);
    if (splitsSurrogatePair(text, from)) from--;
    let to = Math.min(text.length, end + radius);
    if (splitsSurrogatePair(text, to)) to++;

    const segments = sentenceSegmenter.segment(text.slice(from, to));
    const first = segments.containing(start - from);
    const last = segments.containing(Math.max(start, end - 1) - from);
    let sliceStart = first ? from + first.index : start;
    let sliceEnd = last ? from + last.index + last.segment.length : end;
    const cut = (sliceStart === from && from > 0) || (sliceEnd === to && to < text.length);
    if (cut && radius < MAX_WINDOW) continue;

    while (sliceStart < start && /\s/u.test(text[sliceStart]!)) sliceStart++;
    while (sliceEnd > end && /\s/u.test(text[sliceEnd - 1]!)) sliceEnd--;
    return { text: text.slice(sliceStart, sliceEnd), start: sliceStart, end: sliceEnd };
  }
}
