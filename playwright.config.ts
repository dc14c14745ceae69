import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_PASSWORD, adminStatePath, serverLogPath } from './e2e/support/accounts';

const port = Number(process.env.E2E_PORT ?? 3100);
// On PostgreSQL (scripts/with-postgres.mjs sets DATABASE_URL to a fresh database) a second app
// process runs beside the first against the same database, for e2e/two-processes.spec.ts.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const secondPort = port + 1;
if (onPostgres) process.env.E2E_SECOND_BASE_URL = `http://127.0.0.1:${secondPort}`;

// A fresh database for every run. Set on process.env so that the worker processes,
// which load this file again, see the same path as the server.
process.env.E2E_DATABASE_PATH ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-e2e-')), 'crosscheck.db');

// Playwright cannot download its own browser here: use the system Chromium when there is one.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = fs.existsSync(systemChromium) ? systemChromium : undefined;

const serverEnv = Object.fromEntries(
  Object.entries({ ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH, PORT: String(port), ADMIN_PASSWORD, BETTER_AUTH_URL: `http://127.0.0.1:${port}` }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  ),
);

export default defineConfig({
  testDir: 'e2e',
  // What the screens look like (axe on every screen, the phone layout) does not depend on the
  // engine: those run once, on SQLite; every other spec runs on both.
  testIgnore: onPostgres ? ['**/accessibility.spec.ts', '**/phone.spec.ts'] : [],
  // One server and one database are shared, and the machine has two cores: run serially.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: { browserName: 'chromium' } },
    { name: 'chromium', use: { browserName: 'chromium', storageState: adminStatePath() }, dependencies: ['setup'] },
  ],
  // Tests run against the production build (`npm run test:e2e` builds first).
  webServer: [appServer(port), ...(onPostgres ? [appServer(secondPort)] : [])],

});

/**
 * One `next start`. Everything it prints also goes to server.log next to the database
 * (security.spec.ts reads it to prove no password is ever logged): stdout only there, stderr there
 * and on to Playwright, which shows it, so server errors stay visible in the test output.
 * POSIX sh: fd 3 carries stdout past the pipe that tees stderr.
 */
function appServer(serverPort: number) {
  return {
    command: `{ node node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port ${serverPort} 2>&1 1>&3 3>&- | tee -a '${serverLogPath()}' 1>&2 3>&-; } 3>&1 | tee -a '${serverLogPath()}' > /dev/null`,
    url: `http://127.0.0.1:${serverPort}/api/articles`,
    // Both processes share one database and one Better Auth origin: a session made on one is valid on the other.
    env: { ...serverEnv, PORT: String(serverPort) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}
