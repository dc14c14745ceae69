import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bratFormat } from '../export/brat';
import { FIXTURE_ARTICLES, FIXTURE_CONTEXT } from '../export/fixtures.test-helper';
import { collect, streamOf } from '../export/streams.test-helper';
import { parseBrat, type BratDocument } from './brat';

async function exportZip(): Promise<Uint8Array> {
  const chunks = (await collect(bratFormat.write(streamOf(FIXTURE_ARTICLES), FIXTURE_CONTEXT))).map((chunk) => (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk));
  const zip = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    zip.set(chunk, at);
    at += chunk.length;
  }
  return zip;
}

describe('brat round trip', () => {
  it('gives back every span (label, offsets, quote) and the figure and claim attributes of what it exported', async () => {
    const files = unzipSync(await exportZip());
    const documents: BratDocument[] = FIXTURE_ARTICLES.map((article) => ({
      name: `article-${article.id}`,
      txt: strFromU8(files[`article-${article.id}.txt`]!),
      ann: strFromU8(files[`article-${article.id}.ann`]!),
    }));
    const result = parseBrat(documents);
    expect(result.problems).toEqual([]);
    expect(result.articles).toHaveLength(FIXTURE_ARTICLES.length);
    result.articles.forEach((imported, index) => {
      const original = FIXTURE_ARTICLES[index]!;
      expect(imported.text).toBe(original.text);
      const spans = (list: { label: string; start: number; end: number; quote: string }[]) =>
        list.map(({ label, start, end, quote }) => ({ label, start, end, quote })).sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
      expect(spans(imported.annotations)).toEqual(spans(original.annotations));
      for (const annotation of original.annotations) {
        const back = imported.annotations.find((candidate) => candidate.start === annotation.start && candidate.end === annotation.end && candidate.label === annotation.label)!;
        if (annotation.figure) expect(back.figure).toMatchObject({ category: annotation.figure.category, qualifier: annotation.figure.qualifier });
        if (annotation.claim) expect(back.claim).toMatchObject({ status: annotation.claim.status });
      }
    });
  });
});
