import { verifySpan } from '../anchoring/anchor';
import { splitsSurrogatePair } from '../anchoring/codepoints';
import { isAppError } from '../errors';
import { LABELS, type Label } from '../labels';
import { parseDateLine } from '../text/normalise';

// Small pieces every parser needs, kept in one place so problems read the same everywhere.

/** A label named in a file, in any case: "Claim", "FIGURE". */
export function labelFromName(name: string): Label | undefined {
  const lower = name.trim().toLowerCase();
  return LABELS.find((label) => label === lower);
}

/** "an actor", "a claim", "a figure": for messages. */
export function aLabel(label: Label): string {
  return `${label === 'actor' ? 'an' : 'a'} ${label}`;
}

/**
 * A value shown inside a problem message: short, never cut inside a character, and on
 * one line (line breaks and tabs are shown as \n, \r and \t, since they matter there);
 * half an emoji, which a bad offset can cut off, shows as �.
 */
export function preview(value: string, max = 40): string {
  let shown = value;
  if (shown.length > max) {
    let cut = max - 1;
    if (splitsSurrogatePair(shown, cut)) cut--;
    shown = `${shown.slice(0, cut)}…`;
  }
  return shown
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function lowerFirst(message: string): string {
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/**
 * Whether the server would take this span of the final text (lib/anchoring/anchor.ts),
 * checked here so nothing is handed on that it would refuse later. The common reasons
 * get their own words, without offsets: the caller names the span in the file's terms.
 */
export function spanProblem(text: string, start: number, end: number): string | null {
  if (text.slice(start, end).trim() === '') return 'the span contains only white space';
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return 'the span starts or ends in the middle of a character (half of an emoji, say)';
  }
  try {
    verifySpan(text, { start, end, quote: text.slice(start, end) });
    return null;
  } catch (error) {
    if (isAppError(error)) return lowerFirst(error.message);
    throw error;
  }
}

/** YYYY-MM-DD that is a real calendar day, else undefined; parseDateLine holds the calendar rules. */
export function calendarDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return parseDateLine(`date ${value}`).date ?? undefined;
}

/**
 * Lines of a text file, 1-based by position in the array plus one. A BOM before the
 * first line and the \r of CRLF files are dropped, since neither belongs to the data.
 */
export function fileLines(content: string): string[] {
  const body = content.startsWith('\uFEFF') ? content.slice(1) : content;
  return body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** Text order, as ExportArticle.annotations: start ascending, then longer spans first. */
export function byTextOrder(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** An optional string field; empty after trimming counts as absent. */
export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
