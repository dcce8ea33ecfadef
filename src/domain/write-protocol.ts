/**
 * How a change to a stored event commits: one writer at a time per event in this process
 * (a queue, so concurrent writes here do not race each other), and, against writers in other
 * processes, an attempt that reads, computes and commits on the version it read, made again
 * from a fresh read whenever another writer committed first.
 */
import { ConflictError } from './errors';
import { KeyLock } from './key-lock';

/** What an attempt answers when another writer committed first: read again and recompute. */
export const LOST_RACE = Symbol('another writer committed first');
export type Attempt<T> = () => Promise<T | typeof LOST_RACE>;

// Retry with growing, jittered pauses, for long enough that the store can finish a change
// whose writer died midway.
const RETRY_FOR_MS = 30_000;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));

export class WriteProtocol {
  private readonly locks = new KeyLock();

  /** Runs `attempt` under the event's lock until it commits (or throws). */
  commit<T>(id: string, attempt: Attempt<T>): Promise<T> {
    return this.locks.run(id, async () => {
      const deadline = Date.now() + RETRY_FOR_MS;
      for (let tries = 0; Date.now() < deadline; tries++) {
        const outcome = await attempt();
        if (outcome !== LOST_RACE) return outcome;
        await backoff(tries);
      }
      throw new ConflictError(`event "${id}" is changed by too many writers at once; try again`);
    });
  }

  /** Runs `task` under the event's lock, once: for changes whose store call is all or nothing. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(id, task);
  }
}
