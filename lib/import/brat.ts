import { CodePointIndex } from '../anchoring/codepoints';
import type { Label } from '../labels';
import { CLAIM_STATUSES, FIGURE_QUALIFIERS, type ClaimStatus, type FigureQualifier } from '../vocabulary';
import { boundedUnzip, UnreadableArchive } from './bounded-unzip';
import { aLabel, byTextOrder, fileLines, labelFromName, preview, spanProblem } from './shared';
import { importText } from './text-for-import';
import type { ImportedAnnotation, ImportedArticle, ImportProblem, ImportResult } from './types';

/*
 * brat standoff (https://brat.nlplab.org/standoff.html): a document is `x.txt` plus
 * `x.ann`, one annotation per line, fields separated by tabs.
 *
 *   T1<TAB>Figure 52 57;60 64<TAB>seven fighters    text-bound span, code point offsets
 *   A1<TAB>Category T1 killed_people               attribute (M is the older spelling)
 *   #1<TAB>AnnotatorNotes T1<TAB>per the ministry  note
 *
 * Offsets count Unicode code points of the .txt, because brat is written in Python.
 * They are converted to UTF-16 and then moved onto the normalised text.
 *
 * What is kept: T spans whose type is one of our labels; Category and Qualifier on
 * figures and Status on claims; AnnotatorNotes as the note. What is accepted and
 * dropped: relations (R), events (E), normalisations (N), equivalences (*), other
 * attributes and other note types — Crosscheck has nowhere to put them, and refusing
 * a whole corpus for them would make brat files from other projects unusable.
 * Anything else that does not parse is a problem naming its line.
 */

export interface BratDocument {
  /** The path without extension, e.g. "corpus/article-1"; the title is its last part. */
  name: string;
  txt: string;
  ann: string;
  /**
   * Set by bratDocumentsFromZip when the archive or this pair cannot be read, so the
   * problem travels to parseBrat, which reports it, with the documents.
   */
  problem?: ImportProblem;
}

interface Span {
  id: string;
  line: number;
  annotation: ImportedAnnotation;
}

interface Attribute {
  id: string;
  line: number;
  name: string;
  target: string;
  value: string | undefined;
}

interface Note {
  line: number;
  target: string;
  text: string;
}

const SPAN_FIELD = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/;
const IGNORED_KINDS = new Set(['R', 'E', 'N', '*']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

// A .ann line cannot hold a line break, so tools write a span that crosses lines with
// spaces instead: one per \r\n, or one per character (brat's own choice). Both match.
function sameQuote(written: string, actual: string): boolean {
  return (
    written === actual ||
    written === actual.replace(/\r\n|[\r\n]/g, ' ') ||
    written === actual.replace(/[\r\n]/g, ' ')
  );
}

function qualifierFrom(value: string): FigureQualifier | undefined {
  const key = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return FIGURE_QUALIFIERS.find((qualifier) => qualifier === key);
}

function statusFrom(value: string): ClaimStatus | undefined {
  const key = value.trim().toLowerCase();
  return CLAIM_STATUSES.find((status) => status === key);
}

function parseDocument(doc: BratDocument, problems: ImportProblem[]): ImportedArticle | null {
  const txtFile = `${doc.name}.txt`;
  const annFile = `${doc.name}.ann`;
  const problem = (line: number | null, message: string, file = annFile) => problems.push({ file, line, message });
  const before = problems.length;

  const imported = importText(doc.txt);
  if (imported.text === '') problem(null, 'the text is empty', txtFile);
  const codePoints = new CodePointIndex(doc.txt);

  const spans = new Map<string, Span>();
  // Every T id seen, including spans refused above, so their attributes are not reported twice.
  const spanIds = new Set<string>();
  const attributes: Attribute[] = [];
  const notes: Note[] = [];
  let unmappableReported = false;

  fileLines(doc.ann).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    const tab = content.indexOf('\t');
    if (tab <= 0) {
      problem(line, `“${preview(content)}” is not a brat annotation line (an id, a tab, then the annotation)`);
      return;
    }
    const id = content.slice(0, tab);
    const rest = content.slice(tab + 1);
    const kind = id.charAt(0);

    if (kind === 'T') {
      const secondTab = rest.indexOf('\t');
      const head = secondTab === -1 ? rest : rest.slice(0, secondTab);
      const match = SPAN_FIELD.exec(head);
      if (secondTab === -1 || !match) {
        problem(line, `${id}: expected “Type start end<TAB>text”, found “${preview(rest)}”`);
        return;
      }
      if (spanIds.has(id)) {
        problem(line, `${id} is defined twice`);
        return;
      }
      spanIds.add(id);
      const written = rest.slice(secondTab + 1);
      const [, type, offsets] = match as unknown as [string, string, string];

      const label: Label | undefined = labelFromName(type);
      if (!label) problem(line, `${id}: unknown label “${type}” (expected claim, actor or figure)`);

      const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
      let bad = false;
      for (const [s, e] of fragments) {
        if (e > codePoints.codePointLength) {
          problem(line, `${id}: offsets ${s}–${e} are outside the text (${codePoints.codePointLength} characters)`);
          bad = true;
        } else if (s >= e) {
          problem(line, `${id}: offsets ${s}–${e} do not make a span (the start must be before the end)`);
          bad = true;
        }
      }
      if (bad || !label) return;

      const utf16 = fragments.map(([s, e]) => [codePoints.toUtf16(s), codePoints.toUtf16(e)] as const);
      const actual = utf16.map(([s, e]) => doc.txt.slice(s, e)).join(' ');
      if (!sameQuote(written, actual)) {
        const where = fragments.map(([s, e]) => `${s}–${e}`).join(', ');
        problem(line, `${id}: quote “${preview(written)}” does not match the text at ${where}, which says “${preview(actual)}”`);
        return;
      }

      if (imported.unmappable) {
        if (!unmappableReported) problem(null, imported.unmappable, txtFile);
        unmappableReported = true;
        return;
      }
      // Discontinuous fragments become one span: Crosscheck spans are contiguous.
      const start = Math.min(...utf16.map(([s]) => s));
      const end = Math.max(...utf16.map(([, e]) => e));
      const mapped = imported.mapSpan(start, end);
      if ('problem' in mapped) {
        problem(line, `${id}: ${mapped.problem}`);
        return;
      }
      const invalid = spanProblem(imported.text, mapped.start, mapped.end);
      if (invalid) {
        problem(line, `${id}: ${invalid}`);
        return;
      }
      spans.set(id, {
        id,
        line,
        annotation: { label, start: mapped.start, end: mapped.end, quote: imported.text.slice(mapped.start, mapped.end), note: '' },
      });
      return;
    }

    if (kind === 'A' || kind === 'M') {
      const parts = rest.trim().split(/\s+/);
      if (parts.length < 2 || parts.length > 3) {
        problem(line, `${id}: expected “Name target [value]”, found “${preview(rest)}”`);
        return;
      }
      const [name, target, value] = parts as [string, string, string | undefined];
      attributes.push({ id, line, name, target, value });
      return;
    }

    if (kind === '#') {
      const secondTab = rest.indexOf('\t');
      const parts = (secondTab === -1 ? rest : rest.slice(0, secondTab)).trim().split(/\s+/);
      if (secondTab === -1 || parts.length !== 2) {
        problem(line, `${id}: expected “AnnotatorNotes target<TAB>note”, found “${preview(rest)}”`);
        return;
      }
      if (parts[0] === 'AnnotatorNotes') notes.push({ line, target: parts[1] as string, text: rest.slice(secondTab + 1) });
      return;
    }

    if (IGNORED_KINDS.has(kind)) return;
    problem(line, `“${preview(content)}” is not a brat annotation line (ids start with T, A, M, R, E, N, * or #)`);
  });

  // Attributes and notes may come before the span they describe, so they are applied
  // once every span is known. Targets that are not spans (relations, events) are dropped.
  const targetOf = (line: number, who: string, target: string): Span | undefined => {
    const span = spans.get(target);
    if (!span && target.startsWith('T') && !spanIds.has(target)) {
      problem(line, `${who} refers to ${target}, which is not in this file`);
    }
    return span;
  };

  for (const attribute of attributes) {
    const kind = attribute.name.toLowerCase();
    if (kind !== 'category' && kind !== 'qualifier' && kind !== 'status') continue;
    const span = targetOf(attribute.line, attribute.id, attribute.target);
    if (!span) continue;
    const { annotation } = span;
    const wanted: Label = kind === 'status' ? 'claim' : 'figure';
    if (annotation.label !== wanted) {
      problem(attribute.line, `${attribute.id}: ${attribute.name} applies to ${wanted}s, but ${span.id} is ${aLabel(annotation.label)}`);
      continue;
    }
    if (attribute.value === undefined) {
      problem(attribute.line, `${attribute.id}: ${attribute.name} has no value`);
      continue;
    }
    if (kind === 'category') {
      // brat values cannot hold spaces; exporters write them as underscores.
      annotation.figure = { ...annotation.figure, category: attribute.value.replace(/_/g, ' ') };
    } else if (kind === 'qualifier') {
      const qualifier = qualifierFrom(attribute.value);
      if (!qualifier) {
        problem(attribute.line, `${attribute.id}: unknown qualifier “${attribute.value}” (expected one of ${FIGURE_QUALIFIERS.join(', ')})`);
        continue;
      }
      annotation.figure = { ...annotation.figure, qualifier };
    } else {
      const status = statusFrom(attribute.value);
      if (!status) {
        problem(attribute.line, `${attribute.id}: unknown status “${attribute.value}” (expected one of ${CLAIM_STATUSES.join(', ')})`);
        continue;
      }
      annotation.claim = { status };
    }
  }

  for (const note of notes) {
    const span = targetOf(note.line, 'the note', note.target);
    if (!span) continue;
    // A figure note written by our exporter ("value: …; counted: …") is kept as the
    // note text as it is: reading it back into details would guess at free text.
    span.annotation.note = span.annotation.note ? `${span.annotation.note}\n${note.text}` : note.text;
  }

  if (problems.length > before) return null;
  return {
    title: baseName(doc.name),
    publishedOn: imported.dateFromText ?? undefined,
    text: imported.text,
    annotations: [...spans.values()].map((span) => span.annotation).sort(byTextOrder),
    origin: { file: txtFile, line: null },
  };
}

export function parseBrat(documents: BratDocument[]): ImportResult {
  const articles: ImportedArticle[] = [];
  const problems: ImportProblem[] = [];
  for (const doc of documents) {
    if (doc.problem) {
      problems.push(doc.problem);
      continue;
    }
    const article = parseDocument(doc, problems);
    if (article) articles.push(article);
  }
  return { articles, problems };
}

// brat's configuration files sit beside the documents; they describe a schema we do not need.
const CONFIG_FILES = new Set(['annotation.conf', 'visual.conf', 'tools.conf', 'kb_shortcuts.conf']);

function wanted(path: string): boolean {
  const base = baseName(path);
  // Folders, macOS resource forks and hidden files are never documents.
  if (path.endsWith('/') || path.startsWith('__MACOSX/') || base.startsWith('.')) return false;
  if (CONFIG_FILES.has(base)) return false;
  return path.endsWith('.txt') || path.endsWith('.ann');
}

/**
 * The .txt/.ann pairs of a zip, paired by path without extension (so pairs may sit in
 * any folder, but a pair shares one). A .txt without .ann is a document nobody has
 * annotated yet, as brat itself treats it; a .ann without .txt cannot be placed and
 * becomes a document carrying a problem. Text keeps a BOM: brat counts it as a character.
 */
export function bratDocumentsFromZip(bytes: Uint8Array, file = 'archive.zip'): BratDocument[] {
  const failed = (message: string): BratDocument[] => [
    { name: file, txt: '', ann: '', problem: { file, line: null, message } },
  ];
  let entries: Record<string, Uint8Array>;
  try {
    // Only the entries we read are inflated, within ARCHIVE_LIMITS: past them this throws a 413.
    entries = boundedUnzip(bytes, wanted);
  } catch (error) {
    if (error instanceof UnreadableArchive) return failed(`not a readable zip archive (${error.message})`);
    throw error;
  }

  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const pairs = new Map<string, { txt?: string; ann?: string; problem?: ImportProblem }>();
  for (const [path, data] of Object.entries(entries)) {
    const stem = path.slice(0, -4);
    const pair = pairs.get(stem) ?? {};
    pairs.set(stem, pair);
    let content: string;
    try {
      content = decoder.decode(data);
    } catch {
      pair.problem ??= { file: path, line: null, message: 'is not UTF-8 text' };
      continue;
    }
    if (path.endsWith('.txt')) pair.txt = content;
    else pair.ann = content;
  }

  if (pairs.size === 0) return failed('the archive holds no brat documents (.txt and .ann files)');
  return [...pairs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, pair]): BratDocument => {
      if (pair.problem) return { name, txt: '', ann: '', problem: pair.problem };
      if (pair.txt === undefined) {
        return {
          name,
          txt: '',
          ann: '',
          problem: { file: `${name}.ann`, line: null, message: `has no matching text file ${baseName(name)}.txt beside it` },
        };
      }
      return { name, txt: pair.txt, ann: pair.ann ?? '' };
    });
}

/** A brat zip in one step: what an upload handler calls. */
export function parseBratZip(bytes: Uint8Array, file: string): ImportResult {
  return parseBrat(bratDocumentsFromZip(bytes, file));
}
