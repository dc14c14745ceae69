import { parseDateLine, prepareArticleText } from '../text/normalise';

/*
 * Annotated files carry offsets into *their* text, but the app stores the text only
 * after normalising it (lib/text/normalise.ts). This module repeats that
 * normalisation step by step while remembering, for every character of the output,
 * which character of the input it came from, so an imported span can be moved onto
 * the stored text, or refused when the text under it changed.
 *
 * The steps are those of prepareArticleText, in its order: drop a leading BOM; CRLF
 * and lone CR become LF (the CR of a CRLF is the character dropped); NFC; spaces and
 * tabs at line ends removed; the whole text trimmed; a leading `date YYYY-MM-DD`
 * token taken out (parseDateLine itself decides); trimmed again. At the end the
 * result is compared with prepareArticleText(raw).text, so the app's function stays
 * the definition and this one can only refuse, never disagree silently.
 *
 * NFC can merge characters (e + U+0301 → é) or, rarely, change lengths, so it runs per
 * cluster: a base character with the combining marks (and Hangul vowel/final jamo)
 * after it (see CANDIDATE). A cluster NFC leaves alone maps character by character;
 * one it changes maps as a block, whose inside offsets have no counterpart (null). If
 * NFC per cluster ever differs from NFC of the whole text (it should not for real
 * text), offsets are not mapped at all and `unmappable` says why; the text itself is
 * still right, so an article without annotations imports regardless.
 */

// Why a character of the input is missing from the output (0: it is not), for messages.
const Removed = {
  No: 0,
  Bom: 1,
  CarriageReturn: 2,
  LineEndSpace: 3,
  EdgeSpace: 4,
  DateLine: 5,
} as const;
type Removed = (typeof Removed)[keyof typeof Removed];

const REMOVED_AS: readonly string[] = [
  '',
  'the byte-order mark',
  'a carriage return (\\r)',
  'a space or tab at the end of a line',
  'white space at the start or end of the text',
  'the leading “date YYYY-MM-DD” token',
];

export type MappedSpan = { start: number; end: number } | { problem: string };

export interface ImportText {
  /** Exactly prepareArticleText(raw).text. */
  text: string;
  /** The date taken from a leading `date YYYY-MM-DD` line, as prepareArticleText reports it. */
  dateFromText: string | null;
  /**
   * The offset in `text` of the boundary just before the character at UTF-16 offset
   * `offset` of `raw`; `raw.length` maps to `text.length`. Null when that character
   * was removed (a BOM, the \r of a CRLF, a trailing space, the date token) or sits
   * inside a cluster NFC rewrote, or when offsets cannot be mapped at all.
   */
  map: (offset: number) => number | null;
  /**
   * A span [start, end) of `raw` moved onto `text`. The start follows the span's first
   * character and the end its last one, so a span that ends at a CRLF or spans several
   * lines maps; one whose first or last character was removed is refused with a reason
   * (worded without offsets, so the caller can name the span in its file's own terms).
   */
  mapSpan: (start: number, end: number) => MappedSpan;
  /** Set when no offset can be mapped (see the module comment); the text is still right. */
  unmappable: string | null;
}

// The working text and, per UTF-16 unit of it, the raw boundary before and after it
// (-1 inside an NFC block, where no raw boundary corresponds).
interface Tracked {
  text: string;
  before: Int32Array;
  after: Int32Array;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function stripBomAndLineEnds(raw: string, removed: Uint8Array): Tracked {
  const before = new Int32Array(raw.length);
  const after = new Int32Array(raw.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  // Kept characters are copied in runs between the few that change.
  const keepRun = (end: number) => {
    if (end > runStart) parts.push(raw.slice(runStart, end));
    for (let j = runStart; j < end; j++) {
      before[n] = j;
      after[n] = j + 1;
      n++;
    }
  };
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const bom = i === 0 && code === 0xfeff;
    if (!bom && code !== 0x0d) continue;
    keepRun(i);
    runStart = i + 1;
    if (bom) removed[i] = Removed.Bom;
    else if (raw.charCodeAt(i + 1) === 0x0a) removed[i] = Removed.CarriageReturn;
    else {
      // A lone CR is the line break itself, so it stays, as LF.
      parts.push('\n');
      before[n] = i;
      after[n] = i + 1;
      n++;
    }
  }
  keepRun(raw.length);
  return { text: parts.join(''), before: before.subarray(0, n), after: after.subarray(0, n) };
}

// The clusters NFC might rewrite: a character with the combining marks after it (Hangul
// medial and final jamo are not marks but compose with what precedes them, so they
// count as marks here), marks with nothing before them, and any single non-ASCII
// character (NFC replaces a few singletons, such as U+212B ANGSTROM SIGN). ASCII
// without marks never changes, so the scan skips it natively.
const CANDIDATE = /[^\p{M}\u1160-\u11FF\uD7B0-\uD7FF]?[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]+|[^\x00-\x7F\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/gu;

function composeByCluster(t: Tracked): Tracked | null {
  const whole = t.text.normalize('NFC');
  if (whole === t.text) return t;
  const parts: string[] = [];
  const befores: Int32Array[] = [];
  const afters: Int32Array[] = [];
  // Stretches NFC leaves alone are copied whole, between the clusters it rewrites.
  let copied = 0;
  const copyUpTo = (end: number) => {
    if (end <= copied) return;
    parts.push(t.text.slice(copied, end));
    befores.push(t.before.subarray(copied, end));
    afters.push(t.after.subarray(copied, end));
  };
  for (const match of t.text.matchAll(CANDIDATE)) {
    const cluster = match[0];
    const composed = cluster.normalize('NFC');
    if (composed === cluster) continue;
    const a = match.index;
    const b = a + cluster.length;
    copyUpTo(a);
    copied = b;
    parts.push(composed);
    // The block keeps only its outer boundaries.
    const blockBefore = new Int32Array(composed.length).fill(-1);
    const blockAfter = new Int32Array(composed.length).fill(-1);
    if (composed.length > 0) {
      blockBefore[0] = t.before[a] as number;
      blockAfter[composed.length - 1] = t.after[b - 1] as number;
    }
    befores.push(blockBefore);
    afters.push(blockAfter);
  }
  copyUpTo(t.text.length);
  const text = parts.join('');
  if (text !== whole) return null;
  return { text, before: concat(befores, text.length), after: concat(afters, text.length) };
}

function concat(chunks: Int32Array[], length: number): Int32Array {
  const out = new Int32Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function markRemoved(t: Tracked, from: number, to: number, removed: Uint8Array, why: Removed): void {
  for (let k = from; k < to; k++) {
    const source = t.before[k] as number;
    if (source >= 0) removed[source] = why;
  }
}

/** Removes the units where `gone` is set, copying the kept runs between them whole. */
function drop(t: Tracked, gone: Uint8Array, removed: Uint8Array, why: Removed): Tracked {
  const before = new Int32Array(t.text.length);
  const after = new Int32Array(t.text.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let k = 0; k <= t.text.length; k++) {
    if (k < t.text.length && !gone[k]) continue;
    if (k > runStart) {
      parts.push(t.text.slice(runStart, k));
      before.set(t.before.subarray(runStart, k), n);
      after.set(t.after.subarray(runStart, k), n);
      n += k - runStart;
    }
    if (k < t.text.length) markRemoved(t, k, k + 1, removed, why);
    runStart = k + 1;
  }
  return { text: parts.join(''), before: before.subarray(0, n), after: after.subarray(0, n) };
}

/** Keeps only [from, to): trimming and the date token only ever cut the ends. */
function cut(t: Tracked, from: number, to: number, removed: Uint8Array, why: Removed): Tracked {
  markRemoved(t, 0, from, removed, why);
  markRemoved(t, to, t.text.length, removed, why);
  return { text: t.text.slice(from, to), before: t.before.subarray(from, to), after: t.after.subarray(from, to) };
}

function lineEndSpaces(text: string): Uint8Array {
  const gone = new Uint8Array(text.length);
  let newline = text.indexOf('\n');
  for (;;) {
    const end = newline === -1 ? text.length : newline;
    for (let k = end - 1; k >= 0 && isSpaceOrTab(text.charCodeAt(k)); k--) gone[k] = 1;
    if (newline === -1) return gone;
    newline = text.indexOf('\n', newline + 1);
  }
}

function trimmed(t: Tracked, removed: Uint8Array): Tracked {
  const lead = t.text.length - t.text.trimStart().length;
  const trail = t.text.length - t.text.trimEnd().length;
  return cut(t, lead, Math.max(lead, t.text.length - trail), removed, Removed.EdgeSpace);
}

export function importText(raw: string): ImportText {
  const prepared = prepareArticleText(raw);
  const isOffset = (offset: number) => Number.isInteger(offset) && offset >= 0 && offset <= raw.length;

  if (prepared.text === raw) {
    // Already in stored form (Crosscheck's own exports, most JSONL): nothing moves.
    return {
      text: raw,
      dateFromText: prepared.dateFromText,
      map: (offset) => (isOffset(offset) ? offset : null),
      mapSpan: (start, end) =>
        isOffset(start) && isOffset(end) && start < end ? { start, end } : { problem: `${start}–${end} is not a span of the text` },
      unmappable: null,
    };
  }

  const removed = new Uint8Array(raw.length);

  let unmappable: string | null = null;
  let tracked: Tracked | null = composeByCluster(stripBomAndLineEnds(raw, removed));
  if (tracked === null) {
    unmappable = 'Unicode normalisation (NFC) changes this text in a way its offsets cannot follow';
  } else {
    tracked = drop(tracked, lineEndSpaces(tracked.text), removed, Removed.LineEndSpace);
    tracked = trimmed(tracked, removed);
    const { body } = parseDateLine(tracked.text);
    tracked = cut(tracked, tracked.text.length - body.length, tracked.text.length, removed, Removed.DateLine);
    tracked = trimmed(tracked, removed);
    if (tracked.text !== prepared.text) {
      // A change to normalise.ts that this file does not know about yet.
      unmappable = 'the text normalises differently from what the import expects, so offsets cannot be mapped';
      tracked = null;
    }
  }

  // Raw boundary → output boundary, once, so each lookup is O(1).
  const startAt = new Int32Array(raw.length + 1).fill(-1);
  const endAt = new Int32Array(raw.length + 1).fill(-1);
  if (tracked) {
    for (let k = 0; k < tracked.text.length; k++) {
      const b = tracked.before[k] as number;
      const a = tracked.after[k] as number;
      if (b >= 0) startAt[b] = k;
      if (a >= 0) endAt[a] = k + 1;
    }
    startAt[raw.length] = tracked.text.length;
  }

  const map = (offset: number): number | null => {
    if (!isOffset(offset)) return null;
    const mapped = startAt[offset] as number;
    return mapped < 0 ? null : mapped;
  };

  const lost = (edge: 'starts' | 'ends', offset: number): { problem: string } => {
    const why = removed[offset] ?? Removed.No;
    if (why !== Removed.No) {
      return { problem: `the span ${edge} on ${REMOVED_AS[why] ?? 'a removed character'}, which is removed when the text is imported` };
    }
    return {
      problem: `the span ${edge} inside a character that Unicode normalisation (NFC) joins with its neighbour when the text is imported`,
    };
  };

  const mapSpan = (start: number, end: number): MappedSpan => {
    if (unmappable) return { problem: unmappable };
    if (!isOffset(start) || !isOffset(end) || start >= end) {
      return { problem: `${start}–${end} is not a span of the text` };
    }
    const s = startAt[start] as number;
    const e = endAt[end] as number;
    if (s < 0) return lost('starts', start);
    if (e < 0) return lost('ends', end - 1);
    if (e <= s) {
      return { problem: 'the span is empty once the text is normalised' };
    }
    return { start: s, end: e };
  };

  return { text: prepared.text, dateFromText: prepared.dateFromText, map, mapSpan, unmappable };
}
