// Layer: graphql. Imports: transport, config, domain.
/** The Apollo server: schema.graphql, the resolvers and the error mapping. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Negotiator from 'negotiator';
import type { Logger } from 'pino';
import { HttpError } from '../transport/errors';
import { projectRoot } from '../config/paths';
import type { GraphQLContext } from './context';
import { formatError } from './errors';
import type { QueryLimiter } from './limits';
import { resolvers } from './resolvers';

export function loadSchema(): string {
  return readFileSync(join(projectRoot(), 'schema.graphql'), 'utf8');
}

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadSchema(), resolvers });
}

export function createApolloServer(
  app: FastifyInstance,
  schema: GraphQLSchema,
  logger: Logger,
  limits: QueryLimiter,
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules],
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Apollo's CSRF check also refuses GET queries that lack its own header, which no
    // other client sends (urql queries by GET). A GET cannot write (a GET mutation is a
    // 405), and refuseUnpreflightedPosts keeps the half of the check that stops writes. A
    // page elsewhere can make a browser GET a query, as it can GET the REST API, but only
    // as a caller without a token (a bearer token is no cookie) and without reading the answer.
    csrfPrevention: false,
    // GET /graphql in a browser opens the bundled GraphiQL (graphql/graphiql.ts) instead.
    // No cache hints are set, so the per-field work of the cache-control plugin is saved.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverHttpRefused,
      limits.apolloPlugin,
      statusByMediaType,
      fastifyApolloDrainPlugin(app),
    ],
  });
}

/**
 * Refuses a POST to /graphql whose body is not JSON, before it is read. A page on another
 * site can make a visitor's browser send text/plain, a form or a body with no type without a
 * preflight, but not JSON: this keeps such a page from writing through an open server (the
 * origin check in transport/cors.ts refuses it too, and Apollo reads nothing but JSON objects).
 */
export async function refuseUnpreflightedPosts(request: FastifyRequest): Promise<void> {
  if (request.method !== 'POST') return;
  const contentType = request.headers['content-type'];
  if (contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json') return;
  const sent = contentType ? `"${contentType}"` : 'a body without a content-type';
  throw new HttpError(
    415,
    'BAD_REQUEST',
    `a POST to /graphql takes a JSON body (content-type: application/json), not ${sent}: ` +
      'a page on another site could send that without a CORS preflight',
  );
}

/** Where subscriptions are served: the answer to one sent over HTTP. */
const SUBSCRIPTIONS_OVER_HTTP =
  'subscriptions are served over a websocket at /graphql (graphql-ws, subprotocol graphql-transport-ws), not over HTTP: ' +
  'use a graphql-ws client (GraphiQL at /graphql does)';

/** A subscription sent over HTTP would run once and answer null; it gets a clear error instead. */
const subscriptionsOverHttpRefused: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(SUBSCRIPTIONS_OVER_HTTP, {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      },
    };
  },
};

const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * The status of an answer to a well-formed request that did not run (its document does not
 * parse or validate, its operation or variables do not fit: Apollo answers 400) follows its
 * media type, as the GraphQL-over-HTTP spec asks. A client that prefers application/json
 * gets 200 with it: it cannot tell a 400 of GraphQL's from a proxy's. Any other client
 * (application/graphql-response+json, a wildcard, no Accept: the spec's default since 2025) gets 400
 * with application/graphql-response+json, which says the answer is GraphQL's. Successful
 * answers keep Apollo's choice (application/json for a wildcard, which every client reads), and
 * requests that are not well-formed (not JSON, no query) are answered 400 before this runs.
 */
const statusByMediaType: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, source, response }) {
        if (source === undefined || response.http.status !== 400) return;
        if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
        const accept = request.http?.headers.get('accept');
        // Without an Accept header, Negotiator reads "*/*": the first type listed wins.
        const preferred = new Negotiator({ headers: { accept } }).mediaType([
          'application/graphql-response+json',
          'application/json',
        ]);
        if (preferred === 'application/json') {
          response.http.status = 200;
          response.http.headers.set('content-type', JSON_MEDIA_TYPE);
        } else if (preferred === 'application/graphql-response+json') {
          response.http.headers.set('content-type', GRAPHQL_RESPONSE_MEDIA_TYPE);
        }
      },
    };
  },
};
