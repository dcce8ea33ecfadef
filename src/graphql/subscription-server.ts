/**
 * GraphQL subscriptions over graphql-ws, on the same port and path as GraphQL. Each
 * subscriber gets its own bounded change stream. One that falls too far behind loses its
 * backlog at once and receives an error (code SLOW_SUBSCRIBER) as soon as it reads again;
 * a connection that still does not read after a grace period is closed (code 4009) and
 * then cut. Either way it is logged, and it never holds up a writer or anyone else.
 */
import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { ServerLimits } from '../config';
import type { AccessPolicy } from '../transport/access';
import type { RateLimiter } from '../transport/rate-limit';
import { isOriginAllowed } from '../transport/cors';
import { createLoaders } from './loaders';
import type { GraphQLContext, Services } from './context';
import { formatError } from './errors';
import type { QueryLimiter } from './limits';

const KEEP_ALIVE_MS = 12_000;
/** Outside graphql-ws' own codes, and not one its client retries silently as fatal-free. */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4009;
const STUCK_GRACE_MS = 5_000;
// Clients send subscriptions, not data: a large frame is a mistake or an attack.
const MAX_PAYLOAD_BYTES = 1024 * 1024;

export interface SubscriptionServer {
  /** Open websocket connections. */
  readonly clients: number;
  close(): Promise<void>;
}

const closedSignals = new WeakMap<WebSocket, AbortSignal>();

/** One signal per connection, aborted when it closes (or at once if it already has). */
function closedSignal(socket: WebSocket): AbortSignal {
  let signal = closedSignals.get(socket);
  if (!signal) {
    const controller = new AbortController();
    if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) controller.abort();
    else socket.once('close', () => controller.abort());
    signal = controller.signal;
    closedSignals.set(socket, signal);
  }
  return signal;
}

export interface SubscriptionOptions {
  services: Services;
  access: AccessPolicy;
  /** The query limits (createQueryLimiter). */
  queryLimits: QueryLimiter;
  corsOrigins: readonly string[];
  logger: Logger;
  /** The callers' rate, shared with HTTP: each operation on a socket counts as a request. */
  rate: RateLimiter;
  limits: Pick<ServerLimits, 'wsConnections' | 'subscriptionsPerConnection'>;
  /** Told of deliveries and refusals (the metrics). */
  observer?: SubscriptionObserver;
}

export interface SubscriptionObserver {
  delivered(): void;
  droppedSlowSubscriber(): void;
  refused(limit: 'ETS_RATE_LIMIT' | 'ETS_MAX_WS_CONNECTIONS' | 'ETS_MAX_SUBSCRIPTIONS'): void;
}

/** Closes a connection whose connection_init names no valid token (graphql-ws' "Forbidden"). */
const REFUSED_CLOSE_CODE = 4403;
/** WebSocket's own "try again later". */
const TRY_AGAIN_CLOSE_CODE = 1013;
/** How often the tokens of open connections are checked again (revocations on other instances). */
const RECHECK_EVERY_MS = 2_000;

export function attachSubscriptionServer(
  server: Server,
  schema: GraphQLSchema,
  { services, access, queryLimits, corsOrigins, logger, rate, limits, observer }: SubscriptionOptions,
): SubscriptionServer {
  const { events, tokens, store } = services;
  const connectionsOf = new Map<string, number>();
  const addressOf = (request: { socket: { remoteAddress?: string } }) => request.socket.remoteAddress ?? 'unknown';
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_PAYLOAD_BYTES,
    // A page of another origin may not read the live feed through a visitor's browser.
    verifyClient: (
      { origin, req }: { origin?: string; req: { headers: { host?: string }; socket: { remoteAddress?: string } } },
      done: (accept: boolean, status?: number, message?: string) => void,
    ) => {
      if (!isOriginAllowed(origin, req.headers.host, corsOrigins)) return done(false);
      if ((connectionsOf.get(addressOf(req)) ?? 0) >= limits.wsConnections) {
        observer?.refused('ETS_MAX_WS_CONNECTIONS');
        return done(
          false,
          429,
          `more than ${limits.wsConnections} websocket connections from one address (ETS_MAX_WS_CONNECTIONS)`,
        );
      }
      access.acceptsHost(req.headers.host).then(
        (accepted) => done(accepted),
        () => done(false, 503),
      );
    },
  });
  wss.on('error', (error) => logger.error({ err: error }, 'websocket server error'));
  wss.on('connection', (socket, request) => {
    const address = addressOf(request);
    connectionsOf.set(address, (connectionsOf.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (connectionsOf.get(address) ?? 1) - 1;
      if (left > 0) connectionsOf.set(address, left);
      else connectionsOf.delete(address);
    });
  });
  const liveOf = new WeakMap<WebSocket, Set<string>>();
  const actors = new WeakMap<WebSocket, Actor>();
  // The authorization each connection brought, to check it again: a revoked token ends its
  // connections at once on this instance, and within the token cache's time on others.
  const authorizations = new Map<WebSocket, string>();
  const refuse = (socket: WebSocket, error: DomainError) =>
    socket.close(REFUSED_CLOSE_CODE, `${error.code}: ${error.message}`.slice(0, 120));
  const recheck = async (socket: WebSocket): Promise<DomainError | undefined> => {
    const authorization = authorizations.get(socket);
    if (authorization === undefined) return undefined;
    try {
      actors.set(socket, await access.actorFor(authorization));
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'UNAUTHENTICATED') return undefined; // the store away: keep going
      refuse(socket, error);
      return error;
    }
  };
  const stopListening = tokens.onRevoked((name) => {
    for (const socket of authorizations.keys()) {
      if (actors.get(socket)?.token === name) void recheck(socket);
    }
  });
  const sweep = setInterval(() => {
    for (const socket of authorizations.keys()) void recheck(socket);
  }, RECHECK_EVERY_MS);
  sweep.unref();
  const format = formatError(logger);
  const graphqlWs = useServer<Record<string, unknown>, Record<string, never>>(
    {
      schema,
      // Errors read as they do over HTTP: domain codes, and nothing internal.
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (result.errors) return { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) };
        observer?.delivered();
        return undefined;
      },
      // The token travels in the connection_init payload: {"authorization": "Bearer <token>"}.
      onConnect: async ({ connectionParams, extra }) => {
        try {
          actors.set(extra.socket, await access.actorFor(connectionParams?.authorization));
          const authorization = connectionParams?.authorization;
          if (typeof authorization === 'string' && authorization !== '') {
            authorizations.set(extra.socket, authorization);
            extra.socket.once('close', () => authorizations.delete(extra.socket));
          }
          return true;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // A refused token is final; anything else (the store away) is worth a retry.
          const refused = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
          // A close reason may hold 123 bytes.
          extra.socket.close(
            refused ? REFUSED_CLOSE_CODE : TRY_AGAIN_CLOSE_CODE,
            `${error.code}: ${error.message}`.slice(0, 120),
          );
          return false;
        }
      },
      // Every operation runs as the token is now, not as it was when the connection opened.
      onSubscribe: async ({ extra }, id, payload) => {
        const refused = await recheck(extra.socket);
        if (refused) return [new GraphQLError(refused.message, { extensions: { code: refused.code } })];
        const token = actors.get(extra.socket)?.token ?? null;
        const caller = token === null ? `address ${addressOf(extra.request)}` : `token "${token}"`;
        const decision = rate.take(caller);
        if (!decision.allowed) {
          observer?.refused('ETS_RATE_LIMIT');
          return [
            new GraphQLError(
              `too many requests from ${caller} (ETS_RATE_LIMIT); retry after ${decision.retryAfterSeconds}s`,
              {
                extensions: { code: 'RATE_LIMITED', retryAfter: decision.retryAfterSeconds },
              },
            ),
          ];
        }
        let live = liveOf.get(extra.socket);
        if (!live) liveOf.set(extra.socket, (live = new Set()));
        if (live.size >= limits.subscriptionsPerConnection) {
          observer?.refused('ETS_MAX_SUBSCRIPTIONS');
          return [
            new GraphQLError(
              `more than ${limits.subscriptionsPerConnection} operations at once on one connection (ETS_MAX_SUBSCRIPTIONS)`,
              { extensions: { code: 'RATE_LIMITED', limit: 'ETS_MAX_SUBSCRIPTIONS' } },
            ),
          ];
        }
        live.add(id);
        // Parsed, validated and costed with its variables, under the same limits as over HTTP.
        return queryLimits.prepare(schema, payload);
      },
      onComplete: ({ extra }, id) => {
        liveOf.get(extra.socket)?.delete(id);
      },
      context: ({ extra }): GraphQLContext => ({
        actor: actors.get(extra.socket) as Actor,
        events,
        tokens,
        // A subscription lives long: its lookups must see the store at each change.
        loaders: createLoaders(store, { cache: false }),
        connectionClosed: closedSignal(extra.socket),
        dropSlowSubscriber: (error) => {
          const socket = extra.socket;
          observer?.droppedSlowSubscriber();
          logger.warn({ reason: error.message }, 'a subscriber fell too far behind: its subscription was ended');
          setTimeout(() => {
            if (socket.readyState !== socket.OPEN || socket.bufferedAmount === 0) return;
            logger.warn('closing the connection of a subscriber that does not read');
            socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, 'subscriber does not read');
            // A stuck client never answers the close handshake.
            setTimeout(() => socket.terminate(), STUCK_GRACE_MS).unref();
          }, STUCK_GRACE_MS).unref();
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
      clearInterval(sweep);
      stopListening();
      // Clients that do not answer the close handshake must not hold up the shutdown.
      const cut = setTimeout(() => wss.clients.forEach((socket) => socket.terminate()), 2_000);
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}
