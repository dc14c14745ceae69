import { describe, expect, it } from 'vitest';
import { describeSpan } from '../anchoring/anchor';
import type { ExportAnnotation, ExportArticle, ExportComparison, ExportFigure } from '../export/types';
import type { Label } from '../labels';
import { parseCrosscheckJsonl } from './crosscheck-jsonl';

const TEXT = '👍🏽 Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const AUTHOR = { username: 'local', name: 'Local reviewer' };
const AT = '2026-01-01T00:00:00.000Z';

const FIGURE: ExportFigure = {
  min: 5,
  max: 5,
  qualifier: 'exact',
  vague: false,
  category: 'killed',
  counted: 'fighters',
  place: 'Jurf Al Sakhar',
  time: null,
  source: { name: 'Kataib Hezbollah', kind: 'armed_group', aliases: ['KH'] },
  sourceText: null,
  sourceInferred: false,
};

function span(id: number, label: Label, quote: string, text = TEXT): ExportAnnotation {
  const start = text.indexOf(quote);
  return {
    id,
    label,
    ...describeSpan(text, start, start + quote.length),
    note: '',
    author: AUTHOR,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    actor: label === 'actor' ? { name: quote, kind: 'armed_group', aliases: [] } : null,
    figure: label === 'figure' ? FIGURE : null,
    claim: label === 'claim' ? { status: 'disputed', claimant: null, ratedAt: null } : null,
  };
}

function comparison(id: number, figures: { articleId: number; annotationId: number }[]): ExportComparison {
  return {
    id,
    title: 'Jurf Al Sakhar casualties',
    status: 'open',
    resolutionNote: '',
    event: null,
    author: AUTHOR,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    figures: figures.map((f) => ({ ...f, quote: 'five of its fighters were killed', figure: FIGURE })),
  };
}

function article(id: number, changes: Partial<ExportArticle> = {}): ExportArticle {
  return {
    id,
    title: 'Strikes in Iraq',
    source: 'The National',
    url: 'https://example.com/strikes',
    publishedOn: '2023-11-22',
    text: TEXT,
    wordCount: 13,
    author: AUTHOR,
    createdAt: AT,
    updatedAt: AT,
    annotations: [span(id * 10 + 1, 'actor', 'Kataib Hezbollah'), span(id * 10 + 2, 'figure', 'five of its fighters were killed')],
    comparisons: [],
    ...changes,
  };
}

// Deliberately wrong values, typed as what a file claims to hold.
const unchecked = <T,>(value: unknown) => value as T;

const lines = (...values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');

describe('parseCrosscheckJsonl', () => {
  it('reads an exported article with its offsets as they are, and keeps the export beside it', () => {
    const exported = article(1, {
      annotations: [
        span(10, 'claim', 'Kataib Hezbollah said five of its fighters were killed'),
        span(11, 'actor', 'Kataib Hezbollah'),
        span(12, 'figure', 'five of its fighters were killed'),
      ],
    });
    const result = parseCrosscheckJsonl(`${JSON.stringify(exported)}\n`, 'library.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles).toEqual([
      {
        title: 'Strikes in Iraq',
        source: 'The National',
        url: 'https://example.com/strikes',
        publishedOn: '2023-11-22',
        text: TEXT,
        annotations: [
          {
            label: 'claim',
            start: 5,
            end: 59,
            quote: 'Kataib Hezbollah said five of its fighters were killed',
            note: '',
            claim: { status: 'disputed' },
          },
          { label: 'actor', start: 5, end: 21, quote: 'Kataib Hezbollah', note: '' },
          {
            label: 'figure',
            start: 27,
            end: 59,
            quote: 'five of its fighters were killed',
            note: '',
            figure: { category: 'killed', qualifier: 'exact', min: 5, max: 5 },
          },
        ],
        origin: { file: 'library.jsonl', line: 1 },
        exported,
      },
    ]);
  });

  it('checks comparisons against the figures of every article in the file', () => {
    const first = article(1, { comparisons: [comparison(3, [{ articleId: 1, annotationId: 12 }, { articleId: 2, annotationId: 22 }])] });
    const second = article(2, {
      annotations: [span(22, 'figure', 'five of its fighters were killed')],
      comparisons: [comparison(3, [{ articleId: 1, annotationId: 12 }, { articleId: 2, annotationId: 22 }])],
    });
    // A figure in an article that is not in the file cannot be checked, and is left to the importer.
    const third = article(4, {
      annotations: [span(41, 'figure', 'five of its fighters were killed')],
      comparisons: [comparison(5, [{ articleId: 4, annotationId: 41 }, { articleId: 99, annotationId: 990 }])],
    });
    const result = parseCrosscheckJsonl(lines(first, second, third), 'library.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.exported?.id)).toEqual([1, 2, 4]);
  });

  it('reads bulk lines: plain articles without annotations, normalised like pasted text', () => {
    const content = lines(
      { text: 'date 2023-11-22 Five fighters were killed.\r\nTwo were wounded.  ', title: 'Strikes', source: 'Reuters' },
      '',
      { text: 'Another article.', url: 'https://example.com/b', publishedOn: '2023-11-23', title: null },
    );
    const result = parseCrosscheckJsonl(content, 'bulk.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles).toEqual([
      {
        title: 'Strikes',
        source: 'Reuters',
        url: undefined,
        publishedOn: '2023-11-22',
        text: 'Five fighters were killed.\nTwo were wounded.',
        annotations: [],
        origin: { file: 'bulk.jsonl', line: 1 },
      },
      {
        title: undefined,
        source: undefined,
        url: 'https://example.com/b',
        publishedOn: '2023-11-23',
        text: 'Another article.',
        annotations: [],
        origin: { file: 'bulk.jsonl', line: 3 },
      },
    ]);
    expect(result.articles[0]).not.toHaveProperty('exported');
  });

  it('keeps a publication time with its offset, and refuses one that is not a time or has no date', () => {
    const content = lines(
      { text: 'Five fighters were killed.', publishedOn: '2023-11-22', publishedTime: '17:05+0300' },
      { text: 'Two were wounded.', publishedOn: '2023-11-22', publishedTime: 'noon' },
      { text: 'Seven were killed.', publishedTime: '09:00' },
    );
    const result = parseCrosscheckJsonl(content, 'bulk.jsonl');
    expect(result.articles.map((article) => article.publishedTime)).toEqual(['17:05+03:00']);
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [2, 'publishedTime “noon” is not a time of day (HH:MM, optionally with an offset such as +03:00)'],
      [3, 'publishedTime “09:00” needs a publishedOn date'],
    ]);
  });

  it('names the line and what is wrong, annotation by annotation', () => {
    const fiveAt = TEXT.indexOf('five');
    const wrongQuote = { ...span(32, 'figure', 'five of'), quote: 'five' };
    const opinion = unchecked<ExportAnnotation>({ ...span(47, 'claim', 'said'), label: 'opinion' });
    const outside = { ...span(59, 'claim', 'Jurf'), start: 4000, end: 4010 };
    const content = lines(
      article(1),
      '{"id": 2, "text": ',
      article(3, { annotations: [{ ...wrongQuote, end: fiveAt + 7 }] }),
      article(4, { annotations: [opinion] }),
      article(5, { annotations: [outside] }),
      article(6, { annotations: [{ ...span(68, 'actor', 'Kataib'), start: 10, end: 10, quote: '' }] }),
      article(7, { annotations: [{ ...span(73, 'figure', 'five'), prefix: 'something else ' }] }),
    );
    const result = parseCrosscheckJsonl(content, 'library.jsonl');
    expect(result.articles.map((a) => a.origin.line)).toEqual([1]);
    const file = 'library.jsonl';
    expect(result.problems[0]).toMatchObject({ file, line: 2 });
    expect(result.problems[0]!.message).toMatch(/^broken JSON \(.+\)$/);
    expect(result.problems.slice(1)).toEqual([
      {
        file,
        line: 3,
        message: `annotation 32: quote “five” does not match the text at ${fiveAt}–${fiveAt + 7}, which says “five of”`,
      },
      { file, line: 4, message: 'annotation 47: unknown label “opinion”' },
      { file, line: 5, message: 'annotation 59: offsets 4000–4010 are outside the text (78 characters)' },
      { file, line: 6, message: 'annotation 68: start 10 is not before end 10' },
      {
        file,
        line: 7,
        message: `annotation 73: the text before ${fiveAt} is “👍🏽 Kataib Hezbollah said ”, which does not end with the given prefix “something else ”`,
      },
    ]);
  });

  it('reports missing and mistyped fields in words, with the annotation or comparison they belong to', () => {
    const { wordCount: _wordCount, ...noWordCount } = article(1);
    const badFigure = unchecked<ExportAnnotation>({ ...span(12, 'figure', 'five'), figure: { ...FIGURE, qualifier: 'roughly', min: '5' } });
    const badComparison = unchecked<ExportComparison>({ ...comparison(3, [{ articleId: 2, annotationId: 12 }]), status: 'closed' });
    badComparison.figures[0]!.annotationId = unchecked<number>('twelve');
    const content = lines(
      noWordCount,
      article(2, { title: unchecked<string>(5), annotations: [badFigure], comparisons: [badComparison] }),
      { id: 3 },
      [1, 2],
    );
    const result = parseCrosscheckJsonl(content, 'library.jsonl');
    expect(result.articles).toEqual([]);
    const file = 'library.jsonl';
    expect(result.problems).toEqual([
      { file, line: 1, message: 'wordCount is missing' },
      { file, line: 2, message: 'title should be a string, not 5' },
      { file, line: 2, message: 'annotation 12: figure.min should be a number, not “5”' },
      {
        file,
        line: 2,
        message: 'annotation 12: figure.qualifier “roughly” is not one of exact, at_least, at_most, about, range, vague',
      },
      { file, line: 2, message: 'comparison 3: status “closed” is not one of open, explained, resolved' },
      { file, line: 2, message: 'comparison 3: figure 1: annotationId should be a number, not “twelve”' },
      { file, line: 3, message: 'title is missing' },
      { file, line: 3, message: 'source is missing' },
      { file, line: 3, message: 'url is missing' },
      { file, line: 3, message: 'publishedOn is missing' },
      { file, line: 3, message: 'text is missing' },
      { file, line: 3, message: 'wordCount is missing' },
      { file, line: 3, message: 'author is missing' },
      { file, line: 3, message: 'createdAt is missing' },
      { file, line: 3, message: 'updatedAt is missing' },
      { file, line: 3, message: 'annotations is missing' },
      { file, line: 3, message: 'comparisons is missing' },
      { file, line: 4, message: 'the line is not a JSON object' },
    ]);
  });

  it('refuses comparisons whose figures are not figures of the file', () => {
    const content = lines(
      article(1, { comparisons: [comparison(3, [{ articleId: 1, annotationId: 99 }])] }),
      article(2, {
        annotations: [span(21, 'actor', 'Kataib Hezbollah'), span(22, 'figure', 'five of its fighters')],
        comparisons: [
          comparison(4, [{ articleId: 2, annotationId: 21 }]),
          comparison(5, [{ articleId: 2, annotationId: 22 }, { articleId: 1, annotationId: 11 }, { articleId: 1, annotationId: 77 }]),
          comparison(6, [{ articleId: 1, annotationId: 12 }]),
        ],
      }),
    );
    const file = 'library.jsonl';
    expect(parseCrosscheckJsonl(content, file).problems).toEqual([
      { file, line: 1, message: 'comparison 3: figure 1 refers to annotation 99, which is not in this article' },
      { file, line: 2, message: 'comparison 4: figure 1 refers to annotation 21, which is an actor, not a figure' },
      { file, line: 2, message: "comparison 6 holds none of this article's figures" },
      { file, line: 2, message: 'comparison 5: figure 2 refers to annotation 11, which is an actor, not a figure' },
      { file, line: 2, message: 'comparison 5: figure 3 refers to annotation 77, which is not in article 1 (line 1)' },
    ]);
  });

  it('refuses duplicate ids, text that is not in stored form, impossible dates and bad bulk lines', () => {
    const content = lines(
      article(1),
      article(1, { annotations: [span(12, 'figure', 'five'), span(30, 'actor', 'Kataib'), span(30, 'actor', 'Jurf')] }),
      article(3, { text: `${TEXT}\r\nMore.`, annotations: [] }),
      article(4, { publishedOn: '2023-02-30' }),
      { text: 'Bulk.', publishedOn: '22/11/2023' },
      { text: '  \n ' },
      { title: 'No text' },
      { text: 'Fine.', source: 7 },
    );
    const file = 'library.jsonl';
    expect(parseCrosscheckJsonl(content, file).problems).toEqual([
      { file, line: 2, message: 'article id 1 is already used on line 1' },
      { file, line: 2, message: 'annotation 12: the id is already used on line 1' },
      { file, line: 2, message: 'annotation 30: the id is already used' },
      {
        file,
        line: 3,
        message: 'the text is not as Crosscheck stores it (it has carriage returns (\\r)), so its offsets cannot be trusted',
      },
      { file, line: 4, message: 'publishedOn “2023-02-30” is not a date (YYYY-MM-DD)' },
      { file, line: 5, message: 'publishedOn “22/11/2023” is not a date (YYYY-MM-DD)' },
      { file, line: 6, message: 'the text is empty' },
      { file, line: 7, message: 'text is missing' },
      { file, line: 8, message: 'source should be a string, not 7' },
    ]);
  });
});
