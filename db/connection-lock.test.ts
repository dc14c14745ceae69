import { describe, expect, it } from 'vitest';
import { ConnectionLock } from './connection-lock';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConnectionLock', () => {
  it('runs one holder at a time, in arrival order', async () => {
    const lock = new ConnectionLock();
    const events: string[] = [];
    const holder = (name: string) =>
      lock.run(async () => {
        events.push(`${name} in`);
        await tick();
        events.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b'), holder('c')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('lets the holder nest without waiting for itself', async () => {
    const lock = new ConnectionLock();
    const result = await lock.run(async () => lock.run(async () => lock.run(async () => 42)));
    expect(result).toBe(42);
  });

  it('lets go when the work throws', async () => {
    const lock = new ConnectionLock();
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(async () => 'next')).resolves.toBe('next');
  });

  it('does not count a timer started by a holder as holding once the holder is done', async () => {
    const lock = new ConnectionLock();
    let later: Promise<boolean> = Promise.resolve(false);
    await lock.run(async () => {
      later = new Promise((resolve) => setTimeout(() => resolve(lock.heldHere()), 5));
    });
    expect(await later).toBe(false);
  });

  it('makes a late arrival wait for the holder', async () => {
    const lock = new ConnectionLock();
    const events: string[] = [];
    const first = lock.run(async () => {
      events.push('first in');
      await tick();
      await tick();
      events.push('first out');
    });
    await tick();
    await lock.run(async () => {
      events.push('second');
    });
    await first;
    expect(events).toEqual(['first in', 'first out', 'second']);
  });
});
