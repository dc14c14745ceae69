import { describe, expect, it } from 'vitest';
import { exportAnnotation, exportArticle, TEST_CONTEXT } from './builders.test-helper';
import { annotationRows, CSV_COLUMNS } from './csv';
import { figureSourceName } from './figure-source';
import { jsonlFormat } from './jsonl';
import type { ExportFigure } from './types';
import { describeFigure } from './w3c';
import { collectText, streamOf } from './streams.test-helper';

const inferred: ExportFigure = {
  min: 2,
  max: 2,
  qualifier: 'exact',
  vague: false,
  category: 'strikes',
  counted: 'facilities',
  place: 'Iraq',
  time: null,
  source: null,
  sourceText: 'US Central Command',
  sourceInferred: true,
};

describe('a source the reader inferred from "it said"', () => {
  it('is named "(inferred)"; one a reviewer set is not', () => {
    expect(figureSourceName(inferred)).toBe('US Central Command (inferred)');
    expect(figureSourceName({ ...inferred, sourceInferred: false })).toBe('US Central Command');
    expect(figureSourceName({ ...inferred, sourceText: null })).toBeNull();
  });

  it('is marked in every export that carries the source: JSONL, W3C and CSV', async () => {
    const span = exportAnnotation({ id: 5, label: 'figure', start: 0, end: 14, quote: 'two facilities', figure: inferred });
    const article = exportArticle({ id: 1, text: 'two facilities, it said.', annotations: [span] });
    const jsonl = JSON.parse(await collectText(jsonlFormat.write(streamOf([article]), TEST_CONTEXT))) as { annotations: { figure: ExportFigure }[] };
    expect(jsonl.annotations[0]?.figure.sourceInferred).toBe(true);
    expect(describeFigure(inferred)).toContain('source: US Central Command (inferred)');
    const [row] = annotationRows(article);
    expect(row?.[CSV_COLUMNS.indexOf('figure_source')]).toBe('US Central Command (inferred)');
  });
});
