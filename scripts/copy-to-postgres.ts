// npm run copy-to-postgres -- --to postgres://… [--from data/crosscheck.db]
// Moves a library from its SQLite file (DATABASE_PATH by default) into a new, empty PostgreSQL
// database, every row and id as it was. Stop the server first, so nothing is written meanwhile;
// then start it with DATABASE_URL set to the same address. See README "Running on PostgreSQL".
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, migrationsFolder } from '../db/client';
import { copySqliteToPostgres } from '../db/copy-to-postgres';
import { CliError, runCli } from './cli';

const USAGE = 'Usage: npm run copy-to-postgres -- --to postgres://USER@HOST:PORT/DATABASE [--from SQLITE_FILE]';

runCli(USAGE, async () => {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) throw new CliError('Say which PostgreSQL database to copy into with --to postgres://….');
  const from = path.resolve(values.from ?? databasePath());
  const started = Date.now();
  const copied = await copySqliteToPostgres(from, values.to, migrationsFolder('postgres'), (line) => process.stderr.write(`${line}\n`));
  const rows = copied.reduce((sum, table) => sum + table.rows, 0);
  process.stderr.write(`Copied ${rows} rows in ${copied.length} tables from ${from} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
});
