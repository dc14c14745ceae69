import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Viewer } from './access';
import { appDatabase } from './client';
import { configuredEngine } from './engine';
import type { Database } from './database';
import { reviewers } from './schema';
import { firstAdminReviewer, goldReviewer } from './startup-data';

export interface TestDatabase {
  db: Database;
  /** The first admin, as the command-line tools act. */
  admin: Viewer;
  /** The gold layer's reviewer row, as a Viewer (its id is the layer id). */
  gold: Viewer;
}

let folder: string | null = null;
let opened = 0;

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = process.env.POSTGRES_ADMIN_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is postgres:// but POSTGRES_ADMIN_URL is not set: run the suite through scripts/with-postgres.mjs.');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(process.env.POSTGRES_ADMIN_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

let template: Promise<string> | null = null;

/** One migrated database per test process, copied for each test (a copy takes a fraction of migrating). */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `template_${process.pid}`;
    await onServer((admin) => admin.query(`create database "${name}"`));
    process.env.DATABASE_URL = urlOf(name);
    const db = appDatabase();
    await firstAdminReviewer(db);
    await db.close();
    return name;
  })();
  return template;
}

/**
 * On PostgreSQL (the suite run by scripts/with-postgres.mjs), a new database on that server for
 * each test, copied from a migrated template: `POSTGRES_ADMIN_URL` is the server's own database.
 */
async function freshPostgresUrl(name: string): Promise<string> {
  const source = await migratedTemplate();
  const database = `${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${opened}`;
  await onServer((admin) => admin.query(`create database "${database}" template "${source}"`));
  return urlOf(database);
}

/**
 * A new, empty, migrated database for one test: the app's own `appDatabase()`, pointed at a
 * fresh SQLite file, or at a fresh PostgreSQL database when the suite runs on PostgreSQL. Call it
 * in `beforeEach` (or at the start of a test); SQLite files go at the end of the run, PostgreSQL
 * databases with the throwaway server.
 */
export async function freshDatabase(name = 'test'): Promise<TestDatabase> {
  if (configuredEngine() === 'postgres') {
    opened += 1;
    process.env.DATABASE_URL = await freshPostgresUrl(name);
    return withViewers(appDatabase());
  }
  if (folder === null) {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-db-test-'));
    folder = created;
    afterAll(() => fs.rmSync(created, { recursive: true, force: true }));
  }
  opened += 1;
  process.env.DATABASE_PATH = path.join(folder, `${name}-${opened}.db`);
  return withViewers(appDatabase());
}

async function withViewers(db: Database): Promise<TestDatabase> {
  const asViewer = (row: Awaited<ReturnType<typeof firstAdminReviewer>>): Viewer => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
  });
  return { db, admin: asViewer(await firstAdminReviewer(db)), gold: asViewer(await goldReviewer(db)) };
}

/** A reviewer account's layer row (no password: the db/ tests act as them directly), as a Viewer. */
export async function addReviewer(db: Database, username: string, displayName = username): Promise<Viewer> {
  const [row] = await db.write((tx) => tx.insert(reviewers).values({ username, displayName, createdAt: new Date().toISOString() }).returning());
  return { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
}
