import { describe, expect, it } from 'vitest';
import { parseDoccano } from './doccano';

const TEXT = '👍🏽 Kataib Hezbollah said five of its fighters were killed.';

describe('parseDoccano', () => {
  it('takes UTF-16 offsets as they are: an emoji before a span changes nothing', () => {
    const line = JSON.stringify({
      id: 7,
      text: TEXT,
      label: [
        [27, 59, 'Figure'],
        [5, 21, 'Actor'],
      ],
      title: 'Strikes in Iraq',
      source: 'The National',
      url: 'https://example.com/strikes',
    });
    const result = parseDoccano(`${line}\n`, 'doccano.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles).toEqual([
      {
        title: 'Strikes in Iraq',
        source: 'The National',
        url: 'https://example.com/strikes',
        text: TEXT,
        annotations: [
          { label: 'actor', start: 5, end: 21, quote: 'Kataib Hezbollah', note: '' },
          { label: 'figure', start: 27, end: 59, quote: 'five of its fighters were killed', note: '' },
        ],
        origin: { file: 'doccano.jsonl', line: 1 },
      },
    ]);
  });

  it('reads the older “labels” key and the newer “entities” objects, one document per line', () => {
    const content = [
      JSON.stringify({ text: 'Five fighters were killed.', labels: [[0, 13, 'FIGURE']] }),
      '',
      JSON.stringify({
        text: 'The ministry said two died.',
        entities: [{ id: 1, start_offset: 4, end_offset: 12, label: 'actor' }],
        relations: [],
      }),
    ].join('\r\n');
    const result = parseDoccano(content, 'doccano.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => [a.origin.line, a.annotations])).toEqual([
      [1, [{ label: 'figure', start: 0, end: 13, quote: 'Five fighters', note: '' }]],
      [3, [{ label: 'actor', start: 4, end: 12, quote: 'ministry', note: '' }]],
    ]);
  });

  it('maps offsets onto the normalised text (CRLF, date line)', () => {
    const text = 'date 2023-11-22\r\nFive fighters were killed.\r\nTwo were wounded.';
    const line = JSON.stringify({ text, label: [[17, 30, 'Figure'], [45, 61, 'Claim']] });
    const result = parseDoccano(line, 'doccano.jsonl');
    expect(result.problems).toEqual([]);
    const article = result.articles[0]!;
    expect(article.text).toBe('Five fighters were killed.\nTwo were wounded.');
    expect(article.publishedOn).toBe('2023-11-22');
    expect(article.annotations.map((a) => [a.start, a.end, a.quote])).toEqual([
      [0, 13, 'Five fighters'],
      [27, 43, 'Two were wounded'],
    ]);
  });

  it('accepts a document without spans', () => {
    const result = parseDoccano(JSON.stringify({ text: 'Nothing tagged yet.', label: [] }), 'doccano.jsonl');
    expect(result.problems).toEqual([]);
    expect(result.articles[0]!.annotations).toEqual([]);
  });

  it('names the line and the reason for every bad line, and keeps nothing from those lines', () => {
    const content = [
      JSON.stringify({ text: 'A good line.', label: [[2, 6, 'Claim']] }),
      '{"text": "broken',
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ label: [[0, 1, 'Claim']] }),
      JSON.stringify({ text: TEXT, label: [[50, 80, 'Claim']] }),
      JSON.stringify({ text: TEXT, label: [[5, 21, 'Person']] }),
      JSON.stringify({ text: TEXT, label: [[21, 5, 'Actor']] }),
      JSON.stringify({ text: TEXT, label: [[5, 5, 'Actor']] }),
      JSON.stringify({ text: TEXT, label: [[1, 4, 'Actor']] }),
      JSON.stringify({ text: TEXT, label: ['positive'] }),
      JSON.stringify({ text: TEXT, label: [[5.5, 21, 'Actor']] }),
      JSON.stringify({ text: TEXT, title: 42 }),
      JSON.stringify({ text: ' Five killed', label: [[0, 5, 'Figure']] }),
      JSON.stringify({ text: TEXT, entities: [{ start_offset: 5, end_offset: 21, label: 7 }] }),
      JSON.stringify({ text: '   ' }),
    ].join('\n');
    const result = parseDoccano(content, 'bad.jsonl');
    expect(result.articles.map((a) => a.origin.line)).toEqual([1]);
    const file = 'bad.jsonl';
    expect(result.problems[0]).toMatchObject({ file, line: 2 });
    expect(result.problems[0]!.message).toMatch(/^broken JSON \(.*JSON.*\)$/);
    expect(result.problems.slice(1)).toEqual([
      { file, line: 3, message: 'the line is not a JSON object' },
      { file, line: 4, message: 'no “text”' },
      { file, line: 5, message: 'span 1: offsets 50–80 are outside the text (60 characters)' },
      { file, line: 6, message: 'span 1: unknown label “Person” (expected claim, actor or figure)' },
      { file, line: 7, message: 'span 1: start 21 is not before end 5' },
      { file, line: 8, message: 'span 1: start 5 is not before end 5' },
      {
        file,
        line: 9,
        message: 'span 1 (“\uFFFD🏽”): the span starts or ends in the middle of a character (half of an emoji, say)',
      },
      { file, line: 10, message: '“label” item 1 is "positive", not [start, end, label]' },
      { file, line: 11, message: 'span 1: start and end must be whole numbers, got 5.5 and 21' },
      { file, line: 12, message: '“title” must be a string' },
      {
        file,
        line: 13,
        message:
          'span 1 (“ Five”): the span starts on white space at the start or end of the text, which is removed when the text is imported',
      },
      { file, line: 14, message: 'span 1: the label must be a string' },
      { file, line: 15, message: 'the text is empty' },
    ]);
  });
});
