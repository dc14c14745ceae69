import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../db/access';
import type { Database } from '../db/database';
import { importSource, type ImportOptions, type ImportReport } from '../db/import';
import { parseBratFolder, parseImportFile } from '../lib/import/parse-file';
import { jsonlSource, parsedSource, type ArticleSource } from '../lib/import/source';

function readFolder(folder: string): { name: string; content: string }[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(txt|ann)$/.test(name))
    .map((name) => ({ name, content: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/** JSONL streams from disk a line at a time (it can be large); other files are read whole. */
function sourceOf(file: string): ArticleSource {
  if (fs.statSync(file).isDirectory()) return parsedSource(parseBratFolder(readFolder(file)));
  const name = path.basename(file);
  if (/\.(jsonl|ndjson)$/i.test(name)) return jsonlSource(name, fs.statSync(file).size, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
  return parsedSource(parseImportFile(name, fs.readFileSync(file)));
}

/** Imports one file or brat folder named on the command line: the CLI's path (and the bench's). */
export async function importPath(db: Database, viewer: Viewer, file: string, options: ImportOptions): Promise<ImportReport> {
  return importSource(db, viewer, file, sourceOf(file), options);
}
