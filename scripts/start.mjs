// `npm start`: build when there is no production build yet, then serve it.
// Migrations and the sample article are applied by the server itself at start-up.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function run(args) {
  const result = spawnSync(process.execPath, [nextBin, ...args], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('No production build yet: building Crosscheck first (about a minute)…');
  run(['build']);
}
// Only this machine by default: HOST=0.0.0.0 (or an address) exposes the app to the network.
run(['start', '--hostname', process.env.HOST ?? '127.0.0.1', '--port', process.env.PORT ?? '3000']);
