import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bratFormat, bratValue, lineFragments } from './brat';
import {
  CRLF_ARTICLE_TEXT,
  CRLF_RAW_TEXT,
  EMOJI_ARTICLE_TEXT,
  FIXTURE_ARTICLES,
  FIXTURE_CONTEXT,
  crlfArticle,
  emojiArticle,
  sampleArticle,
} from './fixtures.test-helper';
import { collect, streamOf } from './streams.test-helper';
import type { ExportArticle } from './types';

async function exportZip(articles: Iterable<ExportArticle>): Promise<Record<string, string>> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bratFormat.write(streamOf(articles), FIXTURE_CONTEXT)) {
    expect(chunk).toBeInstanceOf(Uint8Array);
    chunks.push(chunk as Uint8Array);
  }
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    zip.set(chunk, at);
    at += chunk.length;
  }
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) files[name] = strFromU8(bytes);
  return files;
}

function file(files: Record<string, string>, name: string): string {
  const content = files[name];
  if (content === undefined) throw new Error(`${name} is not in the zip (has ${Object.keys(files).join(', ')})`);
  return content;
}

function annLines(files: Record<string, string>, articleId: number): string[] {
  const ann = file(files, `article-${articleId}.ann`);
  expect(ann.endsWith('\n')).toBe(true);
  return ann.slice(0, -1).split('\n');
}

/**
 * What brat itself checks on load: each T line's text is the .txt sliced at its
 * code-point offsets, fragments joined by a space.
 */
function checkBratOffsets(txt: string, ann: string): number {
  const codePoints = Array.from(txt);
  let checked = 0;
  for (const line of ann.split('\n')) {
    if (!line.startsWith('T')) continue;
    const [, typeAndOffsets, quoted] = line.split('\t') as [string, string, string];
    const offsets = typeAndOffsets.slice(typeAndOffsets.indexOf(' ') + 1);
    const pieces = offsets.split(';').map((fragment) => {
      const [start, end] = fragment.split(' ').map(Number) as [number, number];
      expect(start).toBeLessThan(end);
      return codePoints.slice(start, end).join('');
    });
    expect(pieces.join(' '), line).toBe(quoted);
    for (const piece of pieces) expect(piece).not.toContain('\n');
    checked++;
  }
  return checked;
}

describe('lineFragments', () => {
  it('keeps a span on one line whole', () => {
    expect(lineFragments('a bc d', 2, 4)).toEqual([{ start: 2, end: 4 }]);
  });

  it('splits at line breaks and leaves the newlines out, blank lines too', () => {
    const text = 'one\n\ntwo\nthree';
    expect(lineFragments(text, 0, text.length)).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 8 },
      { start: 9, end: 14 },
    ]);
  });

  it('gives nothing for a span of line breaks only', () => {
    expect(lineFragments('a\n\nb', 1, 3)).toEqual([]);
  });
});

describe('bratValue', () => {
  it('writes values without the characters brat splits on', () => {
    expect(bratValue('lightly injured')).toBe('lightly_injured');
    expect(bratValue(' a | b, c:d ')).toBe('a_b_c_d');
    expect(bratValue('   ')).toBe('other');
  });
});

describe('bratFormat', () => {
  it('describes itself as a zip', () => {
    expect(bratFormat.name).toBe('brat');
    expect(bratFormat.extension).toBe('zip');
    expect(bratFormat.contentType).toBe('application/zip');
  });

  it('zips a text and an annotation file per article, and the configuration', async () => {
    const files = await exportZip(FIXTURE_ARTICLES);
    expect(Object.keys(files).sort()).toEqual([
      'annotation.conf',
      'article-1.ann',
      'article-1.txt',
      'article-2.ann',
      'article-2.txt',
      'article-3.ann',
      'article-3.txt',
      'visual.conf',
    ]);
    for (const article of FIXTURE_ARTICLES) expect(file(files, `article-${article.id}.txt`)).toBe(article.text);
  });

  it('writes the sample article as hand-checked standoff', async () => {
    // Offsets checked by hand: the sample text has no astral characters, so code points
    // and UTF-16 units agree; "Kataib Hezbollah" (16) + " said " (6) puts "five" at 1375.
    expect(annLines(await exportZip([sampleArticle]), 1)).toEqual([
      'T1\tClaim 1353 1425\tKataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar',
      'T2\tActor 1353 1369\tKataib Hezbollah',
      'T3\tFigure 1375 1407\tfive of its fighters were killed',
      'T4\tFigure 1489 1515\tfive fighters were wounded',
      'T5\tActor 1700 1716\tKataib Hezbollah',
      'A1\tStatus T1 disputed',
      'A2\tCategory T3 killed',
      'A3\tQualifier T3 exact',
      'A4\tCategory T4 wounded',
      'A5\tQualifier T4 exact',
      // The nearer of the two "Kataib Hezbollah" spans, not T5.
      'R1\tClaimant Arg1:T1 Arg2:T2',
      'R2\tSource Arg1:T3 Arg2:T2',
      // Comparison 7; comparison 8 has only one figure in this article and is left out.
      '*\tCompared T3 T4',
      '#1\tAnnotatorNotes T1\tclaimant: Kataib Hezbollah; note: Only the group itself reports the deaths; US Central Command gave no toll.',
      '#2\tAnnotatorNotes T3\tvalue: 5; counted: fighters; place: Jurf Al Sakhar; source: Kataib Hezbollah',
      '#3\tAnnotatorNotes T4\tvalue: 5; counted: fighters; source: Other militia groups',
    ]);
  });

  it('counts code points after an emoji and splits a span across a line break', async () => {
    // "👍🏽" is two code points (four UTF-16 units): "Casualties" starts at 3, not 5;
    // the "\n" at 19 is left out of both spans that cross it.
    expect(EMOJI_ARTICLE_TEXT.indexOf('Casualties')).toBe(5);
    expect(annLines(await exportZip([emojiArticle]), 2)).toEqual([
      'T1\tClaim 3 19;20 41\tCasualties: five fighters were killed.',
      'T2\tFigure 15 19;20 40\tfive fighters were killed',
      'A1\tStatus T1 unverified',
      'A2\tCategory T2 killed',
      'A3\tQualifier T2 at_least',
      '#1\tAnnotatorNotes T1\tnote: A note over two lines, with a tab',
      '#2\tAnnotatorNotes T2\tvalue: at least 5; counted: fighters',
    ]);
  });

  it('writes CRLF-imported text with "\\n" line ends and offsets into that text', async () => {
    const files = await exportZip([crlfArticle]);
    const txt = file(files, 'article-3.txt');
    expect(CRLF_RAW_TEXT).toContain('\r\n');
    expect(txt).toBe(CRLF_ARTICLE_TEXT);
    expect(txt).not.toContain('\r');
    expect(annLines(files, 3)).toEqual([
      'T1\tFigure 15 29\t12 people died',
      // 39 in the normalised text; the raw text's "\r" would have made it 40.
      'T2\tFigure 39 50\t3 were hurt',
      'A1\tCategory T1 killed',
      'A2\tQualifier T1 exact',
      'A3\tCategory T2 lightly_injured',
      'A4\tQualifier T2 exact',
      '#1\tAnnotatorNotes T1\tvalue: 12; counted: people',
      '#2\tAnnotatorNotes T2\tvalue: 3; place: Anbar',
    ]);
    expect(CRLF_RAW_TEXT.indexOf('3 were hurt')).toBe(40);
  });

  it('gives every T line the text brat reads at its offsets', async () => {
    const files = await exportZip(FIXTURE_ARTICLES);
    let checked = 0;
    for (const article of FIXTURE_ARTICLES) {
      checked += checkBratOffsets(file(files, `article-${article.id}.txt`), file(files, `article-${article.id}.ann`));
    }
    expect(checked).toBe(FIXTURE_ARTICLES.reduce((n, a) => n + a.annotations.length, 0));
  });

  it('declares the labels, relations, overlaps and every attribute value used', async () => {
    const files = await exportZip(FIXTURE_ARTICLES);
    const conf = file(files, 'annotation.conf').split('\n');
    const section = (name: string) => {
      const start = conf.indexOf(`[${name}]`);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = conf.findIndex((line, i) => i > start && line.startsWith('['));
      return conf.slice(start + 1, end === -1 ? undefined : end).filter((line) => line !== '');
    };
    expect(section('entities')).toEqual(['Claim', 'Actor', 'Figure']);
    expect(section('relations')).toEqual([
      'Source\tArg1:Figure, Arg2:Actor',
      'Claimant\tArg1:Claim, Arg2:Actor',
      'Compared\tArg1:Figure, Arg2:Figure, <REL-TYPE>:symmetric-transitive',
      '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    ]);
    expect(section('events')).toEqual([]);
    expect(section('attributes')).toEqual([
      'Category\tArg:Figure, Value:killed|wounded|injured|missing|detained|displaced|strikes|other|lightly_injured',
      'Qualifier\tArg:Figure, Value:exact|at_least|at_most|about|range|vague',
      'Status\tArg:Claim, Value:unverified|supported|disputed|false|misleading',
    ]);

    const visual = file(files, 'visual.conf');
    expect(visual).toContain('[labels]');
    expect(visual).toMatch(/^Claim\tbgColor:#[0-9a-f]{6}$/m);
    expect(visual).toMatch(/^Actor\tbgColor:#[0-9a-f]{6}$/m);
    expect(visual).toMatch(/^Figure\tbgColor:#[0-9a-f]{6}$/m);
  });

  it('hands on each article before reading the next', async () => {
    async function* articles(): AsyncGenerator<ExportArticle> {
      yield sampleArticle;
      throw new Error('the second article was read before the first was written');
    }
    const iterator = bratFormat.write(articles(), FIXTURE_CONTEXT)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    // A zip starts with a local file header: "PK\x03\x04".
    expect(Array.from((first.value as Uint8Array).slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('zips the same articles to the same bytes', async () => {
    const once = await collect(bratFormat.write(streamOf(FIXTURE_ARTICLES), FIXTURE_CONTEXT));
    const twice = await collect(bratFormat.write(streamOf(FIXTURE_ARTICLES), FIXTURE_CONTEXT));
    expect(twice).toEqual(once);
  });

  it('still writes a loadable collection for no articles', async () => {
    expect(Object.keys(await exportZip([])).sort()).toEqual(['annotation.conf', 'visual.conf']);
  });
});
