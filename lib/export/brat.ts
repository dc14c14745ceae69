import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { figureSourceName } from './figure-source';
import { CodePointIndex } from '../anchoring/codepoints';
import { figureNumbers, valueText } from '../comparisons/value';
import { DEFAULT_CATEGORIES } from '../figures/types';
import { LABEL_INFO } from '../labels';
import { CLAIM_STATUSES, FIGURE_QUALIFIERS } from '../vocabulary';
import type { ExportAnnotation, ExportArticle, ExportContext, ExportFormat } from './types';

/*
 * brat standoff (https://brat.nlplab.org/standoff.html), zipped as one brat collection:
 * article-<id>.txt holds the stored text byte for byte and article-<id>.ann its
 * annotations; annotation.conf and visual.conf sit beside them so the unzipped folder
 * opens in brat as it is. brat reads the .txt as UTF-8 and counts offsets in Unicode
 * code points, so every offset here is converted from the stored UTF-16 units.
 */

/** A piece of a span in UTF-16 units, as stored. */
export interface TextFragment {
  start: number;
  end: number;
}

/**
 * The pieces of a span between line breaks. brat draws one line of text at a time and
 * rejects a text-bound annotation whose text holds a newline, so a span across lines
 * becomes a discontinuous one whose fragments leave the "\n" characters out.
 */
export function lineFragments(text: string, start: number, end: number): TextFragment[] {
  const fragments: TextFragment[] = [];
  let from = start;
  while (from < end) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 || newline >= end ? end : newline;
    if (to > from) fragments.push({ start: from, end: to });
    from = to + 1;
  }
  return fragments;
}

/**
 * A value brat can read back: .ann attribute lines are split on whitespace, and in
 * annotation.conf "|", "," and ":" separate values, arguments and keys.
 */
export function bratValue(value: string): string {
  const safe = value.trim().replace(/[\s|,:]+/g, '_');
  return safe === '' ? 'other' : safe;
}

// .ann files are line based: a note over several lines would break the file.
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const ENTITY: Record<ExportAnnotation['label'], string> = {
  claim: LABEL_INFO.claim.name,
  actor: LABEL_INFO.actor.name,
  figure: LABEL_INFO.figure.name,
};

function noteParts(annotation: ExportAnnotation): string[] {
  const parts: string[] = [];
  const { actor, figure, claim } = annotation;
  // The name says something only when the span reads otherwise ("the group").
  if (annotation.label === 'actor' && actor && oneLine(annotation.quote) !== actor.name) parts.push(`actor: ${actor.name}`);
  if (annotation.label === 'figure' && figure) {
    parts.push(`value: ${figureNumbers(figure) === null ? 'unquantified' : valueText(figure)}`);
    if (figure.counted) parts.push(`counted: ${figure.counted}`);
    if (figure.place) parts.push(`place: ${figure.place}`);
    if (figure.time) parts.push(`time: ${figure.time}`);
    // Kept even when a Source relation is drawn: the note is what brat shows on hover.
    const source = figureSourceName(figure);
    if (source) parts.push(`source: ${source}`);
  }
  if (annotation.label === 'claim' && claim?.claimant) parts.push(`claimant: ${claim.claimant.name}`);
  if (annotation.note.trim() !== '') parts.push(`note: ${annotation.note}`);
  return parts.map(oneLine);
}

// Distance in characters between two spans; 0 when they touch or overlap.
function gap(a: ExportAnnotation, b: ExportAnnotation): number {
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
}

/** The category values an article's figures use, brat-safe. */
export function bratCategories(article: ExportArticle): string[] {
  return article.annotations.flatMap((a) => (a.label === 'figure' && a.figure ? [bratValue(a.figure.category)] : []));
}

/** The .ann file of one article. */
export function bratAnnotations(article: ExportArticle, index = new CodePointIndex(article.text)): string {
  const { text } = article;
  const tLines: string[] = [];
  const aLines: string[] = [];
  const rLines: string[] = [];
  const equivLines: string[] = [];
  const noteLines: string[] = [];
  const tid = new Map<number, string>();
  // Actor spans by actor name, in text order, for linking figures and claims to them.
  const actorSpans = new Map<string, ExportAnnotation[]>();

  for (const annotation of article.annotations) {
    const fragments = lineFragments(text, annotation.start, annotation.end);
    // A span of nothing but line breaks has no text brat could show.
    if (fragments.length === 0) continue;
    const id = `T${tid.size + 1}`;
    tid.set(annotation.id, id);
    const offsets = fragments.map((f) => `${index.toCodePoint(f.start)} ${index.toCodePoint(f.end)}`).join(';');
    // brat's own convention for discontinuous spans: fragment texts joined by a space.
    const quoted = fragments.map((f) => text.slice(f.start, f.end)).join(' ');
    tLines.push(`${id}\t${ENTITY[annotation.label]} ${offsets}\t${quoted}`);
    if (annotation.label === 'actor' && annotation.actor) {
      const list = actorSpans.get(annotation.actor.name) ?? [];
      list.push(annotation);
      actorSpans.set(annotation.actor.name, list);
    }
  }

  const attribute = (name: string, target: string, value: string) =>
    aLines.push(`A${aLines.length + 1}\t${name} ${target} ${bratValue(value)}`);
  // The nearest actor span naming that actor: the mention the reader sees beside it.
  const nearestActor = (annotation: ExportAnnotation, name: string): string | undefined => {
    let best: ExportAnnotation | undefined;
    for (const candidate of actorSpans.get(name) ?? []) {
      if (best === undefined || gap(candidate, annotation) < gap(best, annotation)) best = candidate;
    }
    return best === undefined ? undefined : tid.get(best.id);
  };
  const relation = (type: string, from: string, to: string | undefined) => {
    if (to !== undefined) rLines.push(`R${rLines.length + 1}\t${type} Arg1:${from} Arg2:${to}`);
  };

  for (const annotation of article.annotations) {
    const id = tid.get(annotation.id);
    if (id === undefined) continue;
    const { figure, claim } = annotation;
    if (annotation.label === 'figure' && figure) {
      attribute('Category', id, figure.category);
      attribute('Qualifier', id, figure.qualifier);
      if (figure.source) relation('Source', id, nearestActor(annotation, figure.source.name));
    }
    if (annotation.label === 'claim' && claim) {
      attribute('Status', id, claim.status);
      if (claim.claimant) relation('Claimant', id, nearestActor(annotation, claim.claimant.name));
    }
    const parts = noteParts(annotation);
    if (parts.length > 0) noteLines.push(`#${noteLines.length + 1}\tAnnotatorNotes ${id}\t${parts.join('; ')}`);
  }

  // A comparison is a group with no direction, which is what a brat equivalence is:
  // one "*" line lists every member, where binary relations would need n-1 arbitrary
  // pairs. Only the figures of this article can be named here, so a comparison with
  // fewer than two of them has nothing to say in this file.
  for (const comparison of article.comparisons) {
    const members = comparison.figures
      .filter((f) => f.articleId === article.id)
      .map((f) => tid.get(f.annotationId))
      .filter((id): id is string => id !== undefined);
    const unique = [...new Set(members)];
    if (unique.length >= 2) equivLines.push(`*\tCompared ${unique.join(' ')}`);
  }

  const lines = [...tLines, ...aLines, ...rLines, ...equivLines, ...noteLines];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** annotation.conf for the given figure category values (already brat-safe). */
export function bratAnnotationConf(categories: Iterable<string>): string {
  return [
    '# Crosscheck export: span labels, the links between them and their attributes.',
    '[entities]',
    ENTITY.claim,
    ENTITY.actor,
    ENTITY.figure,
    '',
    '[relations]',
    `Source\tArg1:${ENTITY.figure}, Arg2:${ENTITY.actor}`,
    `Claimant\tArg1:${ENTITY.claim}, Arg2:${ENTITY.actor}`,
    `Compared\tArg1:${ENTITY.figure}, Arg2:${ENTITY.figure}, <REL-TYPE>:symmetric-transitive`,
    // Reviewers tag a figure inside a claim and an actor inside both; brat refuses
    // overlapping spans unless told otherwise.
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    `Category\tArg:${ENTITY.figure}, Value:${[...new Set(categories)].join('|')}`,
    `Qualifier\tArg:${ENTITY.figure}, Value:${FIGURE_QUALIFIERS.join('|')}`,
    `Status\tArg:${ENTITY.claim}, Value:${CLAIM_STATUSES.join('|')}`,
    '',
  ].join('\n');
}

// The app's label colours (app/globals.css) made opaque: brat has no transparency.
export const BRAT_VISUAL_CONF = [
  '[labels]',
  `${ENTITY.claim} | ${ENTITY.claim} | Cl`,
  `${ENTITY.actor} | ${ENTITY.actor} | Ac`,
  `${ENTITY.figure} | ${ENTITY.figure} | Fig`,
  'Source | Source',
  'Claimant | Claimant',
  'Compared | Compared',
  'Category | Category',
  'Qualifier | Qualifier',
  'Status | Status',
  '',
  '[drawing]',
  'SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken',
  'ARC_DEFAULT\tcolor:black, arrowHead:triangle-5',
  'ATTRIBUTE_DEFAULT\tglyph:*',
  `${ENTITY.claim}\tbgColor:#fbe29e`,
  `${ENTITY.actor}\tbgColor:#b1cdf5`,
  `${ENTITY.figure}\tbgColor:#edadc9`,
  'Source\tcolor:#9b1f5d',
  'Claimant\tcolor:#8a5a00',
  'Compared\tcolor:#9b1f5d, dashArray:3-3',
  '',
].join('\n');

// Entry dates are the export time, so the same export always zips to the same bytes.
// Zip dates cannot go before 1980; anything fflate would refuse falls back to its default.
function entryTime(context: ExportContext): number | undefined {
  const time = Date.parse(context.exportedAt);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1980 && year <= 2099 ? time : undefined;
}

export const bratFormat: ExportFormat = {
  name: 'brat',
  description: 'brat standoff: a zipped brat collection (.txt, .ann and configuration)',
  extension: 'zip',
  contentType: 'application/zip',
  async *write(articles, context) {
    const pending: Uint8Array[] = [];
    const state: { error: Error | null } = { error: null };
    const zip = new Zip((error, chunk) => {
      if (error) state.error = error;
      else pending.push(chunk);
    });
    const mtime = entryTime(context);

    // Each entry is deflated synchronously as it is added, so after one file the zip's
    // output so far is ready: hand it on instead of holding the archive in memory.
    function* entry(filename: string, content: string): Generator<Uint8Array> {
      const file = new ZipDeflate(filename, { level: 6 });
      if (mtime !== undefined) file.mtime = mtime;
      zip.add(file);
      file.push(strToU8(content), true);
      if (state.error) throw state.error;
      yield* pending.splice(0);
    }

    const categories = new Set<string>(DEFAULT_CATEGORIES);
    for await (const article of articles) {
      for (const category of bratCategories(article)) categories.add(category);
      yield* entry(`article-${article.id}.txt`, article.text);
      yield* entry(`article-${article.id}.ann`, bratAnnotations(article));
    }
    // Written last because the category list is only complete once every article is seen.
    yield* entry('annotation.conf', bratAnnotationConf(categories));
    yield* entry('visual.conf', BRAT_VISUAL_CONF);
    zip.end();
    if (state.error) throw state.error;
    yield* pending.splice(0);
  },
};
