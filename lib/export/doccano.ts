import { LABEL_INFO } from '../labels';
import type { ExportArticle, ExportFormat } from './types';

/*
 * doccano's sequence-labelling JSONL: one document per line, spans under
 * `label` as [start, end, name] triples. doccano keeps any other key as the
 * document's metadata, which is where the article's id, title, source and url
 * go; our doccano import (lib/import/doccano.ts) reads title, source and url back.
 *
 * Offsets go out unchanged: doccano measures spans in its JavaScript front end,
 * so it counts UTF-16 code units just as we store them (doccano issue #2290).
 */

export type DoccanoSpan = [start: number, end: number, label: string];

export interface DoccanoLine {
  id: number;
  text: string;
  label: DoccanoSpan[];
  title: string;
  source: string;
  url: string | null;
}

export function doccanoLine(article: ExportArticle): DoccanoLine {
  return {
    id: article.id,
    text: article.text,
    // Already in text order (see ExportArticle.annotations), which doccano shows as is.
    label: article.annotations.map((a): DoccanoSpan => [a.start, a.end, LABEL_INFO[a.label].name]),
    title: article.title,
    source: article.source,
    url: article.url,
  };
}

export const doccanoFormat: ExportFormat = {
  name: 'doccano',
  description: 'doccano sequence-labelling JSONL: one article a line, spans as [start, end, label]',
  extension: 'jsonl',
  contentType: 'application/x-ndjson',
  async *write(articles) {
    for await (const article of articles) yield `${JSON.stringify(doccanoLine(article))}\n`;
  },
};
