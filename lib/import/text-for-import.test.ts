import { describe, expect, it } from 'vitest';
import { prepareArticleText } from '../text/normalise';
import { importText } from './text-for-import';

describe('importText', () => {
  it('leaves normalised text and its offsets alone', () => {
    const raw = 'Five fighters were killed.\n\nTwo were wounded.';
    const imported = importText(raw);
    expect(imported.text).toBe(raw);
    expect(imported.unmappable).toBeNull();
    for (let offset = 0; offset <= raw.length; offset++) expect(imported.map(offset)).toBe(offset);
    expect(imported.mapSpan(0, 4)).toEqual({ start: 0, end: 4 });
  });

  it('shifts offsets after each CRLF by one per preceding \\r, and drops the \\r itself', () => {
    const raw = 'one\r\ntwo\r\nthree';
    const imported = importText(raw);
    expect(imported.text).toBe('one\ntwo\nthree');
    expect(imported.map(0)).toBe(0);
    expect(imported.map(3)).toBeNull(); // the \r
    expect(imported.map(4)).toBe(3); // the \n
    expect(imported.map(5)).toBe(4); // "two": one \r before it
    expect(imported.map(10)).toBe(8); // "three": two \r before it
    expect(imported.map(raw.length)).toBe(imported.text.length);
  });

  it('maps a span that ends at a CRLF, and one that crosses lines', () => {
    const raw = 'one\r\ntwo\r\nthree';
    const imported = importText(raw);
    const two = imported.mapSpan(5, 8);
    expect(two).toEqual({ start: 4, end: 7 });
    const across = imported.mapSpan(5, 15);
    expect(across).toEqual({ start: 4, end: 13 });
    expect(imported.text.slice(4, 13)).toBe('two\nthree');
  });

  it('refuses a span whose last character is the \\r of a CRLF', () => {
    expect(importText('one\r\ntwo').mapSpan(0, 4)).toEqual({
      problem: 'the span ends on a carriage return (\\r), which is removed when the text is imported',
    });
  });

  it('turns a lone CR into LF without moving anything', () => {
    const imported = importText('a\rb');
    expect(imported.text).toBe('a\nb');
    expect(imported.map(1)).toBe(1);
    expect(imported.map(2)).toBe(2);
  });

  it('drops a leading BOM and moves everything one to the left', () => {
    const raw = '\uFEFFHello world';
    const imported = importText(raw);
    expect(imported.text).toBe('Hello world');
    expect(imported.map(0)).toBeNull();
    expect(imported.map(1)).toBe(0);
    expect(imported.mapSpan(7, 12)).toEqual({ start: 6, end: 11 });
    expect(imported.mapSpan(0, 6)).toEqual({
      problem: 'the span starts on the byte-order mark, which is removed when the text is imported',
    });
  });

  it('drops spaces and tabs at line ends', () => {
    const raw = 'first \t\nsecond  ';
    const imported = importText(raw);
    expect(imported.text).toBe('first\nsecond');
    expect(imported.map(5)).toBeNull();
    expect(imported.map(6)).toBeNull();
    expect(imported.map(7)).toBe(5);
    expect(imported.map(8)).toBe(6);
    expect(imported.mapSpan(8, 14)).toEqual({ start: 6, end: 12 });
    expect(imported.mapSpan(0, 6)).toEqual({
      problem: 'the span ends on a space or tab at the end of a line, which is removed when the text is imported',
    });
  });

  it('takes out the date line like the app, and maps the rest of that line', () => {
    const raw = ' date 2023-11-22 Live updates\r\nAt least five';
    const imported = importText(raw);
    expect(imported.text).toBe('Live updates\nAt least five');
    expect(imported.dateFromText).toBe('2023-11-22');
    expect(imported.map(1)).toBeNull();
    expect(imported.map(17)).toBe(0);
    expect(imported.mapSpan(17, 21)).toEqual({ start: 0, end: 4 });
    expect(imported.mapSpan(40, 44)).toEqual({ start: 22, end: 26 });
    expect(imported.text.slice(22, 26)).toBe('five');
    expect(imported.mapSpan(6, 16)).toEqual({
      problem: 'the span starts on the leading “date YYYY-MM-DD” token, which is removed when the text is imported',
    });
    expect(imported.mapSpan(0, 5)).toEqual({
      problem: 'the span starts on white space at the start or end of the text, which is removed when the text is imported',
    });
  });

  it('trims blank lines around the text', () => {
    const imported = importText('\n\n  Hello  \n\n');
    expect(imported.text).toBe('Hello');
    expect(imported.mapSpan(4, 9)).toEqual({ start: 0, end: 5 });
  });

  it('maps across NFC composition as a block: whole character or nothing', () => {
    const raw = 'Cafe\u0301 au lait';
    const imported = importText(raw);
    expect(imported.text).toBe('Café au lait');
    expect(imported.unmappable).toBeNull();
    expect(imported.mapSpan(0, 5)).toEqual({ start: 0, end: 4 });
    expect(imported.mapSpan(6, 8)).toEqual({ start: 5, end: 7 });
    expect(imported.text.slice(5, 7)).toBe('au');
    expect(imported.map(3)).toBe(3);
    expect(imported.map(4)).toBeNull(); // the combining accent, now inside é
    expect(imported.mapSpan(0, 4)).toEqual({
      problem:
        'the span ends inside a character that Unicode normalisation (NFC) joins with its neighbour when the text is imported',
    });
  });

  it('follows NFC when it shortens the text (Hangul jamo become one syllable)', () => {
    const raw = 'x \u1100\u1161\u11A8 y';
    const imported = importText(raw);
    expect(imported.text).toBe('x \uAC01 y');
    expect(imported.mapSpan(2, 5)).toEqual({ start: 2, end: 3 });
    expect(imported.mapSpan(6, 7)).toEqual({ start: 4, end: 5 });
  });

  it('does not move anything for emoji: they are already UTF-16 in the raw text', () => {
    const raw = '👍🏽 five';
    const imported = importText(raw);
    expect(imported.mapSpan(5, 9)).toEqual({ start: 5, end: 9 });
  });

  it('answers null for offsets that are not offsets of the raw text', () => {
    const imported = importText('abc');
    expect(imported.map(-1)).toBeNull();
    expect(imported.map(4)).toBeNull();
    expect(imported.map(1.5)).toBeNull();
    expect(imported.mapSpan(2, 2)).toEqual({ problem: '2–2 is not a span of the text' });
  });

  it('gives exactly the text prepareArticleText gives, with offsets that keep their order', () => {
    const samples = [
      '\uFEFF date 2024-02-29\r\n\r\nTitle  \r\nBody\twith tab\t\r\n\r\n',
      'date 2023-02-30 is not a date',
      'Ünïcödé\u0308 and A\u030A and \u212B and 👍🏽\r',
      '\u00A0 leading no-break space, trailing ideographic\u3000',
      '',
      '   \r\n\t ',
    ];
    for (const raw of samples) {
      const imported = importText(raw);
      const prepared = prepareArticleText(raw);
      expect(imported.text).toBe(prepared.text);
      expect(imported.dateFromText).toBe(prepared.dateFromText);
      expect(imported.unmappable).toBeNull();
      const mapped = [...Array(raw.length + 1).keys()].map(imported.map).filter((m) => m !== null);
      expect(mapped).toEqual([...mapped].sort((a, b) => a - b));
      expect(mapped.at(-1)).toBe(imported.text.length);
    }
  });
});
