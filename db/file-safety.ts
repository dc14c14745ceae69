import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The database holds every account's password hash and live session tokens, so the file, its
 * WAL/SHM companions and the folder they live in are private to the user running the server.
 * SQLite gives -wal and -shm the database file's own permissions, so creating the database
 * file private first covers them too.
 */
const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/** Creates the database's folder (0700) and an empty database file (0600) when they are missing; tightens an existing file. */
export function preparePrivateDatabaseFile(file: string): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (!fs.existsSync(file)) {
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
    // The umask may have taken bits away, never added them; chmod states the intent exactly.
    fs.chmodSync(file, PRIVATE_FILE);
    return;
  }
  for (const existing of [file, `${file}-wal`, `${file}-shm`]) tightenIfShared(existing);
}

/** A file readable by others (an older Crosscheck made them 0644) becomes private; files we do not own are left as they are. */
function tightenIfShared(file: string): void {
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
  } catch {
    // Missing (no WAL yet) or not ours to change: the server still works, and the README says what to check.
  }
}

/** Writes a secret file that only the owner can read; `false` when it already exists (another process won the race). */
export function writePrivateFileOnce(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { mode: PRIVATE_FILE, flag: 'wx' });
    fs.chmodSync(file, PRIVATE_FILE);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
