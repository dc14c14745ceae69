import { describe, expect, it } from 'vitest';
import { describeAnnotationChange } from './describe-change';

const base = { id: 3, label: 'figure', note: '', actorId: null, version: 1, updatedAt: 'a' };
const figure = { annotationId: 3, valueMin: 2, valueMax: 2, qualifier: 'exact', vague: false, category: 'strikes', counted: null, place: 'Jurf Al Sakhar', time: null, sourceActorId: null, sourceText: 'two Iraqi security officials' };

describe('describeAnnotationChange', () => {
  it('describes label and note changes and ignores bookkeeping', () => {
    expect(describeAnnotationChange({ ...base, label: 'claim' }, { ...base, label: 'actor', note: 'Anonymous sources', version: 2, updatedAt: 'b' })).toEqual([
      'label: claim → actor',
      'note: — → “Anonymous sources”',
    ]);
  });

  it('describes each corrected figure field', () => {
    const before = { ...base, figure };
    const after = { ...base, figure: { ...figure, category: 'other', valueMax: 3, qualifier: 'range' } };
    expect(describeAnnotationChange(before, after)).toEqual(['figure highest value: 2 → 3', 'figure qualifier: exact → range', 'figure category: strikes → other']);
  });

  it('describes a claim status change and nothing for an unchanged state', () => {
    const claim = { annotationId: 3, status: 'unverified', claimantActorId: null };
    expect(describeAnnotationChange({ ...base, claim }, { ...base, claim: { ...claim, status: 'disputed' } })).toEqual(['claim status: unverified → disputed']);
    expect(describeAnnotationChange({ ...base, figure }, { ...base, figure })).toEqual([]);
  });

  it('shortens a long note', () => {
    const note = 'x'.repeat(100);
    expect(describeAnnotationChange(base, { ...base, note })[0]).toBe(`note: — → “${'x'.repeat(59)}…”`);
  });
});
