/** What every resolver receives: the caller, the use cases and this request's own loaders. */
import type { Actor } from '../domain/access';
import type { SlowSubscriberError } from '../domain/change-stream';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import type { TokenService } from '../domain/token-service';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  actor: Actor;
  events: EventService;
  tokens: TokenService;
  loaders: Loaders;
  /** For subscriptions: cuts off a subscriber that fell too far behind. */
  dropSlowSubscriber?: (error: SlowSubscriberError) => void;
  /** For subscriptions: aborted when the client's connection closes. */
  connectionClosed?: AbortSignal;
}

export interface Services {
  events: EventService;
  tokens: TokenService;
  store: EventStore;
}

export function createContext({ events, tokens, store }: Services, actor: Actor): GraphQLContext {
  return { actor, events, tokens, loaders: createLoaders(store) };
}
