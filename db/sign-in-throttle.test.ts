import { describe, expect, it } from 'vitest';
import { clearFailedSignIns, recordFailedSignIn, secondsUntilNextAttempt, waitAfterFailures } from './sign-in-throttle';
import { freshDatabase } from './test-database.test-helper';

describe('failed sign-ins', () => {
  it('cost nothing for the first three, then double the wait from 2 s up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(waitAfterFailures)).toEqual([0, 0, 0, 2, 4, 8, 16]);
    expect(waitAfterFailures(40)).toBe(15 * 60);
  });

  it('are counted per username, whatever its case, and cleared by a success', async () => {
    const { db } = await freshDatabase('throttle');
    for (let i = 0; i < 4; i += 1) await recordFailedSignIn(db, 'Alice');
    const now = Date.now();
    expect(await secondsUntilNextAttempt(db, 'alice', now)).toBeGreaterThanOrEqual(3);
    expect(await secondsUntilNextAttempt(db, 'alice', now + 5_000)).toBe(0);
    expect(await secondsUntilNextAttempt(db, 'bob', now)).toBe(0);
    await clearFailedSignIns(db, 'ALICE');
    expect(await secondsUntilNextAttempt(db, 'alice', now)).toBe(0);
  });
});
