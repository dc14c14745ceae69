import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isAppError } from './errors';

/** The rows of the README's "Error codes" table: code → HTTP status. */
function readmeTable(): Map<string, number> {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
  const start = readme.indexOf('### Error codes');
  expect(start, 'the README has an "Error codes" section').toBeGreaterThan(-1);
  const section = readme.slice(start).split(/\n#{2,3} /)[0]!;
  const rows = new Map<string, number>();
  for (const line of section.split('\n')) {
    const row = /^\| `([a-z_]+)` \| (\d{3}) \| .+ \|$/.exec(line);
    if (!row) continue;
    expect(rows.has(row[1]!), `${row[1]} is listed once`).toBe(false);
    rows.set(row[1]!, Number(row[2]));
  }
  return rows;
}

describe('the error catalogue', () => {
  it('matches the README table both ways, status for status', () => {
    const table = readmeTable();
    const catalogue = new Map(Object.entries(ERROR_CODES).map(([code, entry]) => [code, entry.status as number]));
    expect([...table.keys()].filter((code) => !catalogue.has(code)), 'in the README, not in lib/errors.ts').toEqual([]);
    expect([...catalogue.keys()].filter((code) => !table.has(code)), 'in lib/errors.ts, not in the README').toEqual([]);
    for (const [code, status] of catalogue) expect(table.get(code), code).toBe(status);
  });

  it('gives every code an error status and a meaning', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.meaning.trim(), code).not.toBe('');
    }
  });

  it('takes the status of an AppError from the catalogue', () => {
    const error = new AppError('version_conflict', 'Annotation 3 was changed elsewhere.', { currentVersion: 4 });
    expect([error.code, error.status, error.message, error.details]).toEqual(['version_conflict', 409, 'Annotation 3 was changed elsewhere.', { currentVersion: 4 }]);
    expect(isAppError(error)).toBe(true);
  });
});
