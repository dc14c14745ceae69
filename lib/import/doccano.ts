import type { Label } from '../labels';
import { byTextOrder, fileLines, labelFromName, optionalText, preview, spanProblem } from './shared';
import { importText } from './text-for-import';
import type { ImportedAnnotation, ImportedArticle, ImportProblem, ImportResult } from './types';

/*
 * doccano sequence-labelling JSONL, one document per line, in the shapes doccano has
 * exported over the years:
 *
 *   {"text": "…", "label": [[0, 5, "Claim"], …]}          current
 *   {"text": "…", "labels": [[0, 5, "Claim"], …]}         older
 *   {"text": "…", "entities": [{"start_offset": 0, "end_offset": 5, "label": "Claim"}]}
 *                                                         with relations
 *
 * Offsets are UTF-16 code units: doccano measures spans in its JavaScript front end
 * (doccano issue #2290), so they need no conversion, only mapping onto the normalised
 * text. Optional `title`, `source` and `url` keys (as our exporter writes them) are
 * read; every other key (id, relations, comments, metadata) is ignored.
 */

interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
}

function rawSpans(entry: Record<string, unknown>, say: (message: string) => void): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const key of ['label', 'labels'] as const) {
    const list = entry[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      say(`“${key}” must be a list of [start, end, label]`);
      continue;
    }
    list.forEach((item: unknown, index) => {
      if (!Array.isArray(item) || item.length !== 3) {
        // A list of plain names is doccano's text classification, which has no spans.
        say(`“${key}” item ${index + 1} is ${JSON.stringify(item)}, not [start, end, label]`);
        return;
      }
      spans.push({ start: item[0], end: item[1], label: item[2] });
    });
  }
  const entities = entry.entities;
  if (entities !== undefined) {
    if (!Array.isArray(entities)) {
      say('“entities” must be a list of {start_offset, end_offset, label}');
    } else {
      entities.forEach((item: unknown, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          say(`“entities” item ${index + 1} is not an object`);
          return;
        }
        const e = item as Record<string, unknown>;
        spans.push({ start: e.start_offset, end: e.end_offset, label: e.label });
      });
    }
  }
  return spans;
}

function parseLine(entry: unknown, file: string, line: number, say: (message: string) => void): ImportedArticle | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    say('the line is not a JSON object');
    return null;
  }
  const record = entry as Record<string, unknown>;
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    say(message);
  };

  const meta: Partial<Record<'title' | 'source' | 'url', string>> = {};
  for (const key of ['title', 'source', 'url'] as const) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') fail(`“${key}” must be a string`);
    else meta[key] = optionalText(value);
  }

  const raw = record.text;
  if (typeof raw !== 'string') {
    fail(raw === undefined ? 'no “text”' : '“text” must be a string');
    return null;
  }
  const imported = importText(raw);
  if (imported.text === '') fail('the text is empty');

  const spans = rawSpans(record, fail);
  const annotations: ImportedAnnotation[] = [];
  if (spans.length > 0 && imported.unmappable) {
    fail(imported.unmappable);
    return null;
  }
  spans.forEach((span, index) => {
    const name = `span ${index + 1}`;
    const { start, end } = span;
    let label: Label | undefined;
    if (typeof span.label !== 'string') fail(`${name}: the label must be a string`);
    else {
      label = labelFromName(span.label);
      if (!label) fail(`${name}: unknown label “${span.label}” (expected claim, actor or figure)`);
    }
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
      fail(`${name}: start and end must be whole numbers, got ${JSON.stringify(start)} and ${JSON.stringify(end)}`);
      return;
    }
    if (start < 0 || end > raw.length) {
      fail(`${name}: offsets ${start}–${end} are outside the text (${raw.length} characters)`);
      return;
    }
    if (start >= end) {
      fail(`${name}: start ${start} is not before end ${end}`);
      return;
    }
    if (!label) return;
    const mapped = imported.mapSpan(start, end);
    if ('problem' in mapped) {
      fail(`${name} (“${preview(raw.slice(start, end))}”): ${mapped.problem}`);
      return;
    }
    const invalid = spanProblem(imported.text, mapped.start, mapped.end);
    if (invalid) {
      fail(`${name} (“${preview(raw.slice(start, end))}”): ${invalid}`);
      return;
    }
    annotations.push({ label, start: mapped.start, end: mapped.end, quote: imported.text.slice(mapped.start, mapped.end), note: '' });
  });

  if (failed) return null;
  return {
    ...meta,
    publishedOn: imported.dateFromText ?? undefined,
    text: imported.text,
    annotations: annotations.sort(byTextOrder),
    origin: { file, line },
  };
}

export function parseDoccano(content: string, file: string): ImportResult {
  const articles: ImportedArticle[] = [];
  const problems: ImportProblem[] = [];
  fileLines(content).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const say = (message: string) => problems.push({ file, line, message });
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (error) {
      say(`broken JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const article = parseLine(entry, file, line, say);
    if (article) articles.push(article);
  });
  return { articles, problems };
}
