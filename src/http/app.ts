// Layer: http (composition only). Imports: graphql, rest, integrations, transport, store, config, domain.
/**
 * The HTTP server: GraphQL (with GraphiQL for browsers), the web UI, the REST compatibility
 * API, the HTML pages and the health endpoints, behind CORS, auth and the request limits.
 */
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { ServerLimits, WebhookSettings } from '../config';
import type { EventService } from '../domain/event-service';
import type { EventStore } from '../domain/event-store';
import { LIMITS } from '../domain/limits';
import type { TokenService } from '../domain/token-service';
import { createContext } from '../graphql/context';
import { GRAPHIQL_CSP, GRAPHIQL_PAGE, registerGraphiQLAssets, wantsGraphiQL } from '../graphql/graphiql';
import { createQueryLimiter } from '../graphql/limits';
import { createApolloServer, createSchema, refuseUnpreflightedPosts } from '../graphql/server';
import { attachSubscriptionServer, type SubscriptionServer } from '../graphql/subscription-server';
import { registerIntegrations } from '../integrations';
import { registerErrorHandler } from '../rest/errors';
import { registerPages } from '../rest/pages';
import { registerRestRoutes } from '../rest/routes';
import type { AccessPolicy } from '../transport/access';
import { registerCors } from '../transport/cors';
import { errorReply } from '../transport/errors';
import { jsonBodyParser } from '../transport/json-body';
import { RateLimiter } from '../transport/rate-limit';
import { DOCUMENTATION_ONLY } from '../transport/route-docs';
import { registerAuth } from './auth';
import { registerMetrics, type EtsMetrics } from './metrics';
import { APP_SCHEMAS, registerOpenApi } from './openapi';
import { forRequest, recordGraphQLOutcome, registerRequestLog, RequestLog } from './request-log';
import { registerWebUi } from './web-ui';

declare module 'fastify' {
  interface FastifyInstance {
    subscriptions: SubscriptionServer;
  }
}

export interface AppDependencies {
  events: EventService;
  tokens: TokenService;
  access: AccessPolicy;
  store: EventStore;
  /** The store answers and its indexes exist. */
  isStoreReady: () => Promise<boolean>;
  logger: Logger;
  limits: ServerLimits;
  corsOrigins: readonly string[];
  metrics: EtsMetrics;
  webhooks: WebhookSettings;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { events, tokens, access, store, isStoreReady, logger, limits, corsOrigins, metrics } = deps;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestLog(),
    bodyLimit: limits.bodyBytes,
    // /api/v1/event and /api/v1/event/ are the same route, as are /event/x and /event/x/.
    // An id is up to 100 characters, which may take 200 UTF-16 units.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2 * LIMITS.idLength + 10 },
  });
  // The OpenAPI document is derived from the routes: its generator comes before any of them.
  await registerOpenApi(app);
  // Outside the REST scope (GraphQL's endpoint, health), errors are answered as GraphQL errors.
  app.setErrorHandler((error: unknown, request, reply) => {
    const known = errorReply(error, limits.bodyBytes);
    if (!known) request.log.error({ err: error }, 'unexpected error while answering a request');
    const { status, code, message, field, headers } = known ?? {
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      message: 'internal server error',
    };
    return reply
      .code(status)
      .headers(headers ?? {})
      .send({ errors: [{ message, extensions: field ? { code, field } : { code } }] });
  });
  // GraphQL's JSON bodies are read as REST's are (json-body.ts).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, jsonBodyParser);
  await registerCors(app, corsOrigins);
  // One rate per caller, over HTTP and websockets alike.
  const rate = new RateLimiter(limits.ratePerSecond, limits.rateBurst);
  await registerAuth(app, access, rate, () => metrics.refused('ETS_RATE_LIMIT'));
  registerRequestLog(app);

  const schema = createSchema();
  const queryLimits = createQueryLimiter({
    depth: limits.queryDepth,
    cost: limits.queryCost,
    aliases: limits.aliases,
    pageSize: limits.pageSize,
  });
  const apollo = createApolloServer(app, schema, logger, queryLimits);
  apollo.addPlugin(recordGraphQLOutcome);
  await apollo.start();
  const services = { events, tokens, store };
  const subscriptions = attachSubscriptionServer(app.server, schema, {
    services,
    access,
    queryLimits,
    corsOrigins,
    logger,
    rate,
    limits,
    observer: metrics,
  });
  metrics.watch({ websockets: () => subscriptions.clients });
  app.decorate('subscriptions', subscriptions);
  app.addHook('preClose', () => subscriptions.close());

  const graphql = fastifyApolloHandler(apollo, {
    context: async (request) => forRequest(createContext(services, request.actor), request),
  }) as unknown as RouteHandlerMethod;
  // One route per method, each its own operation in the OpenAPI document; Apollo validates.
  for (const method of ['GET', 'POST', 'OPTIONS'] as const) {
    app.route({
      method,
      url: '/graphql',
      schema: APP_SCHEMAS.graphql[method],
      ...DOCUMENTATION_ONLY,
      onRequest: refuseUnpreflightedPosts,
      handler(request, reply) {
        if (wantsGraphiQL(request)) {
          return reply
            .type('text/html; charset=utf-8')
            .headers({ 'content-security-policy': GRAPHIQL_CSP, 'x-content-type-options': 'nosniff' })
            .send(GRAPHIQL_PAGE);
        }
        return graphql.call(this, request, reply);
      },
    });
  }
  await registerGraphiQLAssets(app);
  await registerWebUi(app);

  registerMetrics(app, metrics);
  app.get('/healthz', { schema: APP_SCHEMAS.healthz }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: APP_SCHEMAS.readyz }, async (_, reply) => {
    const ready = await isStoreReady().catch(() => false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'store not ready' });
  });
  // The REST API and the pages answer errors their own way, in a scope of their own.
  await app.register(async (rest) => {
    registerErrorHandler(rest, limits.bodyBytes);
    registerRestRoutes(rest, events, limits.pageSize);
    registerPages(rest, events);
  });
  await registerIntegrations(app, {
    events,
    pageSize: limits.pageSize,
    bodyLimit: limits.bodyBytes,
    corsOrigins,
    webhooks: deps.webhooks,
  });
  return app;
}
