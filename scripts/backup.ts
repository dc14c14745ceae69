// npm run backup -- FILE : writes a consistent copy of the database (DATABASE_PATH) to FILE
// while the server keeps running. See README "Operations" for what a backup holds and how to restore.
import { backupDatabase } from '../db/backup';
import { appDatabase, databasePath } from '../db/client';
import { commandLineViewer } from '../db/reviewers';
import { CliError, runCli } from './cli';

const USAGE = 'Usage: npm run backup -- FILE   (FILE must not exist yet)';

runCli(USAGE, async () => {
  const targets = process.argv.slice(2).filter((arg) => arg !== '--');
  if (targets.length !== 1) throw new CliError('Name exactly one file to write the backup to.');
  const started = Date.now();
  const db = appDatabase();
  const { file, bytes } = await backupDatabase(db, await commandLineViewer(db), targets[0]!);
  process.stderr.write(`Backed up ${databasePath()} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
});
