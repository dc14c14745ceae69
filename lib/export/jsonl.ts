import type { ExportFormat } from './types';

/**
 * Crosscheck's own format: one article per line with its text, metadata, every annotation
 * with its figure, claim and actor details, the comparisons it takes part in, and authors.
 * It is the lossless one: importing it into an empty database and exporting again gives
 * the same bytes (ids, versions and timestamps are kept).
 */
export const jsonlFormat: ExportFormat = {
  name: 'jsonl',
  description: 'Crosscheck JSON Lines: everything, re-importable without loss',
  extension: 'jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  async *write(articles) {
    for await (const article of articles) yield `${JSON.stringify(article)}\n`;
  },
};
