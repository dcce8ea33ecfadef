/**
 * Runs tasks that share a key one after another, so that concurrent writes to one event
 * in this process queue up instead of retrying against each other. Writes from other
 * processes are still serialized by the store's atomic commit.
 */
import AsyncLock from 'async-lock';

export class KeyLock {
  // No cap on waiting tasks (async-lock refuses past 1000 by default: a burst of writes to
  // one event must queue, not fail). A key's queue is dropped when its last task ends, so
  // the map does not grow without bound.
  private readonly lock = new AsyncLock({ maxPending: Infinity });

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // A function of no parameters: async-lock takes one of one parameter for a callback.
    return this.lock.acquire(key, () => task());
  }

  /** Whether any task holds or waits for `key` (any key, without one). */
  isBusy(key?: string): boolean {
    return this.lock.isBusy(key);
  }
}
