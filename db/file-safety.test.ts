import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { authSecretFile, readAuthSecret } from './auth-secret';
import { appDatabase, synchronousMode } from './client';
import { appSettings } from './schema';
import type { SqliteDatabase } from './sqlite-database';
import { configuredEngine } from './engine';

// SQLite's own file, pragmas and connection: nothing of it exists on PostgreSQL, which runs this suite too.
const onPostgres = configuredEngine() === 'postgres';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-files-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(onPostgres)('the database on disk', () => {
  beforeEach(() => {
    delete process.env.BETTER_AUTH_SECRET;
  });

  it('is created private: folder 0700, database and its WAL 0600', () => {
    const file = path.join(folder, 'fresh', 'nested', 'crosscheck.db');
    process.env.DATABASE_PATH = file;
    appDatabase();
    expect(modeOf(path.dirname(file))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
  });

  it('tightens a database file an older version left readable by others', () => {
    const file = path.join(folder, 'old-mode.db');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    process.env.DATABASE_PATH = file;
    appDatabase();
    expect(modeOf(file)).toBe(0o600);
  });

  it('keeps the cookie-signing secret in a 0600 file beside the database, never inside it', async () => {
    const file = path.join(folder, 'secret.db');
    process.env.DATABASE_PATH = file;
    const db = appDatabase();
    const secret = await db.write((tx) => readAuthSecret(tx, file));
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(authSecretFile(file), 'utf8')).toBe(secret);
    expect(modeOf(authSecretFile(file))).toBe(0o600);
    expect(await db.write((tx) => readAuthSecret(tx, file))).toBe(secret);
    expect(await db.read((conn) => conn.select().from(appSettings))).toEqual([]);
    expect(fs.readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  });

  it('moves the secret out of a database from an older version, so sessions stay valid', async () => {
    const file = path.join(folder, 'legacy.db');
    process.env.DATABASE_PATH = file;
    const db = appDatabase();
    await db.write(async (tx) => {
      await tx.insert(appSettings).values({ key: 'auth_secret', value: 'the-old-secret-kept-in-the-database' });
    });
    expect(await db.write((tx) => readAuthSecret(tx, file))).toBe('the-old-secret-kept-in-the-database');
    expect(await db.read((conn) => conn.select().from(appSettings))).toEqual([]);
    expect(fs.readFileSync(authSecretFile(file), 'utf8')).toBe('the-old-secret-kept-in-the-database');
  });

  it('uses BETTER_AUTH_SECRET when it is set, and writes no key file', async () => {
    const file = path.join(folder, 'env.db');
    process.env.DATABASE_PATH = file;
    process.env.BETTER_AUTH_SECRET = 'from-the-environment-0123456789abcdef';
    expect(await appDatabase().write((tx) => readAuthSecret(tx, file))).toBe('from-the-environment-0123456789abcdef');
    expect(fs.existsSync(authSecretFile(file))).toBe(false);
  });
});

describe.skipIf(onPostgres)('durability setting', () => {
  afterAll(() => {
    delete process.env.SQLITE_SYNCHRONOUS;
  });

  it('defaults to FULL: an acknowledged write is fsynced', () => {
    delete process.env.SQLITE_SYNCHRONOUS;
    expect(synchronousMode()).toBe('FULL');
    const file = path.join(folder, 'durable.db');
    process.env.DATABASE_PATH = file;
    // 2 is FULL in PRAGMA synchronous's numbering.
    expect((appDatabase() as SqliteDatabase).sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('takes NORMAL as an opt-in and refuses anything else', () => {
    process.env.SQLITE_SYNCHRONOUS = 'normal';
    expect(synchronousMode()).toBe('NORMAL');
    process.env.SQLITE_SYNCHRONOUS = 'OFF';
    expect(() => synchronousMode()).toThrow(/FULL or NORMAL/);
  });
});
