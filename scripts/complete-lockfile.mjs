// The npm registry reachable here does not serve other platforms' optional binaries
// (@next/swc-darwin-arm64, …), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock as out of sync. This adds an optional stub for each such
// package: npm ci skips an optional package it cannot fetch, and on a machine that can
// fetch it, it installs as usual. Idempotent; run after changing dependencies.
import fs from 'node:fs';
import path from 'node:path';

const lockPath = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const added = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (!lock.packages[key] && /^\d+\.\d+\.\d+/.test(version)) {
      lock.packages[key] = { version, optional: true };
      added.push(`${name}@${version}`);
    }
  }
}
if (added.length > 0) {
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added optional stubs for ${added.join(', ')}`);
}
