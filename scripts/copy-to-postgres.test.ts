import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES, FIXTURE_CONTEXT } from '../lib/export/fixtures.test-helper';
import { jsonlFormat } from '../lib/export/jsonl';
import { collectText, streamOf } from '../lib/export/streams.test-helper';

/*
 * `npm run copy-to-postgres` moves a SQLite library to PostgreSQL without loss: the JSONL export of
 * the copy is the export of the original, byte for byte. It needs a PostgreSQL server, so it runs in
 * the PostgreSQL half of the suite (scripts/with-postgres.mjs sets POSTGRES_ADMIN_URL).
 */

const adminUrl = process.env.POSTGRES_ADMIN_URL;
const COMMAND_TIMEOUT = 180_000;
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-copy-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Runs a command as users run it, on SQLite (`DATABASE_PATH`) or on PostgreSQL (`DATABASE_URL`). */
function run(script: string, args: string[], database: { path: string } | { url: string }) {
  const { DATABASE_URL: _url, DATABASE_PATH: _path, ...env } = process.env;
  const result = spawnSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', `${script}.ts`), ...args], {
    cwd: root,
    env: { ...env, ...('url' in database ? { DATABASE_URL: database.url } : { DATABASE_PATH: database.path }) },
    encoding: 'utf8',
  });
  expect(result.status, `${script}: ${result.stderr}`).toBe(0);
  return result;
}

async function emptyPostgresDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.skipIf(!adminUrl)('npm run copy-to-postgres', () => {
  it(
    'copies a SQLite library whose JSONL export is the same before and after, and refuses to copy twice',
    async () => {
      // A library with figures, claims, actors and a comparison, made through the import command.
      const fixture = path.join(folder, 'library.jsonl');
      fs.writeFileSync(fixture, await collectText(jsonlFormat.write(streamOf(FIXTURE_ARTICLES), FIXTURE_CONTEXT)));
      const sqliteFile = path.join(folder, 'library.db');
      run('import', [fixture], { path: sqliteFile });
      const before = path.join(folder, 'before.jsonl');
      run('export', ['--format', 'jsonl', '--layer', 'all', '--out', before], { path: sqliteFile });

      const url = await emptyPostgresDatabase(`copy_${process.pid}`);
      const copy = run('copy-to-postgres', ['--from', sqliteFile, '--to', url], { path: sqliteFile });
      expect(copy.stderr).toMatch(/annotations: [1-9]\d* rows/);

      const after = path.join(folder, 'after.jsonl');
      run('export', ['--format', 'jsonl', '--layer', 'all', '--out', after], { url });
      const exported = fs.readFileSync(before, 'utf8');
      expect(exported.split('\n').filter(Boolean)).toHaveLength(FIXTURE_ARTICLES.length);
      expect(fs.readFileSync(after, 'utf8')).toBe(exported);

      // The copy's ids go on from the original's: a new article does not collide with a copied one.
      run('import', [path.join(root, 'samples', 'us-strikes-iraq-2023-11-22.txt')], { url });

      const again = spawnSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', 'copy-to-postgres.ts'), '--from', sqliteFile, '--to', url], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already holds a library');
    },
    COMMAND_TIMEOUT,
  );
});
