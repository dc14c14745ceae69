import { describe, it, expect } from 'vitest';
import { AppError, isAppError } from '../errors';
import { CONTEXT_LENGTH, describeSpan, verifySpan, type SpanClaim } from './anchor';

// The sample article as stored (after prepareArticleText), 460 units long.
const SAMPLE = [
  'Live updates: Follow the latest news on Israel-Gaza',
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
  'Among the targets struck was a major base of powerful militia group Kataib Hezbollah, at Jurf Al Sakhar, a town south of Baghdad the group took over completely during the war with ISIS in 2014, expelling its residents and setting up weapons depots and other military infrastructure.',
].join('\n\n');

const KATAIB = {
  start: 246,
  end: 262,
  quote: 'Kataib Hezbollah',
  prefix: ' base of powerful militia group ',
  suffix: ', at Jurf Al Sakhar, a town sout',
};

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('describeSpan', () => {
  it('gives 32 units of context either side', () => {
    expect(SAMPLE.length).toBe(460);
    expect(describeSpan(SAMPLE, 246, 262)).toEqual(KATAIB);
    expect(KATAIB.prefix.length).toBe(CONTEXT_LENGTH);
    expect(KATAIB.suffix.length).toBe(CONTEXT_LENGTH);
  });

  it('shortens the context at the edges of the text', () => {
    expect(describeSpan(SAMPLE, 0, 4)).toEqual({
      start: 0,
      end: 4,
      quote: 'Live',
      prefix: '',
      suffix: ' updates: Follow the latest news',
    });
    expect(describeSpan(SAMPLE, 456, 460)).toEqual({
      start: 456,
      end: 460,
      quote: 'ure.',
      prefix: 's and other military infrastruct',
      suffix: '',
    });
  });

  it('drops half a surrogate pair from the context rather than keep it', () => {
    // 🇮🇶 occupies 0–3; 32 units before 35 would start inside 🇶 (2–3).
    const text = '🇮🇶' + 'a'.repeat(31) + 'WORD' + 'b'.repeat(31) + '👍🏽';
    const anchor = describeSpan(text, 35, 39);
    expect(anchor.quote).toBe('WORD');
    expect(anchor.prefix).toBe('a'.repeat(31));
    // 32 units after 39 would end inside 👍 (70–71).
    expect(anchor.suffix).toBe('b'.repeat(31));
  });

  it('keeps a whole astral character in the context when it fits', () => {
    const text = '👍🏽 Kataib';
    expect(describeSpan(text, 5, 11).prefix).toBe('👍🏽 ');
  });
});

describe('verifySpan', () => {
  it('returns the server anchor for a correct claim', () => {
    expect(verifySpan(SAMPLE, KATAIB)).toEqual(KATAIB);
  });

  it('accepts a claim without context and fills it in', () => {
    expect(verifySpan(SAMPLE, { start: 246, end: 262, quote: 'Kataib Hezbollah' })).toEqual(KATAIB);
  });

  it('accepts shorter context that agrees with the text', () => {
    const claim: SpanClaim = { ...KATAIB, prefix: 'militia group ', suffix: ', at' };
    expect(verifySpan(SAMPLE, claim)).toEqual(KATAIB);
    expect(verifySpan(SAMPLE, { ...KATAIB, prefix: '', suffix: '' })).toEqual(KATAIB);
  });

  it('works with offsets after an emoji', () => {
    const text = 'Reaction 👍🏽 from Kataib Hezbollah';
    expect(verifySpan(text, { start: 19, end: 35, quote: 'Kataib Hezbollah' })).toEqual({
      start: 19,
      end: 35,
      quote: 'Kataib Hezbollah',
      prefix: 'Reaction 👍🏽 from ',
      suffix: '',
    });
  });

  it('rejects an end past the text, saying by how much', () => {
    const e = failure(() => verifySpan(SAMPLE, { start: 10, end: 5000, quote: 'x' }));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('span_out_of_range');
    expect(e.status).toBe(422);
    expect(e.message).toBe('End 5000 is past the end of the text (460 characters)');
  });

  it('rejects negative and fractional offsets', () => {
    const negative = failure(() => verifySpan(SAMPLE, { start: -1, end: 4, quote: 'Live' }));
    expect(negative.code).toBe('span_out_of_range');
    expect(negative.message).toBe('Start -1 is before the beginning of the text');
    const fraction = failure(() => verifySpan(SAMPLE, { start: 0, end: 4.5, quote: 'Live' }));
    expect(fraction.code).toBe('span_out_of_range');
    expect(fraction.message).toBe('End must be a whole number, got 4.5');
  });

  it('rejects an empty or reversed span', () => {
    expect(failure(() => verifySpan(SAMPLE, { start: 4, end: 4, quote: '' })).code).toBe('span_empty');
    const reversed = failure(() => verifySpan(SAMPLE, { start: 9, end: 4, quote: '' }));
    expect(reversed.code).toBe('span_empty');
    expect(reversed.message).toBe('The span is empty: start 9 is not before end 4');
  });

  it('rejects a boundary inside a surrogate pair', () => {
    const text = 'ok 👍🏽 ok';
    const atStart = failure(() => verifySpan(text, { start: 4, end: 7, quote: '\uDC4D🏽' }));
    expect(atStart.code).toBe('span_splits_character');
    expect(atStart.message).toContain('Start 4');
    const atEnd = failure(() => verifySpan(text, { start: 3, end: 6, quote: '👍\uD83C' }));
    expect(atEnd.code).toBe('span_splits_character');
    expect(atEnd.message).toContain('End 6');
  });

  it('rejects a whitespace-only span', () => {
    const e = failure(() => verifySpan(SAMPLE, { start: 51, end: 53, quote: '\n\n' }));
    expect(e.code).toBe('span_blank');
    expect(e.message).toBe('The span 51–53 contains only whitespace');
  });

  it('rejects a wrong quote and shows what the text says', () => {
    const e = failure(() => verifySpan(SAMPLE, { ...KATAIB, quote: 'Kataib Hizbollah' }));
    expect(e.code).toBe('quote_mismatch');
    expect(e.status).toBe(422);
    expect(e.message).toBe(
      'The quote does not match the text at 246–262, which says “Kataib Hezbollah”',
    );
  });

  it('truncates a long actual quote to 80 characters in the message', () => {
    const e = failure(() => verifySpan(SAMPLE, { start: 178, end: 460, quote: 'Among' }));
    expect(e.code).toBe('quote_mismatch');
    const shown = /says “(.*)”$/.exec(e.message)?.[1];
    expect(shown).toBe(`${SAMPLE.slice(178, 257)}…`);
    expect(shown?.length).toBe(80);
  });

  it('rejects context that disagrees with the text', () => {
    const prefix = failure(() => verifySpan(SAMPLE, { ...KATAIB, prefix: 'rebel group ' }));
    expect(prefix.code).toBe('context_mismatch');
    expect(prefix.message).toBe(
      'The text before 246 is “ base of powerful militia group ”, which does not end with the given prefix “rebel group ”',
    );
    const suffix = failure(() => verifySpan(SAMPLE, { ...KATAIB, suffix: ' at Jurf' }));
    expect(suffix.code).toBe('context_mismatch');
    expect(suffix.message).toContain('does not start with the given suffix “ at Jurf”');
  });

  it('rejects context longer than ours even if it overlaps', () => {
    const longer = `strike on a${KATAIB.prefix}`;
    expect(failure(() => verifySpan(SAMPLE, { ...KATAIB, prefix: longer })).code).toBe(
      'context_mismatch',
    );
  });

  it('checks the range before the quote', () => {
    expect(failure(() => verifySpan('short', { start: 0, end: 99, quote: 'wrong' })).code).toBe(
      'span_out_of_range',
    );
  });
});
