import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

// Each test starts the command through tsx, which takes seconds when the machine is busy.
const COMMAND_TEST_TIMEOUT = 180_000;

// `npm run backup` runs as users run it (tsx scripts/backup.ts) against a database that another
// process keeps writing to, the way a live server does.
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-backup-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function backup(database: string, target: string) {
  return spawnSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', 'backup.ts'), target], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: database },
    encoding: 'utf8',
  });
}

/** The same, without blocking this process: the writer's acknowledgements keep arriving meanwhile. */
function backupWhileListening(database: string, target: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(tsx, ['--conditions=react-server', path.join(root, 'scripts', 'backup.ts'), target], { cwd: root, env: { ...process.env, DATABASE_PATH: database } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stderr })));
}

// A second process that commits one row per transaction and prints each id once it is committed.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
db.exec('create table if not exists probe (id integer primary key, written_at text not null)');
const insert = db.prepare('insert into probe (written_at) values (?)');
const deadline = Date.now() + 20000;
process.stdin.on('data', () => process.exit(0));
(function next() {
  if (Date.now() > deadline) process.exit(0);
  const { lastInsertRowid } = insert.run(new Date().toISOString());
  process.stdout.write(lastInsertRowid + '\\n');
  setImmediate(next);
})();
`;

describe('npm run backup', () => {
  it('copies a live database consistently: every write acknowledged before it began, integrity ok, private', async () => {
    const database = path.join(folder, 'live.db');
    // Migrated and seeded like the server's, before the writer starts.
    expect(backup(database, path.join(folder, 'warm-up.db')).status).toBe(0);

    const writer = spawn(process.execPath, ['-e', WRITER, database], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    let lastAcknowledged = 0;
    const lines = readline.createInterface({ input: writer.stdout! });
    const enoughWrites = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        lastAcknowledged = Number(line);
        if (lastAcknowledged >= 200) resolve();
      }),
    );
    await enoughWrites;
    const acknowledgedBeforeBackup = lastAcknowledged;
    const target = path.join(folder, 'during-writes.db');
    const result = await backupWhileListening(database, target);
    const acknowledgedAfterBackup = lastAcknowledged;
    writer.stdin!.write('stop');
    await new Promise((resolve) => writer.on('exit', resolve));

    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Backed up .* to .*during-writes\.db/);
    expect(acknowledgedAfterBackup).toBeGreaterThan(acknowledgedBeforeBackup);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = copy.prepare('select id from probe order by id').pluck().all() as number[];
    // Every write acknowledged before the backup began, and no gaps: a snapshot, not a torn copy.
    expect(ids.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => index + 1));
    expect(copy.prepare("select count(*) from reviewers where username = 'admin'").pluck().get()).toBe(1);
    copy.close();
    expect(fs.readdirSync(folder).filter((name) => name.includes('.partial-'))).toEqual([]);
  }, COMMAND_TEST_TIMEOUT);

  it('refuses to overwrite an existing file and explains a wrong call', () => {
    const database = path.join(folder, 'other.db');
    const existing = path.join(folder, 'exists.db');
    fs.writeFileSync(existing, 'keep me');
    const refused = backup(database, existing);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    const noFile = spawnSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', 'backup.ts')], { cwd: root, env: { ...process.env, DATABASE_PATH: database }, encoding: 'utf8' });
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('Name exactly one file');
  }, COMMAND_TEST_TIMEOUT);
});
