import { describeSpan } from '../anchoring/anchor';
import { figureSourceName } from './figure-source';
import { CodePointIndex } from '../anchoring/codepoints';
import { figureNumbers, valueText } from '../comparisons/value';
import type { ExportAnnotation, ExportArticle, ExportContext, ExportFigure, ExportFormat } from './types';

/*
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), one
 * Annotation per line. Each line is a complete JSON-LD document; the file as a whole is
 * not (JSON-LD has no "sequence of documents"), which is why the download is labelled
 * application/x-ndjson rather than application/ld+json: a client that parsed the whole
 * body as JSON-LD would fail on the second line.
 */

export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'describing' | 'assessing' | 'identifying';
  value: string;
  format?: 'text/plain' | 'application/json';
}

export interface W3cAgent {
  id: string;
  type: 'Person' | 'Software';
  name: string;
  nickname?: string;
  homepage?: string;
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  /** Unicode code points, as the model requires (not UTF-16 units). */
  start: number;
  end: number;
}

export interface W3cAnnotation {
  '@context': typeof W3C_ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  created: string;
  modified: string;
  creator: W3cAgent;
  generator: W3cAgent;
  generated: string;
  body: W3cTextualBody[];
  target: {
    source: string;
    selector: [W3cTextQuoteSelector, W3cTextPositionSelector];
  };
}

// IRIs are joined with "/", so a configured base ending in "/" would give "//".
function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function text(purpose: W3cTextualBody['purpose'], value: string): W3cTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

// The details as data, so a consumer gets every field without parsing prose.
function json(value: unknown): W3cTextualBody {
  return { type: 'TextualBody', purpose: 'describing', value: JSON.stringify(value), format: 'application/json' };
}

/** One line a reader can take in at a glance: "at least 5 killed (fighters), source: Kataib Hezbollah". */
export function describeFigure(figure: ExportFigure): string {
  const value = figureNumbers(figure) === null ? 'unquantified' : valueText(figure);
  const head = `${value} ${figure.category}${figure.counted ? ` (${figure.counted})` : ''}`;
  const source = figureSourceName(figure);
  const extras = [
    figure.place ? `place: ${figure.place}` : null,
    figure.time ? `time: ${figure.time}` : null,
    source ? `source: ${source}` : null,
  ].filter((part): part is string => part !== null);
  return [head, ...extras].join(', ');
}

function bodies(annotation: ExportAnnotation): W3cTextualBody[] {
  // The label is a tag with no format: it is a bare keyword, not prose.
  const result: W3cTextualBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: annotation.label }];
  const { actor, figure, claim } = annotation;
  if (annotation.label === 'actor' && actor) {
    result.push(text('identifying', actor.name), json(actor));
  }
  if (annotation.label === 'figure' && figure) {
    result.push(json(figure), text('describing', describeFigure(figure)));
  }
  if (annotation.label === 'claim' && claim) {
    result.push(text('assessing', claim.status), json(claim));
    if (claim.claimant) result.push(text('describing', `claimant: ${claim.claimant.name}`));
  }
  if (annotation.note.trim() !== '') result.push(text('commenting', annotation.note));
  return result;
}

function creator(base: string, annotation: ExportAnnotation): W3cAgent {
  const { username, name } = annotation.author;
  return {
    // Usernames are free text; encoding keeps the IRI valid whatever they hold.
    id: `${base}/reviewers/${encodeURIComponent(username)}`,
    type: 'Person',
    name,
    nickname: username,
  };
}

function generator(base: string): W3cAgent {
  return { id: `${base}/`, type: 'Software', name: 'Crosscheck', homepage: `${base}/` };
}

/**
 * The W3C annotations of one article, in its annotation order. `index` converts offsets
 * to code points; pass one built once for the article (building it scans the text).
 */
export function* w3cAnnotationsOf(
  article: ExportArticle,
  context: ExportContext,
  index: CodePointIndex = new CodePointIndex(article.text),
): Generator<W3cAnnotation> {
  const base = trimBase(context.baseUrl);
  const agent = generator(base);
  for (const annotation of article.annotations) {
    // Quote and context are re-read from the exported text rather than taken from the
    // stored copy, so the two selectors can never disagree with each other.
    const span = describeSpan(article.text, annotation.start, annotation.end);
    yield {
      '@context': W3C_ANNO_CONTEXT,
      id: `${base}/api/annotations/${annotation.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      creator: creator(base, annotation),
      generator: agent,
      generated: context.exportedAt,
      body: bodies(annotation),
      target: {
        source: `${base}/articles/${article.id}`,
        selector: [
          { type: 'TextQuoteSelector', exact: span.quote, prefix: span.prefix, suffix: span.suffix },
          {
            type: 'TextPositionSelector',
            start: index.toCodePoint(annotation.start),
            end: index.toCodePoint(annotation.end),
          },
        ],
      },
    };
  }
}

export const w3cFormat: ExportFormat = {
  name: 'w3c',
  description: 'W3C Web Annotation JSON-LD, one annotation per line (JSON Lines)',
  extension: 'jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  async *write(articles, context) {
    for await (const article of articles) {
      for (const annotation of w3cAnnotationsOf(article, context)) {
        yield `${JSON.stringify(annotation)}\n`;
      }
    }
  },
};
