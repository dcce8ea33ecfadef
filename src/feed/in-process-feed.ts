/**
 * The change feed of a single instance: listeners in this process, called in publishing
 * order, after the writer's own work (the fan-out to many subscribers is not on its path).
 */
import type { Logger } from 'pino';
import type { ChangeFeed, EventChange } from '../domain/changes';

export class InProcessFeed implements ChangeFeed {
  private readonly listeners = new Map<(change: EventChange) => void, (() => void) | undefined>();
  private queue: EventChange[] = [];

  constructor(private readonly logger?: Logger) {}

  publish(change: EventChange): void {
    this.queue.push(change);
    if (this.queue.length === 1) setImmediate(() => this.deliver());
  }

  private deliver(): void {
    const changes = this.queue;
    this.queue = [];
    for (const change of changes) {
      for (const listener of this.listeners.keys()) {
        try {
          listener(change);
        } catch (error) {
          // One broken listener must not keep the change from the others.
          this.logger?.error({ err: error }, 'a change listener failed');
        }
      }
    }
  }

  subscribe(listener: (change: EventChange) => void, interrupted?: () => void): () => void {
    this.listeners.set(listener, interrupted);
    return () => this.listeners.delete(listener);
  }

  /** Tells every subscriber that changes may have been lost. */
  interrupt(): void {
    for (const interrupted of [...this.listeners.values()]) interrupted?.();
  }

  /** How many subscribers are attached (for tests and metrics). */
  get size(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
