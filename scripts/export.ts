// npm run export -- --format FORMAT --out PATH [--layer gold|all|USERNAME] [--article ID ...] [--base-url URL]
// Streams articles from the database (DATABASE_PATH) through a format into a file, one
// article at a time, with a progress line on stderr. It acts as the first admin, so any
// layer can be exported; gold (the adjudicated layer) unless --layer says otherwise.
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { appDatabase } from '../db/client';
import { countExportArticles, exportArticles, exportContext } from '../db/export';
import { commandLineViewer } from '../db/reviewers';
import { EXPORT_FORMATS, exportFormat } from '../lib/export/formats';
import type { ExportArticle } from '../lib/export/types';
import { runCli, CliError } from './cli';

const USAGE = `Usage: npm run export -- --format FORMAT --out PATH [--layer gold|all|USERNAME] [--article ID ...] [--base-url URL]
Formats: ${EXPORT_FORMATS.map((format) => `${format.name} (${format.description})`).join('; ')}`;

runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      article: { type: 'string', multiple: true },
      layer: { type: 'string', default: 'gold' },
      'base-url': { type: 'string', default: 'http://localhost:3000' },
    },
  });
  const format = exportFormat(values.format ?? '');
  if (!format) throw new CliError(values.format ? `There is no export format “${values.format}”.` : 'Choose a format with --format.');
  if (!values.out) throw new CliError('Say where to write the export with --out PATH.');
  const ids = values.article?.map((id) => {
    if (!/^[1-9]\d*$/.test(id)) throw new CliError(`“${id}” is not an article id.`);
    return Number(id);
  });

  const db = appDatabase();
  const viewer = await commandLineViewer(db);
  const selection = { ids, layer: values.layer };
  const total = await countExportArticles(db, viewer, selection);
  let done = 0;
  async function* counted(articles: AsyncIterable<ExportArticle>): AsyncGenerator<ExportArticle> {
    for await (const article of articles) {
      yield article;
      done += 1;
      process.stderr.write(`\rExported ${done} of ${total} articles`);
    }
  }

  const out = fs.createWriteStream(values.out);
  for await (const chunk of format.write(counted(exportArticles(db, viewer, selection)), exportContext(values['base-url']))) {
    // Respect backpressure: a big library must not pile up in memory ahead of the disk.
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`\rExported ${done} of ${total} articles to ${values.out} (${format.name}, layer ${values.layer})\n`);
});
