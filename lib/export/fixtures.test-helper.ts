import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeSpan } from '../anchoring/anchor';
import type { Label } from '../labels';
import { prepareArticleText } from '../text/normalise';
import { countWords } from '../text/words';
import type {
  ExportActor,
  ExportAnnotation,
  ExportArticle,
  ExportAuthor,
  ExportClaim,
  ExportComparison,
  ExportContext,
  ExportFigure,
} from './types';

/*
 * Shared test fixtures for the export formats: plain ExportArticle objects, the shape the
 * database export produces. Offsets are found with indexOf in the stored (normalised)
 * text, so they stay right if the sample is re-read and never need counting by hand.
 * Treat every export as read-only: several test files share these objects.
 */

export const FIXTURE_CONTEXT: ExportContext = {
  baseUrl: 'http://localhost:3000',
  exportedAt: '2024-01-15T09:30:00.000Z',
  organisation: { name: 'Crosscheck', url: 'http://localhost:3000' },
};

export const FIXTURE_REVIEWER: ExportAuthor = { username: 'amira', name: 'Amira Haddad' };
export const FIXTURE_EDITOR: ExportAuthor = { username: 'tom.w', name: 'Tom Weller' };

export const KATAIB_HEZBOLLAH: ExportActor = {
  name: 'Kataib Hezbollah',
  kind: 'armed_group',
  aliases: ['Kata’ib Hizballah', 'KH'],
};

// Stored text goes through prepareArticleText exactly as an import does, which drops
// the leading "date 2023-11-22" token of the raw sample.
const SAMPLE_PATH = path.resolve(__dirname, '../../samples/us-strikes-iraq-2023-11-22.txt');
export const SAMPLE_ARTICLE_TEXT: string = prepareArticleText(readFileSync(SAMPLE_PATH, 'utf8')).text;

/** UTF-16 offsets of `quote` in `text`, searching from `after` (itself found first when given). */
export function findSpan(text: string, quote: string, after?: string): { start: number; end: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from === -1) throw new Error(`fixture: "${after}" is not in the text`);
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`fixture: "${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

interface SpanSpec {
  id: number;
  label: Label;
  quote: string;
  /** A longer phrase holding the quote, to pick one occurrence of a repeated quote. */
  after?: string;
  note?: string;
  author?: ExportAuthor;
  actor?: ExportActor;
  figure?: ExportFigure;
  claim?: ExportClaim;
}

function buildAnnotation(text: string, spec: SpanSpec, index: number): ExportAnnotation {
  const { start, end } = findSpan(text, spec.quote, spec.after);
  // Minutes apart so created/modified differ and ordering bugs would show.
  const created = new Date(Date.UTC(2023, 10, 23, 8, index * 5)).toISOString();
  const updated = new Date(Date.UTC(2023, 10, 23, 8, index * 5 + 2)).toISOString();
  return {
    id: spec.id,
    label: spec.label,
    ...describeSpan(text, start, end),
    note: spec.note ?? '',
    author: spec.author ?? FIXTURE_REVIEWER,
    version: 1,
    createdAt: created,
    updatedAt: updated,
    actor: spec.actor ?? null,
    figure: spec.figure ?? null,
    claim: spec.claim ?? null,
  };
}

// The order the database export promises: start ascending, then longer spans first.
function inTextOrder(annotations: ExportAnnotation[]): ExportAnnotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
}

function buildArticle(
  fields: { id: number; title: string; text: string; url?: string | null },
  spans: SpanSpec[],
  comparisons: ExportComparison[],
): ExportArticle {
  return {
    id: fields.id,
    title: fields.title,
    source: 'The National',
    url: fields.url ?? null,
    publishedOn: '2023-11-22',
    text: fields.text,
    wordCount: countWords(fields.text),
    author: FIXTURE_EDITOR,
    createdAt: '2023-11-22T18:00:00.000Z',
    updatedAt: '2023-11-22T18:00:00.000Z',
    annotations: inTextOrder(spans.map((spec, i) => buildAnnotation(fields.text, spec, i))),
    comparisons,
  };
}

function figure(fields: Partial<ExportFigure> & Pick<ExportFigure, 'min' | 'max' | 'category'>): ExportFigure {
  // Keys in ExportFigure's order, so JSON written from a fixture reads like a real export.
  return {
    min: fields.min,
    max: fields.max,
    qualifier: fields.qualifier ?? 'exact',
    vague: fields.vague ?? false,
    category: fields.category,
    counted: fields.counted ?? null,
    place: fields.place ?? null,
    time: fields.time ?? null,
    source: fields.source ?? null,
    sourceText: fields.sourceText ?? null,
    sourceInferred: fields.sourceInferred ?? false,
  };
}

// ---------------------------------------------------------------------------
// (a) The sample article.

export const SAMPLE_ARTICLE_ID = 1;
/** Annotation ids of the sample article, by role. */
export const SAMPLE_IDS = {
  claim: 101,
  actor: 102,
  figureKilled: 103,
  figureWounded: 104,
  /** A second, later "Kataib Hezbollah" span: further away, so never the one linked. */
  actorLater: 105,
} as const;

export const SAMPLE_FIGURE_KILLED: ExportFigure = figure({
  min: 5,
  max: 5,
  category: 'killed',
  counted: 'fighters',
  place: 'Jurf Al Sakhar',
  source: KATAIB_HEZBOLLAH,
  sourceText: 'Kataib Hezbollah',
});

export const SAMPLE_FIGURE_WOUNDED: ExportFigure = figure({
  min: 5,
  max: 5,
  category: 'wounded',
  counted: 'fighters',
  sourceText: 'Other militia groups',
});

export const SAMPLE_CLAIM_NOTE = 'Only the group itself reports the deaths; US Central Command gave no toll.';

const STATEMENT = 'In a statement posted on social media, Kataib Hezbollah said';

// ---------------------------------------------------------------------------
// (b) Astral characters and a line break inside spans.

export const EMOJI_ARTICLE_ID = 2;
export const EMOJI_ARTICLE_TEXT = '👍🏽 Casualties: five\nfighters were killed.';
export const EMOJI_IDS = { claim: 201, figure: 202 } as const;

export const EMOJI_FIGURE: ExportFigure = figure({
  min: 5,
  max: 5,
  qualifier: 'at_least',
  category: 'killed',
  counted: 'fighters',
});

// ---------------------------------------------------------------------------
// (c) Text imported with Windows line ends: stored (and exported) normalised to "\n".

export const CRLF_ARTICLE_ID = 3;
export const CRLF_RAW_TEXT = 'Officials said 12 people died.\r\nAnother 3 were hurt in Anbar.\r\n';
export const CRLF_ARTICLE_TEXT: string = prepareArticleText(CRLF_RAW_TEXT).text;
export const CRLF_IDS = { died: 301, hurt: 302 } as const;

// ---------------------------------------------------------------------------
// Comparisons: one within the sample article, one across articles (a) and (b).

export const SAMPLE_COMPARISON: ExportComparison = {
  id: 7,
  title: 'Jurf Al Sakhar casualties',
  status: 'open',
  resolutionNote: '',
  event: 'US strikes in Iraq, 22 November 2023',
  author: FIXTURE_REVIEWER,
  version: 2,
  createdAt: '2023-11-23T10:00:00.000Z',
  updatedAt: '2023-11-23T10:05:00.000Z',
  figures: [
    { articleId: SAMPLE_ARTICLE_ID, annotationId: SAMPLE_IDS.figureKilled, quote: 'five of its fighters were killed', figure: SAMPLE_FIGURE_KILLED },
    { articleId: SAMPLE_ARTICLE_ID, annotationId: SAMPLE_IDS.figureWounded, quote: 'five fighters were wounded', figure: SAMPLE_FIGURE_WOUNDED },
  ],
};

/** Holds one figure of each article: neither article alone has two of its figures. */
export const CROSS_ARTICLE_COMPARISON: ExportComparison = {
  id: 8,
  title: 'Fighters killed',
  status: 'explained',
  resolutionNote: 'Different reports of the same strike.',
  event: null,
  author: FIXTURE_EDITOR,
  version: 1,
  createdAt: '2023-11-24T10:00:00.000Z',
  updatedAt: '2023-11-24T10:00:00.000Z',
  figures: [
    { articleId: SAMPLE_ARTICLE_ID, annotationId: SAMPLE_IDS.figureKilled, quote: 'five of its fighters were killed', figure: SAMPLE_FIGURE_KILLED },
    { articleId: EMOJI_ARTICLE_ID, annotationId: EMOJI_IDS.figure, quote: 'five\nfighters were killed', figure: EMOJI_FIGURE },
  ],
};

// ---------------------------------------------------------------------------

export const sampleArticle: ExportArticle = buildArticle(
  {
    id: SAMPLE_ARTICLE_ID,
    title: 'US strikes kill five militiamen in Iraq',
    text: SAMPLE_ARTICLE_TEXT,
    url: 'https://www.thenationalnews.com/mena/iraq/2023/11/22/us-strikes-iraq/',
  },
  [
    {
      id: SAMPLE_IDS.claim,
      label: 'claim',
      quote: 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar',
      note: SAMPLE_CLAIM_NOTE,
      claim: { status: 'disputed', claimant: KATAIB_HEZBOLLAH, ratedAt: '2024-01-11T14:00:00.000Z' },
    },
    { id: SAMPLE_IDS.actor, label: 'actor', quote: 'Kataib Hezbollah', after: STATEMENT, actor: KATAIB_HEZBOLLAH },
    { id: SAMPLE_IDS.figureKilled, label: 'figure', quote: 'five of its fighters were killed', figure: SAMPLE_FIGURE_KILLED },
    { id: SAMPLE_IDS.figureWounded, label: 'figure', quote: 'five fighters were wounded', figure: SAMPLE_FIGURE_WOUNDED, author: FIXTURE_EDITOR },
    {
      id: SAMPLE_IDS.actorLater,
      label: 'actor',
      quote: 'Kataib Hezbollah',
      after: 'Kataib Hezbollah is a brigade',
      actor: KATAIB_HEZBOLLAH,
    },
  ],
  [SAMPLE_COMPARISON, CROSS_ARTICLE_COMPARISON],
);

export const emojiArticle: ExportArticle = buildArticle(
  { id: EMOJI_ARTICLE_ID, title: 'Casualties 👍🏽', text: EMOJI_ARTICLE_TEXT },
  [
    {
      id: EMOJI_IDS.claim,
      label: 'claim',
      quote: 'Casualties: five\nfighters were killed.',
      note: 'A note over\ntwo lines,\twith a tab',
      claim: { status: 'unverified', claimant: null, ratedAt: null },
    },
    { id: EMOJI_IDS.figure, label: 'figure', quote: 'five\nfighters were killed', figure: EMOJI_FIGURE },
  ],
  [CROSS_ARTICLE_COMPARISON],
);

export const crlfArticle: ExportArticle = buildArticle(
  { id: CRLF_ARTICLE_ID, title: 'Windows line ends', text: CRLF_ARTICLE_TEXT },
  [
    { id: CRLF_IDS.died, label: 'figure', quote: '12 people died', figure: figure({ min: 12, max: 12, category: 'killed', counted: 'people' }) },
    {
      id: CRLF_IDS.hurt,
      label: 'figure',
      quote: '3 were hurt',
      // A category of the reviewer's own, with a space: brat needs it written without.
      figure: figure({ min: 3, max: 3, category: 'lightly injured', place: 'Anbar' }),
    },
  ],
  [],
);

/** Every fixture article, in id order, as an export would stream them. */
export const FIXTURE_ARTICLES: readonly ExportArticle[] = [sampleArticle, emojiArticle, crlfArticle];
