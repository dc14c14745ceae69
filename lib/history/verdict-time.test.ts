import { describe, expect, it } from 'vitest';
import { verdictGivenAt, type HistoryStateRow } from './verdict-time';

const span = { id: 6, label: 'claim', note: '', version: 1 };
const claim = (status: string, extra: Record<string, unknown> = {}) => ({ ...span, claim: { annotationId: 6, status, claimantActorId: null, ...extra } });

function row(at: string, before: unknown, after: unknown): HistoryStateRow {
  return { at, before, after };
}

describe('verdictGivenAt', () => {
  it('is the time the status was last changed, not a later edit of the note', () => {
    const rows = [
      row('2026-11-20T08:00:00.000Z', null, claim('unverified')),
      row('2026-11-21T09:00:00.000Z', claim('unverified'), claim('disputed')),
      row('2026-11-23T10:00:00.000Z', claim('disputed'), { ...claim('disputed'), note: 'Other groups say wounded.' }),
    ];
    expect(verdictGivenAt(rows)).toBe('2026-11-21T09:00:00.000Z');
  });

  it('follows a verdict changed twice', () => {
    const rows = [
      row('2026-11-20T08:00:00.000Z', null, claim('unverified')),
      row('2026-11-21T09:00:00.000Z', claim('unverified'), claim('disputed')),
      row('2026-11-22T09:00:00.000Z', claim('disputed'), claim('false')),
    ];
    expect(verdictGivenAt(rows)).toBe('2026-11-22T09:00:00.000Z');
  });

  it('counts a claim created already rated (a gold copy accepted from a reviewer) from its creation', () => {
    expect(verdictGivenAt([row('2026-11-24T12:00:00.000Z', null, { ...claim('false'), acceptedFrom: { annotationId: 3 } })])).toBe('2026-11-24T12:00:00.000Z');
  });

  it('does not give the verdict again when the annotation is deleted and restored', () => {
    const rows = [
      row('2026-11-20T08:00:00.000Z', null, claim('misleading')),
      row('2026-11-21T08:00:00.000Z', claim('misleading'), null),
      row('2026-11-22T08:00:00.000Z', null, claim('misleading')),
    ];
    expect(verdictGivenAt(rows)).toBe('2026-11-20T08:00:00.000Z');
  });

  it('gives the verdict when a span is relabelled as a rated claim', () => {
    const rows = [
      row('2026-11-20T08:00:00.000Z', null, { ...span, label: 'figure', claim: null }),
      row('2026-11-21T08:00:00.000Z', { ...span, label: 'figure', claim: null }, claim('supported')),
    ];
    expect(verdictGivenAt(rows)).toBe('2026-11-21T08:00:00.000Z');
  });

  it('keeps the time an imported verdict was given elsewhere', () => {
    const imported = { ...claim('disputed', { ratedAt: '2026-10-01T07:00:00.000Z' }), importedFrom: 'library.jsonl' };
    expect(verdictGivenAt([row('2026-11-25T00:00:00.000Z', null, imported)])).toBe('2026-10-01T07:00:00.000Z');
  });

  it('is null when the history never records the status', () => {
    expect(verdictGivenAt([])).toBeNull();
    expect(verdictGivenAt([row('2026-11-25T00:00:00.000Z', null, { ...span, importedFrom: 'notes.txt' })])).toBeNull();
  });
});
