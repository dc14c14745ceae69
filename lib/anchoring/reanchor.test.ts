import { describe, expect, it } from 'vitest';
import { describeSpan, type TextAnchor } from './anchor';
import { reanchor } from './reanchor';

const FIRST = 'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.';
const SECOND = 'US aircraft struck two Kataib Hezbollah operations centres in Jurf Al Sakhar, south of Baghdad, two Iraqi security officials told The National.';
const THIRD = 'In a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const FOURTH = 'Other militia groups said on their social media channels that five fighters were wounded.';
const ARTICLE = [FIRST, SECOND, THIRD, FOURTH].join('\n\n');

function anchorOf(text: string, quote: string, occurrence = 0): TextAnchor {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture: “${quote}” not in the text`);
  return describeSpan(text, start, start + quote.length);
}

function placedQuote(text: string, anchor: TextAnchor, previous = ARTICLE) {
  const placement = reanchor(text, anchor, previous.length);
  return placement.kind === 'orphan' ? placement : { kind: placement.kind, quote: text.slice(placement.start, placement.end) };
}

describe('reanchor', () => {
  it('finds an unchanged text at the same offsets', () => {
    const anchor = anchorOf(ARTICLE, 'five of its fighters were killed');
    expect(reanchor(ARTICLE, anchor, ARTICLE.length)).toEqual({ kind: 'exact', start: anchor.start, end: anchor.end });
  });

  it('follows a span moved by a sentence inserted before it', () => {
    const inserted = 'A new paragraph was added by the editors at 14:00 with fresh details.\n\n';
    const edited = ARTICLE.replace(THIRD, inserted + THIRD);
    const anchor = anchorOf(ARTICLE, 'five of its fighters were killed');
    const placement = reanchor(edited, anchor, ARTICLE.length);
    expect(placement).toEqual({ kind: 'exact', start: anchor.start + inserted.length, end: anchor.end + inserted.length });
  });

  it('places an edited quote approximately and says what the new text reads', () => {
    const edited = ARTICLE.replace('five of its fighters were killed', 'six of its fighters were killed');
    const anchor = anchorOf(ARTICLE, 'five of its fighters were killed');
    const placement = reanchor(edited, anchor, ARTICLE.length);
    expect(placement.kind).toBe('fuzzy');
    if (placement.kind !== 'fuzzy') return;
    expect(placement.quote).toContain('six of its fighters were killed');
    expect(placement.errors).toBeGreaterThan(0);
  });

  it('keeps an edit after the span from disturbing it', () => {
    const edited = ARTICLE.replace('in Jurf Al Sakhar.', 'in Jurf Al Sakhar, south of Baghdad, on Tuesday night.');
    const anchor = anchorOf(ARTICLE, 'Kataib Hezbollah said');
    expect(placedQuote(edited, anchor)).toEqual({ kind: 'exact', quote: 'Kataib Hezbollah said' });
  });

  it('tells repeated short quotes apart by their surroundings', () => {
    // "Jurf Al Sakhar" appears twice; the second mention is the one tagged.
    const anchor = anchorOf(ARTICLE, 'Jurf Al Sakhar', 1);
    const edited = 'Breaking.\n\n' + ARTICLE;
    const placement = reanchor(edited, anchor, ARTICLE.length);
    expect(placement).toEqual({ kind: 'exact', start: anchor.start + 'Breaking.\n\n'.length, end: anchor.end + 'Breaking.\n\n'.length });
  });

  it('makes an orphan of a span whose sentence was deleted, even when its words appear elsewhere', () => {
    const edited = ARTICLE.replace(`${FOURTH}`, '').trimEnd();
    expect(placedQuote(edited, anchorOf(ARTICLE, 'five fighters were wounded'))).toEqual({ kind: 'orphan' });
    // "Kataib Hezbollah" still appears in the second sentence, but the tagged mention went with the third.
    const withoutThird = ARTICLE.replace(`${THIRD}\n\n`, '');
    expect(placedQuote(withoutThird, anchorOf(ARTICLE, 'Kataib Hezbollah', 1))).toEqual({ kind: 'orphan' });
  });

  it('makes an orphan of an empty quote and never splits an emoji', () => {
    expect(reanchor(ARTICLE, { start: 0, end: 0, quote: '', prefix: '', suffix: '' }, ARTICLE.length)).toEqual({ kind: 'orphan' });
    const before = 'Officials 🚑 said twelve people were killed on Monday near the border crossing.';
    const after = 'Officials 🚒 said twelve people were killed on Monday near the border crossing.';
    const placement = reanchor(after, anchorOf(before, '🚑 said twelve people were killed'), before.length);
    expect(placement.kind).toBe('fuzzy');
    if (placement.kind !== 'fuzzy') return;
    expect(placement.quote.startsWith('🚒')).toBe(true);
  });

  it('places a one-word figure whose number changed by the text around it', () => {
    const edited = ARTICLE.replace('said five of its fighters', 'said six of its fighters');
    expect(placedQuote(edited, anchorOf(ARTICLE, 'five', 1))).toEqual({ kind: 'fuzzy', quote: 'six' });
  });

  it('keeps a short span orphaned when its surroundings went with it', () => {
    const withoutThird = ARTICLE.replace(`${THIRD}\n\n`, '');
    expect(placedQuote(withoutThird, anchorOf(ARTICLE, 'five', 1))).toEqual({ kind: 'orphan' });
  });
});
