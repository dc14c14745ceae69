import { describe, expect, it } from 'vitest';
import { conllFormat, conllSentences } from './conll';
import { FIXTURE_ARTICLES, FIXTURE_CONTEXT, emojiArticle, findSpan, sampleArticle } from './fixtures.test-helper';
import type { ExportAnnotation, ExportArticle } from './types';
import { streamOf } from './streams.test-helper';

async function exportText(articles: Iterable<ExportArticle>): Promise<string> {
  let out = '';
  for await (const chunk of conllFormat.write(streamOf(articles), FIXTURE_CONTEXT)) {
    expect(typeof chunk).toBe('string');
    out += chunk as string;
  }
  return out;
}

/** The token lines of the sentence whose first tokens are `opening`. */
function sentenceBlock(output: string, opening: string): string[] {
  const block = output.split('\n\n').find((b) => b.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t')[0]).join(' ').startsWith(opening));
  if (block === undefined) throw new Error(`no sentence starting "${opening}"`);
  return block.split('\n').filter((line) => !line.startsWith('#'));
}

function span(text: string, id: number, label: ExportAnnotation['label'], quote: string): ExportAnnotation {
  const { start, end } = findSpan(text, quote);
  return {
    id,
    label,
    start,
    end,
    quote,
    prefix: '',
    suffix: '',
    note: '',
    author: { username: 'amira', name: 'Amira Haddad' },
    version: 1,
    createdAt: '2023-11-23T08:00:00.000Z',
    updatedAt: '2023-11-23T08:00:00.000Z',
    actor: null,
    figure: null,
    claim: null,
  };
}

function article(text: string, annotations: ExportAnnotation[]): ExportArticle {
  return { ...sampleArticle, id: 9, title: 'Test', text, annotations, comparisons: [] };
}

describe('conllSentences', () => {
  it('splits words and punctuation, and never joins paragraphs', () => {
    const text = 'US aircraft struck 2,000 sites.\n\n“It added,” they said';
    expect([...conllSentences(text)].map((tokens) => tokens.map((t) => t.text))).toEqual([
      ['US', 'aircraft', 'struck', '2,000', 'sites', '.'],
      ['“', 'It', 'added', ',', '”', 'they', 'said'],
    ]);
  });

  it('gives offsets into the whole text', () => {
    const text = `${'x'.repeat(10)}\n\nFive were 👍🏽 killed.`;
    for (const tokens of conllSentences(text)) {
      for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });
});

describe('conllFormat', () => {
  it('describes itself as plain text', () => {
    expect(conllFormat.name).toBe('conll');
    expect(conllFormat.extension).toBe('conll');
    expect(conllFormat.contentType).toBe('text/plain; charset=utf-8');
  });

  it('names the columns at the top and each article before its sentences', async () => {
    const lines = (await exportText([sampleArticle, emojiArticle])).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '# columns = TOKEN CLAIM ACTOR FIGURE',
      '# article = 1',
      '# title = US strikes kill five militiamen in Iraq',
      'Live\tO\tO\tO',
    ]);
    const second = lines.indexOf('# article = 2');
    expect(lines[second - 1]).toBe('');
    expect(lines[second + 1]).toBe('# title = Casualties 👍🏽');
    expect(await exportText([])).toBe('# columns = TOKEN CLAIM ACTOR FIGURE\n');
  });

  it('tags the sample sentence: a figure inside a claim, and an actor (hand-checked)', async () => {
    expect(sentenceBlock(await exportText([sampleArticle]), 'In a statement')).toEqual([
      'In\tO\tO\tO',
      'a\tO\tO\tO',
      'statement\tO\tO\tO',
      'posted\tO\tO\tO',
      'on\tO\tO\tO',
      'social\tO\tO\tO',
      'media\tO\tO\tO',
      ',\tO\tO\tO',
      'Kataib\tB-CLAIM\tB-ACTOR\tO',
      'Hezbollah\tI-CLAIM\tI-ACTOR\tO',
      'said\tI-CLAIM\tO\tO',
      'five\tI-CLAIM\tO\tB-FIGURE',
      'of\tI-CLAIM\tO\tI-FIGURE',
      'its\tI-CLAIM\tO\tI-FIGURE',
      'fighters\tI-CLAIM\tO\tI-FIGURE',
      'were\tI-CLAIM\tO\tI-FIGURE',
      'killed\tI-CLAIM\tO\tI-FIGURE',
      'in\tI-CLAIM\tO\tO',
      'Jurf\tI-CLAIM\tO\tO',
      'Al\tI-CLAIM\tO\tO',
      'Sakhar\tI-CLAIM\tO\tO',
      '.\tO\tO\tO',
    ]);
    // The next sentence is its own block, with its own figure.
    expect(sentenceBlock(await exportText([sampleArticle]), 'Other militia groups')).toContain('five\tO\tO\tB-FIGURE');
  });

  it('writes a tag for every annotation of every fixture article', async () => {
    const output = await exportText(FIXTURE_ARTICLES);
    const begins = output.split('\n').reduce((n, line) => n + (line.match(/\tB-/g)?.length ?? 0), 0);
    // The emoji article's two spans cross a sentence break and begin twice each.
    expect(begins).toBe(FIXTURE_ARTICLES.reduce((n, a) => n + a.annotations.length, 0) + 2);
    for (const line of output.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      expect(line.split('\t')).toHaveLength(4);
    }
  });

  it('keeps the emoji as a token and restarts a span at a sentence break', async () => {
    // The line break ends a sentence for Intl.Segmenter.
    expect((await exportText([emojiArticle])).split('\n').slice(3)).toEqual([
      '👍🏽\tO\tO\tO',
      'Casualties\tB-CLAIM\tO\tO',
      ':\tI-CLAIM\tO\tO',
      'five\tI-CLAIM\tO\tB-FIGURE',
      '',
      'fighters\tB-CLAIM\tO\tB-FIGURE',
      'were\tI-CLAIM\tO\tI-FIGURE',
      'killed\tI-CLAIM\tO\tI-FIGURE',
      '.\tI-CLAIM\tO\tO',
      '',
      '',
    ]);
  });

  it('lets the earlier, longer span win where spans of one label overlap', async () => {
    const text = 'At least 40 people were killed on Monday.';
    const output = await exportText([
      article(text, [
        span(text, 1, 'figure', 'people were killed on'),
        span(text, 2, 'figure', '40 people were killed'),
        span(text, 3, 'figure', 'Monday'),
      ]),
    ]);
    expect(sentenceBlock(output, 'At least').map((line) => line.split('\t')[3])).toEqual([
      'O', // At
      'O', // least
      'B-FIGURE', // 40: span 2
      'I-FIGURE',
      'I-FIGURE',
      'I-FIGURE', // killed: end of span 2
      'B-FIGURE', // on: what is left of span 1
      'B-FIGURE', // Monday: span 3, adjacent, so a new chunk
      'O',
    ]);
  });

  it('marks a token a span only partly covers', async () => {
    const text = 'Pro-Iranian militias struck';
    const output = await exportText([article(text, [span(text, 1, 'actor', 'Iranian militias')])]);
    expect(sentenceBlock(output, 'Pro')).toEqual([
      'Pro\tO\tO\tO',
      '-\tO\tO\tO',
      'Iranian\tO\tB-ACTOR\tO',
      'militias\tO\tI-ACTOR\tO',
      'struck\tO\tO\tO',
    ]);
    const partial = await exportText([article(text, [span(text, 1, 'actor', 'ranian milit')])]);
    expect(sentenceBlock(partial, 'Pro').map((line) => line.split('\t')[2])).toEqual(['O', 'O', 'B-ACTOR', 'I-ACTOR', 'O']);
  });

  it('keeps an article without text from running into the next', async () => {
    const output = await exportText([article('', []), emojiArticle]);
    expect(output.split('\n').slice(0, 6)).toEqual([
      '# columns = TOKEN CLAIM ACTOR FIGURE',
      '# article = 9',
      '# title = Test',
      '',
      '# article = 2',
      '# title = Casualties 👍🏽',
    ]);
  });

  it('looks at one article at a time', async () => {
    async function* articles(): AsyncGenerator<ExportArticle> {
      yield sampleArticle;
      throw new Error('the second article was read before the first was written');
    }
    const iterator = conllFormat.write(articles(), FIXTURE_CONTEXT)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('# columns = TOKEN CLAIM ACTOR FIGURE\n');
    expect((await iterator.next()).value).toMatch(/^# article = 1\n/);
  });
});
