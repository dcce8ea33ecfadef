/**
 * GraphQL subscriptions over graphql-ws, on the same port and path as GraphQL. Each
 * subscriber gets its own bounded change stream; one that falls too far behind is
 * disconnected (close code 4408) and logged, so it never holds up a writer or anyone else.
 */
import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import { createLoaders } from '../store/loaders';
import type { GraphQLContext } from './context';

const KEEP_ALIVE_MS = 12_000;
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4408;

export interface SubscriptionServer {
  /** Open websocket connections. */
  readonly clients: number;
  close(): Promise<void>;
}

export function attachSubscriptionServer(
  server: Server,
  schema: GraphQLSchema,
  { events, store, logger }: { events: EventService; store: EventStore; logger: Logger },
): SubscriptionServer {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  wss.on('error', (error) => logger.error({ err: error }, 'websocket server error'));
  const graphqlWs = useServer<Record<string, unknown>, Record<string, never>>(
    {
      schema,
      context: ({ extra }): GraphQLContext => ({
        events,
        // A subscription lives long: its lookups must see the store at each change.
        loaders: createLoaders(store, { cache: false }),
        dropSlowSubscriber: (error) => {
          logger.warn({ reason: error.message }, 'disconnecting a subscriber that fell too far behind');
          extra.socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, 'subscriber fell too far behind');
          // A stuck client never answers the close handshake.
          setTimeout(() => extra.socket.terminate(), 1_000).unref();
        },
      }),
    },
    wss,
    KEEP_ALIVE_MS,
  );
  return {
    get clients() {
      return wss.clients.size;
    },
    async close() {
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
