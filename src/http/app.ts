/** The HTTP server: GraphQL (with GraphiQL for browsers) and the health endpoints. */
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import { createContext } from '../graphql/context';
import { GRAPHIQL_PAGE, registerGraphiQLAssets, wantsGraphiQL } from '../graphql/graphiql';
import { createApolloServer } from '../graphql/server';

export interface AppDependencies {
  events: EventService;
  store: EventStore;
  isStoreReachable: () => Promise<boolean>;
  logger: Logger;
}

export async function buildApp({ events, store, isStoreReachable, logger }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: 10 * 1024 * 1024 });
  const apollo = createApolloServer(app, logger);
  await apollo.start();

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

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_, reply) => {
    const reachable = await isStoreReachable();
    return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ready' : 'store unreachable' });
  });
  app.get('/', async (_, reply) => reply.redirect('/graphql'));
  return app;
}
