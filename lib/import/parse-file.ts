import { parseBrat, parseBratZip, type BratDocument } from './brat';
import { parseCrosscheckJsonl } from './crosscheck-jsonl';
import { parseDoccano } from './doccano';
import { isDoccanoRecord } from './source';
import { articleFromHtml } from './html';
import type { ExportArticle } from '../export/types';
import type { ImportedArticle, ImportProblem } from './types';
import { markdownToArticle } from '../text/markdown';

export interface ParsedImport {
  articles: (ImportedArticle & { exported?: ExportArticle })[];
  problems: ImportProblem[];
}

export const IMPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.jsonl', '.ndjson', '.zip'] as const;


function decode(bytes: Uint8Array, file: string): { text?: string; problems: ImportProblem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    return { problems: [{ file, line: null, message: 'the file is not UTF-8 text' }] };
  }
}

/**
 * Reads one uploaded or named file by its extension: articles (.txt, .md, .html, JSONL
 * with one article a line) or annotated datasets (Crosscheck JSONL, doccano JSONL, a brat
 * zip). JSONL is told apart by its first record: doccano's carry `label`, `labels` or
 * `entities`; everything else is read as Crosscheck's.
 */
export function parseImportFile(file: string, bytes: Uint8Array): ParsedImport {
  const extension = /\.[^./\\]+$/.exec(file.toLowerCase())?.[0] ?? '';
  if (extension === '.zip') return parseBratZip(bytes, file);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    return { articles: [], problems: [{ file, line: null, message: `“${extension || file}” files cannot be imported: use ${IMPORT_EXTENSIONS.join(', ')}` }] };
  }
  const { text, problems } = decode(bytes, file);
  if (text === undefined) return { articles: [], problems };
  if (extension === '.html' || extension === '.htm') {
    const result = articleFromHtml(text, file);
    return { articles: result.article ? [result.article] : [], problems: result.problems };
  }
  if (extension === '.jsonl' || extension === '.ndjson') {
    return isDoccano(text) ? parseDoccano(text, file) : parseCrosscheckJsonl(text, file);
  }
  if (text.trim() === '') return { articles: [], problems: [{ file, line: null, message: 'the file is empty' }] };
  if (extension === '.md') {
    // Stored as the text a reader sees: no markup, the leading heading as its title.
    const markdown = markdownToArticle(text);
    if (markdown.text.trim() === '') return { articles: [], problems: [{ file, line: null, message: 'the Markdown file has no text besides its title' }] };
    return { articles: [{ text: markdown.text, title: markdown.title, annotations: [], origin: { file, line: null } }], problems: [] };
  }
  return { articles: [{ text, annotations: [], origin: { file, line: null } }], problems: [] };
}

function isDoccano(content: string): boolean {
  const first = content.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && isDoccanoRecord(first);
}

/** A brat collection on disk (the CLI's folder argument): `.txt`/`.ann` pairs by name. */
export function parseBratFolder(files: { name: string; content: string }[]): ParsedImport {
  const byBase = new Map<string, BratDocument & { hasText: boolean }>();
  for (const { name, content } of files) {
    const match = /^(.*)\.(txt|ann)$/.exec(name);
    if (!match) continue;
    const document = byBase.get(match[1]!) ?? { name: match[1]!, txt: '', ann: '', hasText: false };
    if (match[2] === 'txt') Object.assign(document, { txt: content, hasText: true });
    else document.ann = content;
    byBase.set(match[1]!, document);
  }
  return parseBrat(
    [...byBase.values()].map(({ hasText, ...document }) =>
      hasText ? document : { ...document, problem: { file: `${document.name}.ann`, line: null, message: `there is no ${document.name}.txt for this .ann` } },
    ),
  );
}
