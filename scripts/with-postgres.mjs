// Runs a command against a throwaway PostgreSQL server: `node scripts/with-postgres.mjs <command…>`.
// The command gets POSTGRES_ADMIN_URL (the server's `postgres` database, for tests that create a
// database each) and DATABASE_URL (a fresh `crosscheck` database, for the app). Where PostgreSQL's
// server binaries are missing it says so loudly and exits 0 without running the command, so the
// SQLite suite still runs on a machine without PostgreSQL; CI installs them, so CI runs both.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { postgresBinaries, startThrowawayCluster } from './postgres-cluster.mjs';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

if (!postgresBinaries()) {
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! PostgreSQL is not installed (no initdb/pg_ctl): SKIPPING \`${command.join(' ')}\` on PostgreSQL.\n!! Only the SQLite suite ran. Install Debian's "postgresql" package to run both engines.\n${line}\n`);
  process.exit(0);
}

const cluster = await startThrowawayCluster();
let code = 1;
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database crosscheck');
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, '/crosscheck');
  console.log(`PostgreSQL ${cluster.url} (throwaway) for: ${command.join(' ')}`);
  code = await new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, POSTGRES_ADMIN_URL: cluster.url, DATABASE_URL: databaseUrl },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
} finally {
  cluster.stop();
}
process.exit(code);
