export interface ParagraphRange {
  start: number;
  end: number;
}

const NON_BLANK = /\S/;

/**
 * Paragraph ranges of a normalised text, found in one pass over its lines
 * (articles reach 1.2 MB, so anything that rescans the text is too slow).
 */
export function splitParagraphs(text: string): ParagraphRange[] {
  const paragraphs: ParagraphRange[] = [];
  let paraStart = -1;
  let paraEnd = -1;
  let lineStart = 0;

  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;

    if (NON_BLANK.test(text.slice(lineStart, lineEnd))) {
      if (paraStart === -1) paraStart = lineStart;
      paraEnd = lineEnd;
    } else if (paraStart !== -1) {
      paragraphs.push({ start: paraStart, end: paraEnd });
      paraStart = -1;
    }

    if (newline === -1) break;
    lineStart = newline + 1;
  }

  if (paraStart !== -1) paragraphs.push({ start: paraStart, end: paraEnd });
  return paragraphs;
}
