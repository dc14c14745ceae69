import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/errors';
import { requireAdmin, type Viewer } from './access';
import { getSqlite } from './client';

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
export function backupDatabase(viewer: Viewer, target: string): BackupResult {
  requireAdmin(viewer);
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
    const sqlite = getSqlite();
    sqlite.prepare('VACUUM INTO ?').run(partial);
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
