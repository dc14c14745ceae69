import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bratDocumentsFromZip, parseBrat, parseBratZip, type BratDocument } from './brat';

const EMOJI_TXT = '👍🏽 Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';

// Code point offsets: the emoji is two code points, four UTF-16 units.
const EMOJI_ANN = [
  'T1\tActor 3 19\tKataib Hezbollah',
  'T2\tFigure 25 57\tfive of its fighters were killed',
  'A1\tCategory T2 killed_people',
  'A2\tQualifier T2 exact',
  '#1\tAnnotatorNotes T2\tvalue: 5; counted: fighters',
  'T3\tclaim 3 75\tKataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar',
  'A3\tStatus T3 disputed',
  'R1\tSource Arg1:T3 Arg2:T1',
  '*\tAlias T1 T1',
  'E1\tAttack:T1',
  'N1\tReference T1 Wikidata:Q1\tKataib Hezbollah',
  'A4\tNegation T1',
  '',
].join('\n');

const CRLF_TXT = 'date 2023-11-22 Strikes in Iraq\r\nFive fighters were killed.\r\nTwo were wounded.\r\n';

function one(doc: Partial<BratDocument> & { txt: string; ann: string }) {
  return parseBrat([{ name: 'corpus/article', ...doc }]);
}

describe('parseBrat', () => {
  it('converts code points to UTF-16: an emoji before a span shifts it by 2', () => {
    const result = one({ txt: EMOJI_TXT, ann: EMOJI_ANN });
    expect(result.problems).toEqual([]);
    expect(result.articles).toHaveLength(1);
    const article = result.articles[0]!;
    expect(article.title).toBe('article');
    expect(article.text).toBe(EMOJI_TXT);
    expect(article.origin).toEqual({ file: 'corpus/article.txt', line: null });
    expect(article.annotations).toEqual([
      {
        label: 'claim',
        start: 5,
        end: 77,
        quote: 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar',
        note: '',
        claim: { status: 'disputed' },
      },
      { label: 'actor', start: 5, end: 21, quote: 'Kataib Hezbollah', note: '' },
      {
        label: 'figure',
        start: 27,
        end: 59,
        quote: 'five of its fighters were killed',
        note: 'value: 5; counted: fighters',
        figure: { category: 'killed people', qualifier: 'exact' },
      },
    ]);
  });

  it('maps a CRLF text: the quotes still say the right words, and the date line gives the date', () => {
    const ann = [
      'T1\tFigure 33 46\tFive fighters',
      'T2\tClaim 61 78\tTwo were wounded.',
      'T3\tClaim 52 64\tkilled.  Two',
      'T4\tActor 16 31\tStrikes in Iraq',
    ].join('\r\n');
    const result = one({ txt: CRLF_TXT, ann });
    expect(result.problems).toEqual([]);
    const article = result.articles[0]!;
    expect(article.text).toBe('Strikes in Iraq\nFive fighters were killed.\nTwo were wounded.');
    expect(article.publishedOn).toBe('2023-11-22');
    expect(article.annotations.map(({ label, start, end, quote }) => ({ label, start, end, quote }))).toEqual([
      { label: 'actor', start: 0, end: 15, quote: 'Strikes in Iraq' },
      { label: 'figure', start: 16, end: 29, quote: 'Five fighters' },
      { label: 'claim', start: 35, end: 46, quote: 'killed.\nTwo' },
      { label: 'claim', start: 43, end: 60, quote: 'Two were wounded.' },
    ]);
    for (const a of article.annotations) expect(article.text.slice(a.start, a.end)).toBe(a.quote);
  });

  it('accepts a span across a line break written with one space for the CRLF', () => {
    const result = one({ txt: CRLF_TXT, ann: 'T1\tClaim 52 64\tkilled. Two' });
    expect(result.problems).toEqual([]);
    expect(result.articles[0]!.annotations[0]!.quote).toBe('killed.\nTwo');
  });

  it('joins discontinuous fragments into one span from the first start to the last end', () => {
    const result = one({ txt: EMOJI_TXT, ann: 'T1\tFigure 25 29;54 57\tfive led' });
    expect(result.problems).toEqual([]);
    expect(result.articles[0]!.annotations).toEqual([
      { label: 'figure', start: 27, end: 59, quote: 'five of its fighters were killed', note: '' },
    ]);
  });

  it('keeps the BOM as a character of the .txt, as brat counts it', () => {
    const result = one({ txt: '\uFEFFFive fighters were killed.', ann: 'T1\tFigure 1 14\tFive fighters' });
    expect(result.problems).toEqual([]);
    expect(result.articles[0]!.annotations[0]).toMatchObject({ start: 0, end: 13, quote: 'Five fighters' });
  });

  it('accepts a document nobody annotated', () => {
    const result = one({ txt: 'Five fighters were killed.', ann: '' });
    expect(result.problems).toEqual([]);
    expect(result.articles[0]!.annotations).toEqual([]);
  });

  it('reports every malformed line with its number and reason, and imports nothing from the document', () => {
    const ann = [
      'T1\tPerson 3 19\tKataib Hezbollah',
      'T2\tActor 3 19\tKataib Hezbolla',
      'T3\tFigure 70 90\tout of range',
      'T4\tFigure 19 19\t',
      'garbage without a tab',
      'T5\tClaim 3\tKataib',
      'A1\tCategory',
      'A2\tCategory T9 killed',
      'T6\tClaim 3 19\tKataib Hezbollah',
      'A3\tCategory T6 killed',
      'A4\tQualifier T7 roughly',
      'T7\tFigure 25 29\tfive',
      'A5\tStatus T6 maybe',
      'T6\tActor 3 19\tKataib Hezbollah',
      '#1\tAnnotatorNotes T6',
      'X1\tsomething else',
      'A6\tStatus T1 disputed',
      'T8\tActor 2 3\t ',
    ].join('\n');
    const result = one({ txt: EMOJI_TXT, ann });
    expect(result.articles).toEqual([]);
    const file = 'corpus/article.ann';
    expect(result.problems).toEqual([
      { file, line: 1, message: 'T1: unknown label “Person” (expected claim, actor or figure)' },
      { file, line: 2, message: 'T2: quote “Kataib Hezbolla” does not match the text at 3–19, which says “Kataib Hezbollah”' },
      { file, line: 3, message: 'T3: offsets 70–90 are outside the text (76 characters)' },
      { file, line: 4, message: 'T4: offsets 19–19 do not make a span (the start must be before the end)' },
      { file, line: 5, message: '“garbage without a tab” is not a brat annotation line (an id, a tab, then the annotation)' },
      { file, line: 6, message: 'T5: expected “Type start end<TAB>text”, found “Claim 3\\tKataib”' },
      { file, line: 7, message: 'A1: expected “Name target [value]”, found “Category”' },
      { file, line: 14, message: 'T6 is defined twice' },
      { file, line: 15, message: '#1: expected “AnnotatorNotes target<TAB>note”, found “AnnotatorNotes T6”' },
      { file, line: 16, message: '“X1\\tsomething else” is not a brat annotation line (ids start with T, A, M, R, E, N, * or #)' },
      { file, line: 18, message: 'T8: the span contains only white space' },
      { file, line: 8, message: 'A2 refers to T9, which is not in this file' },
      { file, line: 10, message: 'A3: Category applies to figures, but T6 is a claim' },
      {
        file,
        line: 11,
        message: 'A4: unknown qualifier “roughly” (expected one of exact, at_least, at_most, about, range, vague)',
      },
      {
        file,
        line: 13,
        message: 'A5: unknown status “maybe” (expected one of unverified, supported, disputed, false, misleading)',
      },
    ]);
  });

  it('refuses a span that ends on the \\r of a CRLF, which the import removes', () => {
    const result = one({ txt: CRLF_TXT, ann: 'T1\tClaim 70 79\twounded.\r' });
    expect(result.problems).toEqual([
      {
        file: 'corpus/article.ann',
        line: 1,
        message: 'T1: quote “wounded.” does not match the text at 70–79, which says “wounded.\\r”',
      },
    ]);
    // With the quote written as brat would (the \r as a space), the mapping is what refuses it.
    const spaced = one({ txt: CRLF_TXT, ann: 'T1\tClaim 70 79\twounded. ' });
    expect(spaced.problems).toEqual([
      {
        file: 'corpus/article.ann',
        line: 1,
        message: 'T1: the span ends on a carriage return (\\r), which is removed when the text is imported',
      },
    ]);
  });

  it('refuses an empty text', () => {
    expect(one({ txt: ' \r\n', ann: '' }).problems).toEqual([
      { file: 'corpus/article.txt', line: null, message: 'the text is empty' },
    ]);
  });

  it('reports a problem a zip reader attached to a document', () => {
    const problem = { file: 'x.ann', line: null, message: 'has no matching text file x.txt beside it' };
    expect(parseBrat([{ name: 'x', txt: '', ann: '', problem }])).toEqual({ articles: [], problems: [problem] });
  });
});

describe('bratDocumentsFromZip', () => {
  const zip = () =>
    zipSync({
      'corpus/a.txt': strToU8('\uFEFFFive fighters were killed.\r\n'),
      'corpus/a.ann': strToU8('T1\tFigure 1 14\tFive fighters\nA1\tCategory T1 killed_people\n'),
      'corpus/annotation.conf': strToU8('[entities]\nClaim\nActor\nFigure\n'),
      'corpus/visual.conf': strToU8('[labels]\n'),
      'corpus/': new Uint8Array(0),
      '__MACOSX/corpus/._a.txt': new Uint8Array([0, 5, 22, 7]),
      'b.txt': strToU8('An article nobody has annotated.'),
      'readme.md': strToU8('# not a document'),
    });

  it('pairs .txt and .ann by path in any folder, ignoring configuration and resource forks', () => {
    expect(bratDocumentsFromZip(zip(), 'corpus.zip')).toEqual([
      { name: 'b', txt: 'An article nobody has annotated.', ann: '' },
      {
        name: 'corpus/a',
        txt: '\uFEFFFive fighters were killed.\r\n',
        ann: 'T1\tFigure 1 14\tFive fighters\nA1\tCategory T1 killed_people\n',
      },
    ]);
  });

  it('imports a zip round: build, unzip, parse', () => {
    const result = parseBratZip(zip(), 'corpus.zip');
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => ({ title: a.title, text: a.text, annotations: a.annotations }))).toEqual([
      { title: 'b', text: 'An article nobody has annotated.', annotations: [] },
      {
        title: 'a',
        text: 'Five fighters were killed.',
        annotations: [
          { label: 'figure', start: 0, end: 13, quote: 'Five fighters', note: '', figure: { category: 'killed people' } },
        ],
      },
    ]);
  });

  it('reports a .ann without its .txt, and refuses the archive', () => {
    const bytes = zipSync({
      'a.txt': strToU8('Five fighters.'),
      'a.ann': strToU8(''),
      'other/c.ann': strToU8('T1\tFigure 0 4\tFive'),
      'c.txt': strToU8('Five fighters.'),
    });
    const result = parseBratZip(bytes, 'corpus.zip');
    expect(result.problems).toEqual([
      { file: 'other/c.ann', line: null, message: 'has no matching text file c.txt beside it' },
    ]);
  });

  it('reports text that is not UTF-8', () => {
    const bytes = zipSync({ 'a.txt': new Uint8Array([0x46, 0xff, 0x46]), 'a.ann': strToU8('') });
    expect(parseBratZip(bytes, 'corpus.zip').problems).toEqual([{ file: 'a.txt', line: null, message: 'is not UTF-8 text' }]);
  });

  it('reports an archive that is not a zip, and one without documents', () => {
    const broken = parseBratZip(strToU8('not a zip at all'), 'corpus.zip');
    expect(broken.articles).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ file: 'corpus.zip', line: null });
    expect(broken.problems[0]!.message).toMatch(/^not a readable zip archive \(.+\)$/);

    expect(parseBratZip(zipSync({ 'annotation.conf': strToU8('') }), 'corpus.zip').problems).toEqual([
      { file: 'corpus.zip', line: null, message: 'the archive holds no brat documents (.txt and .ann files)' },
    ]);
  });
});
