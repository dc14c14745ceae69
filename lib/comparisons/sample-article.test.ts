import { describe, it, expect } from 'vitest';
import { readFigure } from '../figures/read-figure';
import { suggestComparisons } from './suggest';
import type { ComparableFigure } from './types';

/*
 * The sample article (samples/us-strikes-iraq-2023-11-22.txt, also in the shared articles),
 * its figure paragraphs as stored, read by the figure reader the way a reviewer's tags are,
 * then suggested: what a reviewer sees in the panel for this article.
 */
const TEXT = [
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.',
  'US aircraft struck two Kataib Hezbollah operations centres in Jurf Al Sakhar, south of Baghdad, and in Anbar province west of Baghdad, two Iraqi security officials told The National. There were casualties, they confirmed, but said further details were yet to emerge.',
  'In a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar. Other militia groups said on their social media channels that five fighters were wounded.',
  'Late on Monday, US forces were attacked at an airbase west of Baghdad and a US military AC-130 aircraft responded a few hours later, killing one Iran-backed militant linked to Kataib Hezbollah.',
].join('\n\n');

const TAGGED = [
  'At least five Shiite militiamen',
  'two Kataib Hezbollah operations centres',
  'five of its fighters were killed',
  'five fighters were wounded',
  'one Iran-backed militant',
];

function tagged(quote: string, annotationId: number): ComparableFigure {
  const start = TEXT.indexOf(quote);
  const reading = readFigure(TEXT, { start, end: start + quote.length });
  return {
    annotationId,
    articleId: 1,
    min: reading.min,
    max: reading.max,
    qualifier: reading.qualifier,
    category: reading.category,
    counted: reading.counted,
    place: reading.place?.text ?? null,
    time: reading.time?.text ?? null,
    source: reading.source?.text ?? null,
    quote,
  };
}

const FIGURES = TAGGED.map((quote, i) => tagged(quote, i + 1));
const NO_HISTORY = { dismissed: new Set<string>(), existing: [] };

describe('suggestions on the sample article', () => {
  it('reads the militant as killed late on Monday, and the militiamen early on Wednesday', () => {
    expect(FIGURES[4]).toMatchObject({ category: 'killed', time: 'Late on Monday' });
    expect(FIGURES[0]).toMatchObject({ category: 'killed', time: 'early on Wednesday', place: 'Iraq' });
  });

  it('groups the Jurf Al Sakhar casualties without the militant killed on Monday or the strikes', () => {
    const suggestions = suggestComparisons(FIGURES, NO_HISTORY);
    expect(suggestions.map((s) => s.annotationIds)).toEqual([[1, 3, 4]]);
  });

  it('keeps the militant apart once a reviewer gives the airbase as its place', () => {
    const placed = FIGURES.map((f) => (f.annotationId === 5 ? { ...f, place: 'an airbase west of Baghdad', time: null } : f));
    expect(suggestComparisons(placed, NO_HISTORY).map((s) => s.annotationIds)).toEqual([[1, 3, 4]]);
  });

  it('offers a human title, not a sentence about the data', () => {
    const [suggestion] = suggestComparisons(FIGURES, NO_HISTORY);
    expect(suggestion?.title).toBe('Fighters killed or wounded, Jurf Al Sakhar');
  });
});
