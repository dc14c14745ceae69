import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../db/access';
import { importParsedFile, type ImportOptions, type ImportReport } from '../db/import';
import { parseBratFolder, parseImportFile } from '../lib/import/parse-file';

function readFolder(folder: string): { name: string; content: string }[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(txt|ann)$/.test(name))
    .map((name) => ({ name, content: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/** Imports one file or brat folder named on the command line: the CLI's path (and the bench's). */
export async function importPath(viewer: Viewer, file: string, options: ImportOptions): Promise<ImportReport> {
  const parsed = fs.statSync(file).isDirectory() ? parseBratFolder(readFolder(file)) : parseImportFile(path.basename(file), fs.readFileSync(file));
  return importParsedFile(viewer, file, parsed, options);
}
