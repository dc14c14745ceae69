import { AppError } from '../errors';

/*
 * Storage and the browser count UTF-16 code units; W3C Web Annotation and
 * brat exports count Unicode code points. They differ by one for every
 * astral character (emoji, flags, some CJK) before the offset.
 */

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` sits between the two halves of one astral character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHigh(text.charCodeAt(offset - 1)) &&
    isLow(text.charCodeAt(offset))
  );
}

function outOfRange(message: string, details: Record<string, unknown>): AppError {
  return new AppError('offset_out_of_range', message, details);
}

function checkUtf16Offset(text: string, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw outOfRange(
      `UTF-16 offset ${offset} is outside the text (0 to ${text.length})`,
      { offset, length: text.length },
    );
  }
  if (splitsSurrogatePair(text, offset)) {
    throw outOfRange(
      `UTF-16 offset ${offset} falls between the two halves of a surrogate pair`,
      { offset },
    );
  }
}

function checkCodePointOffset(codePointOffset: number, codePointLength: number): void {
  if (
    !Number.isInteger(codePointOffset) ||
    codePointOffset < 0 ||
    codePointOffset > codePointLength
  ) {
    throw outOfRange(
      `code point offset ${codePointOffset} is outside the text (0 to ${codePointLength})`,
      { codePointOffset, codePointLength },
    );
  }
}

// UTF-16 positions where a well-formed surrogate pair starts. Lone
// surrogates count as one code point each, as `for…of` and Array.from do.
function astralStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      starts.push(i);
      i++;
    }
  }
  return starts;
}

export function utf16ToCodePoint(text: string, offset: number): number {
  checkUtf16Offset(text, offset);
  let codePoints = 0;
  for (let i = 0; i < offset; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i++;
    codePoints++;
  }
  return codePoints;
}

export function codePointToUtf16(text: string, codePointOffset: number): number {
  const length = () => text.length - astralStarts(text).length;
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    checkCodePointOffset(codePointOffset, length());
  }
  let i = 0;
  let codePoints = 0;
  while (codePoints < codePointOffset && i < text.length) {
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    codePoints++;
  }
  if (codePoints < codePointOffset) checkCodePointOffset(codePointOffset, length());
  return i;
}

/** Number of entries in `sorted` that are strictly below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converter for exports that translate thousands of offsets in one text:
 * one linear scan up front, then a binary search per conversion.
 */
export class CodePointIndex {
  readonly codePointLength: number;
  private readonly astralUtf16: number[];
  // Code point offset of each astral character; sorted like astralUtf16.
  private readonly astralCodePoint: number[];

  constructor(private readonly text: string) {
    this.astralUtf16 = astralStarts(text);
    this.astralCodePoint = this.astralUtf16.map((pos, i) => pos - i);
    this.codePointLength = text.length - this.astralUtf16.length;
  }

  toCodePoint(utf16: number): number {
    checkUtf16Offset(this.text, utf16);
    return utf16 - countBelow(this.astralUtf16, utf16);
  }

  toUtf16(codePoint: number): number {
    checkCodePointOffset(codePoint, this.codePointLength);
    return codePoint + countBelow(this.astralCodePoint, codePoint);
  }
}
