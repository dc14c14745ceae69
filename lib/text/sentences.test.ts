import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentences';

const TEXT =
  'There were casualties, they confirmed.\n\nIn a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar. Other militia groups said on their social media channels that five fighters were wounded.';

describe('sentenceAround', () => {
  it('returns the whole sentence holding the span, without the paragraph break', () => {
    const start = TEXT.indexOf('five of its');
    const sentence = sentenceAround(TEXT, start, start + 'five of its fighters were killed'.length);
    expect(sentence.text).toBe('In a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.');
    expect(TEXT.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('returns the next sentence for a span in it, with exact offsets after an emoji', () => {
    const text = `👍🏽 ${TEXT}`;
    const start = text.indexOf('five fighters were wounded');
    const sentence = sentenceAround(text, start, start + 26);
    expect(sentence.text).toBe('Other militia groups said on their social media channels that five fighters were wounded.');
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('spans two sentences when the span does', () => {
    const start = TEXT.indexOf('Jurf Al Sakhar. Other');
    const sentence = sentenceAround(TEXT, start, start + 'Jurf Al Sakhar. Other'.length);
    expect(sentence.text.startsWith('In a statement')).toBe(true);
    expect(sentence.text.endsWith('were wounded.')).toBe(true);
  });
});
