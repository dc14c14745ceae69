import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-file';
import { jsonlSource, type ArticleSource } from './source';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
}

async function readPass(source: ArticleSource) {
  const pass = source.pass();
  const articles = [];
  for await (const article of pass.articles) articles.push(article);
  return { articles, problems: pass.problems(), fraction: pass.fraction() };
}

function sourceOf(content: string, name = 'bulk.jsonl') {
  const bytes = new TextEncoder().encode(content);
  return { bytes, source: jsonlSource(name, bytes.length, () => chunksOf(bytes, 7)) };
}

describe('jsonlSource', () => {
  it('reads what parseImportFile reads from the whole file, pass after pass', async () => {
    const content = [
      '{"text":"date 2023-11-22\\r\\nFive sites were hit, officials said.","url":"https://example.com/a"}',
      '',
      '{"text":"Second report.","title":"Two","publishedOn":"2024-02-29"}',
    ].join('\r\n');
    const { bytes, source } = sourceOf(content);
    const whole = parseImportFile('bulk.jsonl', bytes);
    for (let round = 0; round < 2; round += 1) {
      const pass = await readPass(source);
      expect(pass.articles).toEqual(whole.articles);
      expect(pass.problems).toEqual([]);
      expect(pass.fraction).toBe(1);
    }
  });

  it('reports the same problems, with their lines', async () => {
    const content = '{"text":"Fine."}\n{broken\n{"text":"   "}\n';
    const { bytes, source } = sourceOf(content);
    expect((await readPass(source)).problems).toEqual(parseImportFile('bulk.jsonl', bytes).problems);
  });

  it('reads doccano JSONL with the doccano parser', async () => {
    const content = '{"text":"Five were killed.","label":[[0,4,"FIGURE"]]}\n';
    const { bytes, source } = sourceOf(content, 'doccano.jsonl');
    const pass = await readPass(source);
    expect(pass.articles).toEqual(parseImportFile('doccano.jsonl', bytes).articles);
    expect(pass.articles[0]!.annotations).toHaveLength(1);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]);
    const pass = await readPass(jsonlSource('bad.jsonl', bytes.length, () => chunksOf(bytes, 2)));
    expect(pass.problems).toEqual([{ file: 'bad.jsonl', line: null, message: 'the file is not UTF-8 text' }]);
  });
});
