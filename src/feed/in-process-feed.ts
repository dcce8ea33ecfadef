/**
 * The change feed of a single instance: listeners in this process, called in publishing
 * order, after the writer's own work (the fan-out to many subscribers is not on its path).
 * The fan-out is spread over turns of the event loop, a bounded number of listener calls
 * each, so that a batch of 1,000 changes to thousands of subscribers does not hold up the
 * HTTP requests waiting meanwhile.
 */
import type { Logger } from 'pino';
import type { ChangeFeed, EventChange } from '../domain/changes';

/** Listener calls in one turn of the event loop, at least one whole change. */
const CALLS_PER_TURN = 20_000;

export class InProcessFeed implements ChangeFeed {
  private readonly listeners = new Map<(change: EventChange) => void, (() => void) | undefined>();
  private queue: EventChange[] = [];
  private scheduled = false;

  constructor(
    private readonly logger?: Logger,
    private readonly callsPerTurn = CALLS_PER_TURN,
  ) {}

  publish(change: EventChange): void {
    this.queue.push(change);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.deliver();
    });
  }

  private deliver(): void {
    let calls = 0;
    let delivered = 0;
    while (delivered < this.queue.length && (delivered === 0 || calls < this.callsPerTurn)) {
      const change = this.queue[delivered++] as EventChange;
      for (const listener of this.listeners.keys()) {
        try {
          listener(change);
        } catch (error) {
          // One broken listener must not keep the change from the others.
          this.logger?.error({ err: error }, 'a change listener failed');
        }
      }
      calls += this.listeners.size;
    }
    this.queue.splice(0, delivered);
    if (this.queue.length > 0) this.schedule(); // the rest in the next turn, after waiting I/O
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
