import { describe, expect, it } from 'vitest';
import { markdownTitle } from './markdown';

describe('markdownTitle', () => {
  it('takes a leading level-one heading', () => {
    expect(markdownTitle('# Briefing on Anbar\n\nOfficials said three sites were hit.')).toBe('Briefing on Anbar');
  });

  it('gives nothing when the first paragraph has no heading', () => {
    expect(markdownTitle('Officials said.\n\n# Later heading')).toBeUndefined();
  });
});
