import { describe, expect, it } from 'vitest';
import { countedLayers } from './counted-layers';

interface Span {
  reviewerId: number;
  username: string;
  start: number;
}

const personOf = (span: Span) => ({ reviewerId: span.reviewerId, username: span.username });

describe('countedLayers', () => {
  it('counts a layer with spans, and a finished layer even when it is empty', () => {
    const spans: Span[] = [
      { reviewerId: 3, username: 'carol', start: 10 },
      { reviewerId: 2, username: 'bob', start: 4 },
      { reviewerId: 3, username: 'carol', start: 20 },
    ];
    const layers = countedLayers(spans, personOf, [{ reviewerId: 5, username: 'eve' }, { reviewerId: 3, username: 'carol' }]);
    expect(layers.map((layer) => [layer.person.username, layer.spans.map((s) => s.start), layer.done])).toEqual([
      ['bob', [4], false],
      ['carol', [10, 20], true],
      ['eve', [], true],
    ]);
  });

  it('leaves out reviewers who neither tagged nor finished: there is nothing to count', () => {
    expect(countedLayers<Span, { reviewerId: number; username: string }>([], personOf, [])).toEqual([]);
  });
});
