/*
 * What the comparison logic needs to know about a figure, flattened from the
 * annotation, its figure details and its attribution. Kept free of database
 * types so the rules can be tested and reused without a store.
 */

export type Qualifier = 'exact' | 'at_least' | 'at_most' | 'about' | 'range' | 'vague';

export interface ComparableFigure {
  annotationId: number;
  articleId: number;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  // Categories are an editable list, so any string may arrive here.
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  // Resolved display name: the linked actor's canonical name or the free-text attribution.
  source: string | null;
  quote: string;
}

export type ComparedField = 'value' | 'qualifier' | 'category' | 'counted' | 'place' | 'time' | 'source';

export const COMPARED_FIELDS: readonly ComparedField[] = [
  'value',
  'qualifier',
  'category',
  'counted',
  'place',
  'time',
  'source',
];
