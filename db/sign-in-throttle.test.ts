import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearFailedSignIns, recordFailedSignIn, secondsUntilNextAttempt, waitAfterFailures } from './sign-in-throttle';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-throttle-'));
process.env.DATABASE_PATH = path.join(folder, 'throttle.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('failed sign-ins', () => {
  it('cost nothing for the first three, then double the wait from 2 s up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(waitAfterFailures)).toEqual([0, 0, 0, 2, 4, 8, 16]);
    expect(waitAfterFailures(40)).toBe(15 * 60);
  });

  it('are counted per username, whatever its case, and cleared by a success', () => {
    for (let i = 0; i < 4; i += 1) recordFailedSignIn('Alice');
    const now = Date.now();
    expect(secondsUntilNextAttempt('alice', now)).toBeGreaterThanOrEqual(3);
    expect(secondsUntilNextAttempt('alice', now + 5_000)).toBe(0);
    expect(secondsUntilNextAttempt('bob', now)).toBe(0);
    clearFailedSignIns('ALICE');
    expect(secondsUntilNextAttempt('alice', now)).toBe(0);
  });
});
