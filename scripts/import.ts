// npm run import -- FILE... : imports articles (.txt, .md, .html, JSONL) and annotated
// datasets (Crosscheck JSONL, doccano JSONL, brat .zip or folder) into DATABASE_PATH.
// Each file is written whole or not at all; every problem is listed with its line.
import fs from 'node:fs';
import { appDatabase } from '../db/client';
import { commandLineViewer } from '../db/reviewers';
import { IMPORT_EXTENSIONS } from '../lib/import/parse-file';
import { CliError, runCli } from './cli';
import { importPath } from './import-path';
import { progressReporter } from './progress-bar';

const USAGE = `Usage: npm run import -- [--allow-duplicates] FILE... (${IMPORT_EXTENSIONS.join(', ')}, or a folder of brat .txt/.ann files)`;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

runCli(USAGE, async () => {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  // Articles whose URL the library already has are skipped unless asked for.
  const allowDuplicates = args.includes('--allow-duplicates');
  const files = args.filter((arg) => arg !== '--allow-duplicates');
  if (files.length === 0) throw new CliError('Name at least one file to import.');
  // Imported annotations go into the first admin's layer.
  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  let refused = 0;
  for (const [index, file] of files.entries()) {
    const prefix = `[${index + 1}/${files.length}] ${file}: `;
    if (!fs.existsSync(file)) throw new CliError(`There is no file ${file}.`);
    const progress = progressReporter(prefix);
    const report = await importPath(db, viewer, file, { allowDuplicates, onProgress: progress.update });
    progress.clear();
    process.stderr.write(prefix);
    if (report.imported) {
      const skipped = report.skipped.length > 0 ? `; skipped ${plural(report.skipped.length, 'duplicate')}` : '';
      process.stderr.write(
        `imported ${plural(report.articleIds.length, 'article')}, ${plural(report.annotationCount, 'annotation')}, ${plural(report.comparisonCount, 'comparison')}${skipped}\n`,
      );
    } else {
      refused += 1;
      process.stderr.write(`NOT imported (${plural(report.problems.length, 'problem')}; nothing from this file was written)\n`);
    }
    for (const problem of report.problems) process.stderr.write(`  ${problem.file}${problem.line !== null ? `:${problem.line}` : ''}: ${problem.message}\n`);
    for (const note of report.notes) process.stderr.write(`  note: ${note}\n`);
    for (const skip of report.skipped) {
      const original = skip.existingArticleId !== null ? `article ${skip.existingArticleId} has` : 'an earlier article in this file has';
      process.stderr.write(`  skipped${skip.line !== null ? ` line ${skip.line}` : ''} “${skip.title}”: ${original} the same URL (${skip.url}); --allow-duplicates imports it anyway\n`);
    }
  }
  return refused > 0 ? 1 : 0;
});
