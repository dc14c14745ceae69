import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/errors';
import { requireAdmin, type Viewer } from './access';
import type { Database } from './database';
import type { SqliteDatabase } from './sqlite-database';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Writes a consistent copy of the live database to `target` while the server keeps serving.
 * `VACUUM INTO` reads one snapshot (a WAL read transaction), so every write committed before
 * the backup began is in the copy, none half-written, and writers are never blocked. Copying
 * the .db file instead misses whatever still sits in the WAL. The copy is written beside the
 * target under a temporary name and renamed, so a crash never leaves a half backup under the
 * name asked for; it is private (0600) like the database, and holds no cookie-signing secret.
 */
export async function backupDatabase(db: Database, viewer: Viewer, target: string): Promise<BackupResult> {
  requireAdmin(viewer);
  if (db.engine !== 'sqlite') {
    throw new AppError('backup_unsupported', `A backup copies a SQLite file; this ${db.engine} database is backed up with its own tools.`);
  }
  const sqlite = (db as SqliteDatabase).sqlite;
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new AppError('backup_exists', `${file} already exists; choose a new file name for the backup.`);
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) throw new AppError('backup_folder_missing', `The folder ${folder} does not exist.`);
  const partial = path.join(folder, `.${path.basename(file)}.partial-${process.pid}`);
  fs.rmSync(partial, { force: true });
  try {
    // Created empty and private before SQLite writes into it (VACUUM INTO accepts an empty
    // file and keeps its mode), so the copy is never readable by others, not even briefly.
    fs.closeSync(fs.openSync(partial, 'w', 0o600));
    // Under the connection lock: SQLite refuses VACUUM inside a transaction, and another
    // request's write may hold one open between two awaits. (It runs synchronously anyway.)
    await db.read(async () => {
      sqlite.prepare('VACUUM INTO ?').run(partial);
    });
    fs.chmodSync(partial, 0o600);
    const handle = fs.openSync(partial, 'r+');
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, bytes: fs.statSync(file).size };
}
