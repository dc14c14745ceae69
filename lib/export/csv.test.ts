import { describe, expect, it } from 'vitest';
import { csvFormat, csvValueText, figuresCsvFormat, FIGURE_SLOTS } from './csv';
import { ALICE, CREATED, exportAnnotation, exportArticle, TEST_CONTEXT } from './builders.test-helper';
import { collectText, streamOf } from './streams.test-helper';
import type {
  ExportArticle,
  ExportComparedFigure,
  ExportComparison,
  ExportFigure,
} from './types';

const context = TEST_CONTEXT;
const bob = { username: 'bob', name: 'Bob Brown' };
const UPDATED = '2024-05-02T09:30:00.000Z';

function figure(fields: Partial<ExportFigure> = {}): ExportFigure {
  return {
    min: 5,
    max: 5,
    qualifier: 'exact',
    vague: false,
    category: 'killed',
    counted: null,
    place: null,
    time: null,
    source: null,
    sourceText: null,
    sourceInferred: false,
    ...fields,
  };
}



const annotation = exportAnnotation;

function article(fields: Partial<ExportArticle> & Pick<ExportArticle, 'id'>): ExportArticle {
  return exportArticle({ title: 'Strike, "north"', text: '-5 dead\n+3 hurt\n\tTabbed', wordCount: 5, ...fields });
}

async function output(format: typeof csvFormat, articles: Iterable<ExportArticle>): Promise<string> {
  return collectText(format.write(streamOf(articles), context));
}

const CSV_HEADER =
  'article_id,article_title,annotation_id,label,start,end,quote,note,author,created_at,updated_at,' +
  'figure_min,figure_max,figure_qualifier,figure_category,figure_counted,figure_place,figure_time,figure_source,' +
  'claim_status,claim_claimant,actor\n';

const police = { name: 'Police', kind: 'government_body' as const, aliases: [] };

const hostile = article({
  id: 3,
  annotations: [
    annotation({
      id: 11,
      label: 'figure',
      start: 0,
      end: 7,
      quote: '-5 dead',
      note: '=HYPERLINK("http://x")',
      updatedAt: UPDATED,
      figure: figure({ place: 'Mosul', time: 'Tuesday', source: police, sourceText: 'police' }),
    }),
    annotation({
      id: 12,
      label: 'claim',
      start: 8,
      end: 15,
      quote: '+3 hurt',
      note: 'line one\nline two',
      author: bob,
      claim: { status: 'disputed', claimant: { name: '@cmd', kind: 'person', aliases: [] }, ratedAt: null },
    }),
    annotation({
      id: 13,
      label: 'actor',
      start: 16,
      end: 23,
      quote: '\tTabbed',
      note: '\rreturn',
      actor: { name: 'Kataib Hezbollah', kind: 'armed_group', aliases: ['KH'] },
    }),
  ],
});

describe('csvFormat', () => {
  it('describes a CSV download', () => {
    expect(csvFormat.name).toBe('csv');
    expect(csvFormat.extension).toBe('csv');
    expect(csvFormat.contentType).toBe('text/csv; charset=utf-8');
  });

  it('writes only the header for no articles', async () => {
    expect(await output(csvFormat, [])).toBe(CSV_HEADER);
  });

  it('writes a row per annotation, neutralising formulas and quoting commas, quotes and newlines', async () => {
    expect(await output(csvFormat, [hostile])).toBe(
      CSV_HEADER +
        `3,"Strike, ""north""",11,figure,0,7,'-5 dead,"'=HYPERLINK(""http://x"")",alice,${CREATED},${UPDATED},` +
        '5,5,exact,killed,,Mosul,Tuesday,Police,,,\n' +
        `3,"Strike, ""north""",12,claim,8,15,'+3 hurt,"line one\nline two",bob,${CREATED},${CREATED},` +
        ",,,,,,,,disputed,'@cmd,\n" +
        `3,"Strike, ""north""",13,actor,16,23,'\tTabbed,"'\rreturn",alice,${CREATED},${CREATED},` +
        ',,,,,,,,,,Kataib Hezbollah\n',
    );
  });

  it('keeps negative numbers as numbers and falls back to the written attribution', async () => {
    const odd = article({
      id: 4,
      title: 'Plain',
      annotations: [
        annotation({
          id: 21,
          label: 'figure',
          start: 0,
          end: 2,
          quote: '-5',
          figure: figure({ min: -5, max: -2, qualifier: 'range', sourceText: 'two officials' }),
        }),
      ],
    });
    expect(await output(csvFormat, [odd])).toBe(
      CSV_HEADER + `4,Plain,21,figure,0,2,'-5,,alice,${CREATED},${CREATED},-5,-2,range,killed,,,,two officials,,,\n`,
    );
  });

  it('writes one chunk per article with annotations and reads articles one at a time', async () => {
    const pulled: number[] = [];
    async function* articles(): AsyncGenerator<ExportArticle> {
      for (const a of [hostile, article({ id: 9 }), { ...hostile, id: 10 }]) {
        pulled.push(a.id);
        yield a;
      }
    }
    const chunks = csvFormat.write(articles(), context)[Symbol.asyncIterator]();
    expect((await chunks.next()).value).toBe(CSV_HEADER);
    expect((await chunks.next()).value).toMatch(/^3,/);
    expect(pulled).toEqual([3]);
    // Article 9 has no annotations, so no chunk of its own.
    expect((await chunks.next()).value).toMatch(/^10,/);
    expect(pulled).toEqual([3, 9, 10]);
    expect((await chunks.next()).done).toBe(true);
  });
});

describe('csvValueText (plain numbers)', () => {
  it.each<[string, Partial<ExportFigure>, string]>([
    ['exact', { min: 5, max: 5, qualifier: 'exact' }, '5'],
    ['at least', { min: 5, max: null, qualifier: 'at_least' }, 'at least 5'],
    ['at most', { min: null, max: 5, qualifier: 'at_most' }, 'up to 5'],
    ['about', { min: 5, max: 5, qualifier: 'about' }, 'about 5'],
    ['range', { min: 3, max: 5, qualifier: 'range' }, '3–5'],
    ['range given the wrong way round', { min: 5, max: 3, qualifier: 'range' }, '3–5'],
    ['about a range', { min: 30, max: 40, qualifier: 'about' }, 'about 30–40'],
    ['vague with a lower bound', { min: 2000, max: null, qualifier: 'vague', vague: true }, '≥ 2000 (vague)'],
    ['vague without a bound', { min: null, max: null, qualifier: 'vague', vague: true }, 'vague'],
    [
      'vague words under another qualifier',
      { min: 24, max: null, qualifier: 'at_least', vague: true },
      'at least 24 (vague)',
    ],
    ['no number', { min: null, max: null, qualifier: 'exact' }, ''],
    ['a fraction', { min: 2.5, max: 2.5, qualifier: 'exact' }, '2.5'],
  ])('%s', (_, fields, text) => {
    expect(csvValueText(figure(fields))).toBe(text);
  });
});

function compared(articleId: number, annotationId: number, quote: string, f: ExportFigure): ExportComparedFigure {
  return { articleId, annotationId, quote, figure: f };
}

function comparison(fields: Partial<ExportComparison> & Pick<ExportComparison, 'id' | 'figures'>): ExportComparison {
  return {
    title: 'Mosul toll',
    status: 'open',
    resolutionNote: '',
    event: 'Mosul strike',
    author: ALICE,
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

const FIGURE_FIELDS = ['article_id', 'annotation_id', 'value', 'category', 'qualifier', 'counted', 'source', 'quote'];
const FIGURES_HEADER = [
  'comparison_id,title,status,event,resolution_note,figure_count',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => FIGURE_FIELDS.map((field) => `figure_${i}_${field}`).join(',')),
  'more_figures',
].join(',');

const toll = comparison({
  id: 5,
  figures: [
    compared(3, 11, '-5 dead', figure({ place: 'Mosul', source: police, sourceText: 'police' })),
    compared(
      4,
      21,
      'at least 7',
      figure({ min: 7, max: null, qualifier: 'at_least', counted: 'civilians', sourceText: 'two officials' }),
    ),
  ],
});

const big = comparison({
  id: 6,
  title: 'Big',
  status: 'resolved',
  event: null,
  resolutionNote: 'Sources agree, roughly',
  figures: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => compared(3, 100 + i, `${i} dead`, figure({ min: i, max: i }))),
});

describe('figuresCsvFormat', () => {
  it('describes a CSV download', () => {
    expect(figuresCsvFormat.name).toBe('figures-csv');
    expect(figuresCsvFormat.extension).toBe('csv');
    expect(figuresCsvFormat.contentType).toBe('text/csv; charset=utf-8');
  });

  it(`writes a header with ${FIGURE_SLOTS} figure column groups and more_figures`, async () => {
    expect(FIGURE_SLOTS).toBe(8);
    expect(await output(figuresCsvFormat, [])).toBe(`${FIGURES_HEADER}\n`);
    expect(FIGURES_HEADER.split(',')).toHaveLength(6 + 8 * 8 + 1);
  });

  it('writes a comparison once, with its figures side by side, however many articles hold it', async () => {
    const first = article({ id: 3, comparisons: [toll] });
    const second = article({ id: 4, comparisons: [toll] });
    expect(await output(figuresCsvFormat, [first, second])).toBe(
      `${FIGURES_HEADER}\n` +
        "5,Mosul toll,open,Mosul strike,,2,3,11,5,killed,exact,,Police,'-5 dead," +
        '4,21,at least 7,killed,at_least,civilians,two officials,at least 7' +
        ','.repeat(6 * 8 + 1) +
        '\n',
    );
  });

  it('puts figures beyond the last slot in more_figures as JSON', async () => {
    const slots = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `3,${100 + i},${i},killed,exact,,,${i} dead`).join(',');
    expect(await output(figuresCsvFormat, [article({ id: 3, comparisons: [big] })])).toBe(
      `${FIGURES_HEADER}\n` +
        `6,Big,resolved,,"Sources agree, roughly",10,${slots},` +
        '"[{""article_id"":3,""annotation_id"":109,""value"":""9"",""category"":""killed"",""qualifier"":""exact"",' +
        '""counted"":null,""source"":null,""quote"":""9 dead""},' +
        '{""article_id"":3,""annotation_id"":110,""value"":""10"",""category"":""killed"",""qualifier"":""exact"",' +
        '""counted"":null,""source"":null,""quote"":""10 dead""}]"\n',
    );
  });

  it('neutralises formulas in comparison text', async () => {
    const sneaky = comparison({ id: 7, title: '@SUM(A1)', resolutionNote: '-1+1', event: '=1', figures: [] });
    expect(await output(figuresCsvFormat, [article({ id: 3, comparisons: [sneaky] })])).toBe(
      `${FIGURES_HEADER}\n7,'@SUM(A1),open,'=1,'-1+1,0${','.repeat(8 * 8 + 1)}\n`,
    );
  });

  it('keeps the comparisons of one article together and in order', async () => {
    const articles = [article({ id: 3, comparisons: [big, toll] }), article({ id: 4, comparisons: [toll] })];
    const rows = (await output(figuresCsvFormat, articles))
      .split('\n')
      .slice(1)
      .filter((row) => row !== '')
      .map((row) => row.split(',')[0]);
    expect(rows).toEqual(['6', '5']);
  });
});
