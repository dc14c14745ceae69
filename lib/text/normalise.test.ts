import { describe, it, expect } from 'vitest';
import { normaliseText, parseDateLine, prepareArticleText } from './normalise';

const SAMPLE_RAW = ` date 2023-11-22 Live updates: Follow the latest news on Israel-Gaza

At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.

“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.
`;

describe('normaliseText', () => {
  it('strips a leading BOM', () => {
    expect(normaliseText('\uFEFFHello')).toBe('Hello');
  });

  it('keeps a BOM that is not at the start', () => {
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(normaliseText('one\r\ntwo\rthree\n\r\nfour')).toBe('one\ntwo\nthree\n\nfour');
  });

  it('composes NFD into NFC', () => {
    const out = normaliseText('Caf\u0065\u0301 au lait');
    expect(out).toBe('Café au lait');
    expect(out.length).toBe(12);
  });

  it('removes trailing spaces and tabs on every line but keeps indentation', () => {
    expect(normaliseText('first \t\n  second\t\n \t\nthird   ')).toBe('first\n  second\n\nthird');
  });

  it('keeps blank lines and curly quotes untouched', () => {
    expect(normaliseText('“Quoted,” he said.\n\n\n’Tis so.')).toBe(
      '“Quoted,” he said.\n\n\n’Tis so.',
    );
  });

  it('trims the whole text, including the leading space of the sample', () => {
    const out = normaliseText(SAMPLE_RAW);
    expect(out.startsWith('date 2023-11-22 Live updates')).toBe(true);
    expect(out.endsWith('previously Twitter.')).toBe(true);
  });

  it('handles BOM, CRLF and NFD together', () => {
    expect(normaliseText('\uFEFF  re\u0301sume\u0301 \r\n\r\nnext\r\n')).toBe('résumé\n\nnext');
  });
});

describe('parseDateLine', () => {
  it('takes the date token off the sample and keeps the rest of the line', () => {
    const { date, body } = parseDateLine(normaliseText(SAMPLE_RAW));
    expect(date).toBe('2023-11-22');
    expect(body.startsWith('Live updates: Follow the latest news on Israel-Gaza\n\nAt least five')).toBe(
      true,
    );
  });

  it('is case-insensitive and accepts tabs between the word and the date', () => {
    expect(parseDateLine('DATE\t 2024-02-29 Leap day')).toEqual({ date: '2024-02-29', body: 'Leap day' });
  });

  it('removes the newlines after a date that sits alone on its line', () => {
    expect(parseDateLine('date 2023-11-22\n\nBody')).toEqual({ date: '2023-11-22', body: 'Body' });
  });

  it('accepts a text that is only the date', () => {
    expect(parseDateLine('date 2023-11-22')).toEqual({ date: '2023-11-22', body: '' });
  });

  it.each([
    ['date 2023-02-30 text', 'not a calendar date'],
    ['date 2023-02-29 text', 'not a leap year'],
    ['date 1900-02-29 text', 'century that is not a leap year'],
    ['date 2023-13-01 text', 'month 13'],
    ['date 2023-04-31 text', 'April has 30 days'],
    ['date 2023-11-225 text', 'digits run on'],
    ['date 23-11-22 text', 'two-digit year'],
    ['dated 2023-11-22 text', 'different word'],
    ['date2023-11-22 text', 'no space'],
    ['Live date 2023-11-22', 'not at the start'],
  ])('leaves %j alone (%s)', (input) => {
    expect(parseDateLine(input)).toEqual({ date: null, body: input });
  });
});

describe('prepareArticleText', () => {
  it('produces the stored text and date of the sample', () => {
    const { text, dateFromText } = prepareArticleText(SAMPLE_RAW);
    expect(dateFromText).toBe('2023-11-22');
    expect(text).toBe(
      'Live updates: Follow the latest news on Israel-Gaza\n\n' +
        'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.\n\n' +
        '“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.',
    );
  });

  it('gives the same text for a Windows copy of the file with a BOM', () => {
    const windows = '\uFEFF' + SAMPLE_RAW.replace(/\n/g, '\r\n');
    expect(prepareArticleText(windows)).toEqual(prepareArticleText(SAMPLE_RAW));
  });

  it('trims the body left over after a date-only first line', () => {
    expect(prepareArticleText('date 2023-11-22   \n\n  \nBody text\n')).toEqual({
      text: 'Body text',
      dateFromText: '2023-11-22',
    });
  });

  it('returns no date when there is none', () => {
    expect(prepareArticleText('  Just text. ')).toEqual({ text: 'Just text.', dateFromText: null });
  });
});
