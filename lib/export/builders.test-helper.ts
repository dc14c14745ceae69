import type { ExportAnnotation, ExportArticle, ExportAuthor, ExportContext } from './types';

/** Plain building blocks for export tests: neutral defaults, every field overridable. */

export const TEST_CONTEXT: ExportContext = {
  baseUrl: 'http://localhost:3000',
  exportedAt: '2024-06-01T00:00:00.000Z',
  organisation: { name: 'Crosscheck', url: 'http://localhost:3000' },
};
export const ALICE: ExportAuthor = { username: 'alice', name: 'Alice Adams' };
export const CREATED = '2024-05-01T10:00:00.000Z';

export function exportAnnotation(fields: Partial<ExportAnnotation> & Pick<ExportAnnotation, 'id' | 'label' | 'start' | 'end' | 'quote'>): ExportAnnotation {
  return {
    prefix: '',
    suffix: '',
    note: '',
    author: ALICE,
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    actor: null,
    figure: null,
    claim: null,
    ...fields,
  };
}

/** A span of `text` by offsets, its quote read from the text. */
export function spanOf(text: string, fields: Partial<ExportAnnotation> & Pick<ExportAnnotation, 'id' | 'label' | 'start' | 'end'>): ExportAnnotation {
  return exportAnnotation({ quote: text.slice(fields.start, fields.end), ...fields });
}

export function exportArticle(fields: Partial<ExportArticle> & Pick<ExportArticle, 'id' | 'text'>): ExportArticle {
  return {
    title: 'Strike',
    source: 'Wire',
    url: null,
    publishedOn: null,
    wordCount: 0,
    author: ALICE,
    createdAt: CREATED,
    updatedAt: CREATED,
    annotations: [],
    comparisons: [],
    ...fields,
  };
}
