import { describe, expect, it } from 'vitest';
import { changedFields, rebaseDraft, sameFields } from './drafts';

const stored = { counted: 'fighters', min: '5', place: 'Jurf Al Sakhar' };

describe('changedFields', () => {
  it('lists the fields whose text differs from the stored record', () => {
    expect(changedFields({ ...stored, min: '6' }, stored)).toEqual(['min']);
    expect(changedFields(stored, stored)).toEqual([]);
  });
});

describe('sameFields', () => {
  it('compares every field', () => {
    expect(sameFields(stored, { ...stored })).toBe(true);
    expect(sameFields(stored, { ...stored, place: 'Iraq' })).toBe(false);
  });
});

describe('rebaseDraft', () => {
  it('keeps a field the reviewer edited when something else was saved (a note save, another field)', () => {
    const draft = { ...stored, counted: 'militiamen', min: '7' };
    const afterNoteSave = { ...stored };
    expect(rebaseDraft(draft, stored, afterNoteSave, null)).toEqual(draft);
  });

  it('shows the stored value of fields the reviewer did not touch (an undo, another tab)', () => {
    const draft = { ...stored, min: '7' };
    const undone = { ...stored, place: 'Iraq', min: '4' };
    expect(rebaseDraft(draft, stored, undone, null)).toEqual({ counted: 'fighters', min: '7', place: 'Iraq' });
  });

  it('takes the normalised stored value of what was just saved, and keeps what was typed since', () => {
    const sent = { ...stored, counted: '  militiamen ', min: '1,200' };
    const draft = { ...sent, place: 'Baghdad' };
    const saved = { counted: 'militiamen', min: '1200', place: 'Jurf Al Sakhar' };
    expect(rebaseDraft(draft, stored, saved, sent)).toEqual({ counted: 'militiamen', min: '1200', place: 'Baghdad' });
  });
});
