import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One holder at a time for a connection that cannot serve two conversations at once.
 *
 * better-sqlite3 has one connection per process, and a transaction now spans `await`s: without
 * this lock, another request's queries would run inside it between two awaits (reading its
 * uncommitted rows, or being rolled back with it). Every query path takes the lock; an async
 * flow that already holds it (a query module calling another inside its transaction) goes on
 * without waiting, which is what keeps nesting from deadlocking.
 */
export class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();
  /** The token of the flow holding the lock now, or null. */
  private current: object | null = null;
  private readonly flow = new AsyncLocalStorage<object>();

  /** Whether the calling async flow holds the lock. */
  heldHere(): boolean {
    const token = this.flow.getStore();
    // A timer or promise started inside a holder inherits its store but not the lock once the
    // holder has let go: only the live token counts.
    return token !== undefined && token === this.current;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.heldHere()) return work();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const token = {};
    this.current = token;
    try {
      return await this.flow.run(token, work);
    } finally {
      this.current = null;
      release();
    }
  }
}
