import { CrosscheckJsonlReader } from './crosscheck-jsonl';
import { parseDoccano } from './doccano';
import { NotUtf8Error, readLines } from './lines';
import type { ParsedImport } from './parse-file';
import type { ImportProblem } from './types';

export type SourceArticle = ParsedImport['articles'][number];

/**
 * One file's articles as the importer reads them: twice, once to check every article and
 * once to write them, so that a file with any problem writes nothing without the whole
 * file, or all its parsed articles, ever being held in memory.
 */
export interface ArticleSource {
  /** A fresh pass over the file, from its first article. */
  pass(): ArticlePass;
}

export interface ArticlePass {
  articles: AsyncIterable<SourceArticle>;
  /** The parser's problems in this pass: complete once `articles` is exhausted. */
  problems(): ImportProblem[];
  /** How far through the file this pass is, 0–1; null when it cannot tell. */
  fraction(): number | null;
}

/** A file already parsed whole (every format but JSONL, and callers that have the articles). */
export function parsedSource(parsed: ParsedImport): ArticleSource {
  return {
    pass: () => {
      let done = 0;
      return {
        articles: (async function* () {
          for (const article of parsed.articles) {
            done += 1;
            yield article;
          }
        })(),
        problems: () => parsed.problems,
        fraction: () => (parsed.articles.length === 0 ? 1 : done / parsed.articles.length),
      };
    },
  };
}

/**
 * A JSONL file read line by line as it streams in: Crosscheck JSONL and bulk articles
 * parsed a line at a time; doccano JSONL (told apart by its first record, as parse-file.ts
 * does) is still read whole, since its parser takes the file at once.
 */
export function jsonlSource(file: string, size: number, open: () => AsyncIterable<Uint8Array>): ArticleSource {
  return {
    pass: () => {
      const problems: ImportProblem[] = [];
      let finished: ImportProblem[] | null = null;
      let bytesRead = 0;
      async function* articles(): AsyncGenerator<SourceArticle> {
        const reader = new CrosscheckJsonlReader(file);
        let doccano: string[] | null = null;
        let first = true;
        try {
          for await (const line of readLines(open())) {
            bytesRead = line.bytesRead;
            if (first && line.text.trim() !== '') {
              first = false;
              if (isDoccanoRecord(line.text)) doccano = [];
            }
            if (doccano) {
              doccano.push(line.text);
              continue;
            }
            const article = reader.read(line.text, line.line);
            if (article) yield article;
          }
        } catch (error) {
          if (!(error instanceof NotUtf8Error)) throw error;
          problems.push({ file, line: null, message: error.message });
          finished = problems;
          return;
        }
        if (doccano) {
          const parsed = parseDoccano(doccano.join('\n'), file);
          doccano = null;
          finished = [...problems, ...parsed.problems];
          yield* parsed.articles;
          return;
        }
        finished = [...problems, ...reader.finish()];
      }
      return {
        articles: articles(),
        problems: () => finished ?? problems,
        fraction: () => (size > 0 ? Math.min(1, bytesRead / size) : null),
      };
    },
  };
}

/** doccano's records carry `label`, `labels` or `entities`; everything else is Crosscheck's. */
export function isDoccanoRecord(line: string): boolean {
  try {
    const record: unknown = JSON.parse(line);
    return typeof record === 'object' && record !== null && ('label' in record || 'labels' in record || 'entities' in record);
  } catch {
    return false;
  }
}
