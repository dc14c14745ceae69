import { bratFormat } from './brat';
import { claimReviewFormat } from './claimreview';
import { conllFormat } from './conll';
import { csvFormat, figuresCsvFormat } from './csv';
import { doccanoFormat } from './doccano';
import { jsonlFormat } from './jsonl';
import { labelStudioFormat } from './label-studio';
import type { ExportFormat } from './types';
import { w3cFormat } from './w3c';

/** Every export format, in the order the Export page offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  jsonlFormat,
  w3cFormat,
  bratFormat,
  conllFormat,
  doccanoFormat,
  labelStudioFormat,
  csvFormat,
  figuresCsvFormat,
  claimReviewFormat,
];

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.name === name);
}

/** "jsonl", "w3c.jsonl", "brat.zip": the format's name shows unless it is the extension itself. */
export function exportFileSuffix(format: ExportFormat): string {
  return format.name === format.extension ? format.extension : `${format.name}.${format.extension}`;
}
