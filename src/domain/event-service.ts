/**
 * The use cases of events, one service per job: every transport (GraphQL, REST, the
 * integrations) calls these, so validation, write rules and concurrency control happen once.
 * Each method checks the caller's scope first.
 */
import type { ChangeFeed } from './changes';
import { EventChanges } from './event-changes';
import { EventGraph } from './event-graph';
import { EventQueries } from './event-queries';
import type { EventStore } from './event-store';
import { EventWrites } from './event-writes';
import { LIMITS, type RequestLimits } from './limits';

export interface EventService {
  queries: EventQueries;
  graph: EventGraph;
  writes: EventWrites;
  changes: EventChanges;
}

export function createEventService(
  store: EventStore,
  /** Where acknowledged changes are announced. */
  feed: ChangeFeed,
  options: { limits?: Partial<RequestLimits>; now?: () => Date } = {},
): EventService {
  const limits = { batchSize: LIMITS.batchSize, pageSize: LIMITS.pageSize, ...options.limits };
  const changes = new EventChanges(feed);
  return {
    queries: new EventQueries(store, limits.pageSize),
    graph: new EventGraph(store),
    writes: new EventWrites(store, changes, { batchSize: limits.batchSize, now: options.now ?? (() => new Date()) }),
    changes,
  };
}
