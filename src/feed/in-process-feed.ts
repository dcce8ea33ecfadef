/** The change feed of a single instance: listeners in this process, called in order. */
import type { Logger } from 'pino';
import type { ChangeFeed, EventChange } from '../domain/changes';

export class InProcessFeed implements ChangeFeed {
  private readonly listeners = new Set<(change: EventChange) => void>();

  constructor(private readonly logger?: Logger) {}

  publish(change: EventChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not keep the change from the others.
        this.logger?.error({ err: error }, 'a change listener failed');
      }
    }
  }

  subscribe(listener: (change: EventChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many subscribers are attached (for tests and metrics). */
  get size(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
