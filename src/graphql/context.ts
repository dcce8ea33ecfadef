/** What every resolver receives: the use cases and this request's own loaders. */
import type { SlowSubscriberError } from '../domain/change-stream';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import { createLoaders, type Loaders } from '../store/loaders';

export interface GraphQLContext {
  events: EventService;
  loaders: Loaders;
  /** For subscriptions: cuts off a subscriber that fell too far behind. */
  dropSlowSubscriber?: (error: SlowSubscriberError) => void;
  /** For subscriptions: aborted when the client's connection closes. */
  connectionClosed?: AbortSignal;
}

export function createContext(events: EventService, store: EventStore): GraphQLContext {
  return { events, loaders: createLoaders(store) };
}
