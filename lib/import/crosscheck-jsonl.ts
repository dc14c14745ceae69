import { z } from 'zod';
import { verifySpan } from '../anchoring/anchor';
import { isAppError } from '../errors';
import type { ExportAnnotation, ExportArticle } from '../export/types';
import { LABELS, type Label } from '../labels';
import { normaliseText, prepareArticleText } from '../text/normalise';
import { ACTOR_KINDS, CLAIM_STATUSES, COMPARISON_STATUSES, FIGURE_QUALIFIERS } from '../vocabulary';
import { clockTime } from '../dates/publication-time';
import { aLabel, calendarDate, fileLines, optionalText, preview } from './shared';
import type { ImportedAnnotation, ImportedArticle, ImportProblem } from './types';

/*
 * Crosscheck's own JSONL (lib/export/jsonl.ts): one ExportArticle per line. The text
 * was stored normalised, so offsets are used as they are; a text that is *not* in
 * stored form was edited after export and is refused rather than silently shifted.
 *
 * The same file type also carries plain articles to add in bulk, one per line:
 * {"text": …, "title"?, "source"?, "url"?, "publishedOn"?}. A line is read as an
 * export when it has `id` or `annotations`, as a bulk article otherwise; bulk text
 * is normalised like any pasted text (its date line gives the date when none is set).
 */

export type CrosscheckImportedArticle = ImportedArticle & { exported?: ExportArticle };

export interface CrosscheckImportResult {
  articles: CrosscheckImportedArticle[];
  problems: ImportProblem[];
}

const author = z.object({ username: z.string(), name: z.string() });
const actor = z.object({ name: z.string(), kind: z.enum(ACTOR_KINDS), aliases: z.array(z.string()) });
const figure = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  qualifier: z.enum(FIGURE_QUALIFIERS),
  vague: z.boolean(),
  category: z.string(),
  counted: z.string().nullable(),
  place: z.string().nullable(),
  time: z.string().nullable(),
  source: actor.nullable(),
  sourceText: z.string().nullable(),
  // Files written before inferred sources were marked have none.
  sourceInferred: z.boolean().default(false),
});
const annotation = z.object({
  id: z.int(),
  label: z.enum(LABELS),
  start: z.int(),
  end: z.int(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  author,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actor: actor.nullable(),
  figure: figure.nullable(),
  // Files written before the verdict time was exported have no ratedAt.
  claim: z.object({ status: z.enum(CLAIM_STATUSES), claimant: actor.nullable(), ratedAt: z.string().nullable().default(null) }).nullable(),
});
const comparison = z.object({
  id: z.int(),
  title: z.string(),
  status: z.enum(COMPARISON_STATUSES),
  resolutionNote: z.string(),
  event: z.string().nullable(),
  author,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  figures: z.array(z.object({ articleId: z.int(), annotationId: z.int(), quote: z.string(), figure })),
});
// Typed against ExportArticle so the schema cannot drift from what the exporter writes.
const exportArticle: z.ZodType<ExportArticle> = z.object({
  id: z.int(),
  title: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  publishedTime: z.string().nullish(),
  text: z.string(),
  wordCount: z.int(),
  author,
  createdAt: z.string(),
  updatedAt: z.string(),
  annotations: z.array(annotation),
  comparisons: z.array(comparison),
});
const bulkArticle = z.object({
  text: z.string(),
  title: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
  publishedOn: z.string().nullish(),
  publishedTime: z.string().nullish(),
});

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `“${preview(value)}”`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function idOf(item: unknown, index: number): string {
  const id = valueAt(item, ['id']);
  return typeof id === 'number' ? String(id) : `#${index + 1}`;
}

// Zod's paths become the words a reviewer knows: "annotation 12: figure.qualifier “roughly” is not one of …".
function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const path: PropertyKey[] = [...issue.path];
  const where: string[] = [];
  const [top, at] = path;
  if ((top === 'annotations' || top === 'comparisons') && typeof at === 'number') {
    const list = path.shift() === 'annotations' ? 'annotation' : 'comparison';
    const index = path.shift() as number;
    const item = valueAt(root, [`${list}s`, index]);
    where.push(`${list} ${idOf(item, index)}`);
    const [next, position] = path;
    if (list === 'comparison' && next === 'figures' && typeof position === 'number') {
      where.push(`figure ${position + 1}`);
      path.splice(0, 2);
    }
  }
  const value = valueAt(root, issue.path);
  if (where[0]?.startsWith('annotation') && path.length === 1 && path[0] === 'label' && issue.code === 'invalid_value') {
    return [...where, `unknown label ${describeValue(value)}`].join(': ');
  }
  let what: string;
  if (issue.code === 'invalid_type') {
    what = value === undefined ? 'is missing' : `should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
  } else if (issue.code === 'invalid_value') {
    what = `${describeValue(value)} is not one of ${issue.values.map(String).join(', ')}`;
  } else {
    what = issue.message;
  }
  const field = path.map(String).join('.');
  return [...where, field ? `${field} ${what}` : what].join(': ');
}

// Why a text is not in stored form, for the problem message.
function unnormalisedBecause(text: string): string {
  if (text.startsWith('\uFEFF')) return 'it starts with a byte-order mark';
  if (text.includes('\r')) return 'it has carriage returns (\\r)';
  if (text !== text.normalize('NFC')) return 'it is not in Unicode NFC';
  return 'it has spaces at line ends or white space at its start or end';
}

function spanError(text: string, a: ExportAnnotation): string | null {
  if (a.start < 0 || a.end > text.length) {
    return `offsets ${a.start}–${a.end} are outside the text (${text.length} characters)`;
  }
  if (a.start >= a.end) return `start ${a.start} is not before end ${a.end}`;
  const actual = text.slice(a.start, a.end);
  if (a.quote !== actual) {
    return `quote “${preview(a.quote)}” does not match the text at ${a.start}–${a.end}, which says “${preview(actual)}”`;
  }
  try {
    // The server's own check: blank spans, split emoji, prefix and suffix.
    verifySpan(text, a);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  }
}

function toImported(a: ExportAnnotation): ImportedAnnotation {
  const imported: ImportedAnnotation = { label: a.label, start: a.start, end: a.end, quote: a.quote, note: a.note };
  if (a.label === 'figure' && a.figure) {
    const { category, qualifier, min, max } = a.figure;
    imported.figure = { category, qualifier, min, max };
  }
  if (a.label === 'claim' && a.claim) imported.claim = { status: a.claim.status };
  return imported;
}

interface Seen {
  line: number;
  labels: Map<number, Label>;
}

export function parseCrosscheckJsonl(content: string, file: string): CrosscheckImportResult {
  const reader = new CrosscheckJsonlReader(file);
  const articles: CrosscheckImportedArticle[] = [];
  fileLines(content).forEach((text, index) => {
    const article = reader.read(text, index + 1);
    if (article) articles.push(article);
  });
  return { articles, problems: reader.finish() };
}

/**
 * The same parser a line at a time, for files read as they stream in (lines.ts): `read`
 * gives the line's article, or null when the line is blank or has a problem; `finish`
 * gives every problem of the file, in line order. What it keeps between lines is small:
 * each article's id and its annotations' labels, for comparisons that span articles.
 */
export class CrosscheckJsonlReader {
  private readonly problems: ImportProblem[] = [];
  private readonly articlesById = new Map<number, Seen>();
  private readonly annotationLines = new Map<number, number>();
  // Comparison figures in other articles are checked once every line has been read.
  private readonly laterChecks: { line: number; where: string; articleId: number; annotationId: number }[] = [];

  constructor(private readonly file: string) {}

  /** Problems found so far (finish adds those only the whole file shows). */
  get problemCount(): number {
    return this.problems.length;
  }

  read(text: string, line: number): CrosscheckImportedArticle | null {
    const { file, problems, articlesById, annotationLines, laterChecks } = this;
    if (text.trim() === '') return null;
    const before = problems.length;
    const say = (message: string) => problems.push({ file, line, message });

    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (error) {
      say(`broken JSON (${error instanceof Error ? error.message : String(error)})`);
      return null;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      say('the line is not a JSON object');
      return null;
    }

    if (!('id' in entry) && !('annotations' in entry)) {
      const parsed = bulkArticle.safeParse(entry);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) say(describeIssue(issue, entry));
        return null;
      }
      const bulk = parsed.data;
      const publishedOn = optionalText(bulk.publishedOn);
      if (publishedOn !== undefined && !calendarDate(publishedOn)) say(`publishedOn “${publishedOn}” is not a date (YYYY-MM-DD)`);
      const publishedTime = publicationTime(bulk.publishedTime, publishedOn, say);
      // No annotations, so no offsets to map: the stored form alone (importText gives the same text).
      const imported = prepareArticleText(bulk.text);
      if (imported.text === '') say('the text is empty');
      if (problems.length > before) return null;
      return {
        title: optionalText(bulk.title),
        source: optionalText(bulk.source),
        url: optionalText(bulk.url),
        publishedOn: publishedOn ?? imported.dateFromText ?? undefined,
        publishedTime,
        text: imported.text,
        annotations: [],
        origin: { file, line },
      };
    }

    const parsed = exportArticle.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) say(describeIssue(issue, entry));
      return null;
    }
    const article = parsed.data;

    if (article.text.trim() === '') say('the text is empty');
    else if (normaliseText(article.text) !== article.text) {
      say(`the text is not as Crosscheck stores it (${unnormalisedBecause(article.text)}), so its offsets cannot be trusted`);
    }
    if (article.publishedOn !== null && !calendarDate(article.publishedOn)) {
      say(`publishedOn “${article.publishedOn}” is not a date (YYYY-MM-DD)`);
    }
    const publishedTime = publicationTime(article.publishedTime, article.publishedOn ?? undefined, say);
    const earlier = articlesById.get(article.id);
    if (earlier) say(`article id ${article.id} is already used on line ${earlier.line}`);

    const labels = new Map<number, Label>();
    for (const a of article.annotations) {
      // Ids must be unique across the file: comparisons name figures by annotation id.
      const seenOn = annotationLines.get(a.id);
      if (seenOn !== undefined) {
        say(`annotation ${a.id}: the id is already used${seenOn === line ? '' : ` on line ${seenOn}`}`);
        continue;
      }
      annotationLines.set(a.id, line);
      labels.set(a.id, a.label);
      const error = spanError(article.text, a);
      if (error) say(`annotation ${a.id}: ${error}`);
    }
    if (!earlier) articlesById.set(article.id, { line, labels });

    for (const c of article.comparisons) {
      let holdsOurs = false;
      c.figures.forEach((f, i) => {
        const where = `comparison ${c.id}: figure ${i + 1}`;
        if (f.articleId !== article.id) {
          laterChecks.push({ line, where, articleId: f.articleId, annotationId: f.annotationId });
          return;
        }
        holdsOurs = true;
        const label = labels.get(f.annotationId);
        if (label === undefined) say(`${where} refers to annotation ${f.annotationId}, which is not in this article`);
        else if (label !== 'figure') say(`${where} refers to annotation ${f.annotationId}, which is ${aLabel(label)}, not a figure`);
      });
      if (!holdsOurs) say(`comparison ${c.id} holds none of this article's figures`);
    }

    if (problems.length > before) return null;
    return {
      title: optionalText(article.title),
      source: optionalText(article.source),
      url: optionalText(article.url),
      publishedOn: article.publishedOn ?? undefined,
      publishedTime,
      text: article.text,
      annotations: article.annotations.map(toImported),
      origin: { file, line },
      exported: article,
    };
  }

  finish(): ImportProblem[] {
    const { file, problems, articlesById, laterChecks } = this;
    // A figure in an article that is not in this file cannot be checked here; the
    // importer decides what to do with such a comparison.
    for (const check of laterChecks) {
      const other = articlesById.get(check.articleId);
      if (!other) continue;
      const label = other.labels.get(check.annotationId);
      if (label === undefined) {
        problems.push({ file, line: check.line, message: `${check.where} refers to annotation ${check.annotationId}, which is not in article ${check.articleId} (line ${other.line})` });
      } else if (label !== 'figure') {
        problems.push({ file, line: check.line, message: `${check.where} refers to annotation ${check.annotationId}, which is ${aLabel(label)}, not a figure` });
      }
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return problems;
  }
}

/** A line's publishedTime in stored form; refused when it is not a time or has no date to belong to. */
function publicationTime(value: string | null | undefined, date: string | undefined, say: (message: string) => void): string | undefined {
  const given = optionalText(value);
  if (given === undefined) return undefined;
  const time = clockTime(given);
  if (time === undefined) say(`publishedTime “${given}” is not a time of day (HH:MM, optionally with an offset such as +03:00)`);
  else if (date === undefined) say(`publishedTime “${given}” needs a publishedOn date`);
  return time;
}
