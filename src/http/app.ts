/**
 * The HTTP server: GraphQL (with GraphiQL for browsers), the web UI, the REST compatibility
 * API, the HTML pages and the health endpoints.
 */
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import { createContext } from '../graphql/context';
import { GRAPHIQL_PAGE, registerGraphiQLAssets, wantsGraphiQL } from '../graphql/graphiql';
import { createApolloServer, createSchema } from '../graphql/server';
import { attachSubscriptionServer, type SubscriptionServer } from '../graphql/subscription-server';
import { LIMITS } from '../domain/limits';
import { registerErrorHandler } from '../rest/errors';
import { registerPages } from '../rest/pages';
import { registerRestRoutes } from '../rest/routes';
import { registerWebUi } from './web-ui';

declare module 'fastify' {
  interface FastifyInstance {
    subscriptions: SubscriptionServer;
  }
}

export interface AppDependencies {
  events: EventService;
  store: EventStore;
  isStoreReachable: () => Promise<boolean>;
  logger: Logger;
}

export async function buildApp({ events, store, isStoreReachable, logger }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 10 * 1024 * 1024,
    // /api/v1/event and /api/v1/event/ are the same route, as are /event/x and /event/x/.
    // An id is up to 100 characters, which may take 200 UTF-16 units.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2 * LIMITS.idLength + 10 },
  });
  const schema = createSchema();
  const apollo = createApolloServer(app, schema, logger);
  await apollo.start();
  const subscriptions = attachSubscriptionServer(app.server, schema, { events, store, logger });
  app.decorate('subscriptions', subscriptions);
  app.addHook('preClose', () => subscriptions.close());

  const graphql = fastifyApolloHandler(apollo, {
    context: async () => createContext(events, store),
  }) as unknown as RouteHandlerMethod;
  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    handler(request, reply) {
      if (wantsGraphiQL(request)) return reply.type('text/html; charset=utf-8').send(GRAPHIQL_PAGE);
      return graphql.call(this, request, reply);
    },
  });
  registerGraphiQLAssets(app);
  registerWebUi(app);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_, reply) => {
    const reachable = await isStoreReachable();
    return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ready' : 'store unreachable' });
  });
  // The REST API and the pages answer errors their own way, in a scope of their own.
  await app.register(async (rest) => {
    registerErrorHandler(rest);
    registerRestRoutes(rest, events);
    registerPages(rest, events);
  });
  return app;
}
