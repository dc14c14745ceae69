import { describe, expect, it } from 'vitest';
import { doccanoFormat } from './doccano';
import { exportArticle, spanOf, TEST_CONTEXT } from './builders.test-helper';
import type { ExportArticle } from './types';
import { collectText, streamOf } from './streams.test-helper';

const context = TEST_CONTEXT;

// 👍🏽 is two astral characters: four UTF-16 code units before "Police" and its space.
const TEXT = '👍🏽 Police said at least 5 died.';

const annotation = (fields: Parameters<typeof spanOf>[1]) => spanOf(TEXT, fields);

function article(fields: Partial<ExportArticle> = {}): ExportArticle {
  return exportArticle({
    id: 7,
    text: TEXT,
    wordCount: 6,
    createdAt: '2024-05-01T09:00:00.000Z',
    updatedAt: '2024-05-01T09:00:00.000Z',
    annotations: [
      annotation({ id: 1, label: 'claim', start: 5, end: 32 }),
      annotation({ id: 2, label: 'actor', start: 5, end: 11 }),
      annotation({ id: 3, label: 'figure', start: 17, end: 27 }),
    ],
    ...fields,
  });
}



async function output(articles: Iterable<ExportArticle>): Promise<string> {
  return collectText(doccanoFormat.write(streamOf(articles), context));
}

describe('doccanoFormat', () => {
  it('describes a JSONL download', () => {
    expect(doccanoFormat.name).toBe('doccano');
    expect(doccanoFormat.extension).toBe('jsonl');
    expect(doccanoFormat.contentType).toBe('application/x-ndjson');
  });

  it('writes one line per article with [start, end, label] triples in text order', async () => {
    expect(await output([article()])).toBe(
      '{"id":7,"text":"👍🏽 Police said at least 5 died.","label":[[5,32,"Claim"],[5,11,"Actor"],[17,27,"Figure"]],"title":"Strike","source":"Wire","url":null}\n',
    );
  });

  it('keeps UTF-16 offsets, so JavaScript slices the spans back out after an emoji', async () => {
    const line = JSON.parse(await output([article()])) as { text: string; label: [number, number, string][] };
    expect(line.label.map(([start, end]) => line.text.slice(start, end))).toEqual([
      'Police said at least 5 died',
      'Police',
      'at least 5',
    ]);
  });

  it('writes an article without spans with an empty label list', async () => {
    expect(await output([article({ id: 8, text: 'Quiet day.', annotations: [] })])).toBe(
      '{"id":8,"text":"Quiet day.","label":[],"title":"Strike","source":"Wire","url":null}\n',
    );
  });

  it('writes the article url as metadata for the import to read back', async () => {
    expect(await output([article({ id: 9, text: 'Hi.', annotations: [], url: 'https://news.example/a' })])).toBe(
      '{"id":9,"text":"Hi.","label":[],"title":"Strike","source":"Wire","url":"https://news.example/a"}\n',
    );
  });

  it('writes each article before reading the next', async () => {
    const pulled: number[] = [];
    async function* articles(): AsyncGenerator<ExportArticle> {
      for (const id of [1, 2]) {
        pulled.push(id);
        yield article({ id, annotations: [] });
      }
    }
    const chunks = doccanoFormat.write(articles(), context)[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.value).toContain('"id":1');
    expect(pulled).toEqual([1]);
    expect((await chunks.next()).value).toContain('"id":2');
    expect((await chunks.next()).done).toBe(true);
  });

  it('writes nothing for no articles', async () => {
    expect(await output([])).toBe('');
  });
});
