import { describe, expect, it } from 'vitest';
import { quoteInContext } from './context';

const TEXT = 'Officials said five fighters were killed near the border on Tuesday.';
//            0         1         2         3         4         5         6
//            0123456789012345678901234567890123456789012345678901234567890123456789
// "five fighters" is [15,28).

describe('quoteInContext', () => {
  it('shows the whole sentence when it fits', () => {
    expect(quoteInContext(TEXT, { start: 15, end: 28 })).toEqual({
      before: 'Officials said ',
      quote: 'five fighters',
      after: ' were killed near the border on Tuesday.',
    });
  });

  it('cuts at word boundaries and marks the cuts', () => {
    // 8 units before [15,28) begin at 7, inside "Officials": the partial word goes.
    // 12 units after end at 40, right after "killed": nothing to drop.
    expect(quoteInContext(TEXT, { start: 15, end: 28 }, 8)).toEqual({ before: '…said ', quote: 'five fighters', after: ' were…' });
    expect(quoteInContext(TEXT, { start: 15, end: 28 }, 12)).toEqual({ before: '…said ', quote: 'five fighters', after: ' were killed…' });
  });

  it('keeps a window that already starts at a word', () => {
    // 5 units before 15 begin at 10, the "said" after a space.
    expect(quoteInContext(TEXT, { start: 15, end: 28 }, 5).before).toBe('…said ');
  });

  it('stops at paragraph breaks', () => {
    const text = 'First paragraph.\nFive fighters were killed.\nNext one.';
    expect(quoteInContext(text, { start: 17, end: 30 })).toEqual({ before: '', quote: 'Five fighters', after: ' were killed.' });
  });

  it('does not split an emoji when there is no space to cut at', () => {
    const text = `${'👍'.repeat(10)}x${'👍'.repeat(10)}`;
    // 'x' is at 20; 5 units before begin at 15, the second half of an emoji.
    const { before, after } = quoteInContext(text, { start: 20, end: 21 }, 5);
    expect(before).toBe('…👍👍');
    expect(after).toBe('👍👍…');
  });
});
