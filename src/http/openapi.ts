/**
 * The OpenAPI 3.1 document of the whole HTTP API, derived by @fastify/swagger from the
 * route definitions (their `schema`), so it cannot drift from the routes; served at
 * /api/v1/openapi.json. Routes that are not API hide themselves with `schema: { hide: true }`
 * (the static files: @fastify/static's routes do so by default, GraphiQL's route says so).
 */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { PAGES_TAG, REST_TAG, WEB_UI_SCHEMA } from '../rest/schemas';

const GRAPHQL_TAG = 'GraphQL';
const OPERATIONS_TAG = 'Operations';

/** Registers the document's generator: before any route, since it collects them as they are added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ETS HTTP API',
        version: '1',
        description:
          'ETS, the event tracking service: GraphQL at /graphql (the main API), the original ETS REST API for ' +
          'existing bots (/api/v1/…), and the operations and pages served beside them. Send a token as ' +
          'Authorization: Bearer <token> where the server asks for one (ETS_AUTH).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'The server that serves this document.' }],
      tags: [
        { name: GRAPHQL_TAG, description: 'The main API: queries, mutations, and GraphiQL in a browser.' },
        {
          name: REST_TAG,
          description: 'The original ETS REST API (Zillow Tycho), for existing bots: snake_case events.',
        },
        { name: OPERATIONS_TAG, description: 'Probes and metrics for operators.' },
        { name: PAGES_TAG, description: 'HTML for people.' },
      ],
      // A token where the server asks for one; an open server needs none.
      security: [{ bearer: [] }, {}],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'ets_<id>_<secret>' } },
      },
    },
    // Shared schemas keep their $id as their name under components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.addHook('onRoute', (route: RouteOptions) => {
    // The web UI's page (http/web-ui.ts) is documented here with the other pages.
    if (route.url === '/' && route.method === 'GET') route.schema ??= WEB_UI_SCHEMA;
  });
}

const graphqlAnswer = {
  description: 'A GraphQL response: data and/or errors (each with extensions.code).',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { data: { type: ['object', 'null'] }, errors: { type: 'array', items: { type: 'object' } } },
      },
    },
  },
};
const graphqlRefusal = (description: string) => ({ ...graphqlAnswer, description });
const graphqlRefusals = {
  400: graphqlRefusal('A document that does not parse or validate, or is over the query limits.'),
  401: graphqlRefusal('A token that is not valid.'),
  403: graphqlRefusal('Refused: an origin not in ETS_CORS_ORIGINS, or a host a loopback server does not serve.'),
  429: graphqlRefusal('Over the rate limit (ETS_RATE_LIMIT); see Retry-After.'),
};
const GRAPHQL_DOCS =
  'The schema is schema.graphql; GraphiQL shows it, and subscriptions go over a websocket here (graphql-ws).';

/** The routes of http/app.ts: GraphQL's endpoint, one operation per method, and the probes. */
export const APP_SCHEMAS = {
  graphql: {
    POST: {
      operationId: 'graphqlPost',
      tags: [GRAPHQL_TAG],
      summary: 'Run a GraphQL query or mutation',
      description: `GraphQL over HTTP, with a JSON body (content-type: application/json). ${GRAPHQL_DOCS}`,
      body: {
        type: 'object',
        required: ['query'],
        properties: {
          query: { type: 'string', examples: ['{ events(first: 20) { totalCount nodes { id startTime tags } } }'] },
          variables: { type: ['object', 'null'] },
          operationName: { type: ['string', 'null'] },
          extensions: { type: ['object', 'null'] },
        },
      },
      response: {
        200: graphqlAnswer,
        ...graphqlRefusals,
        413: graphqlRefusal('The body is over ETS_MAX_BODY_BYTES.'),
        415: graphqlRefusal('A body that is not JSON.'),
      },
    },
    GET: {
      operationId: 'graphqlGet',
      tags: [GRAPHQL_TAG],
      summary: 'GraphiQL in a browser; a query in the query string otherwise',
      description: `A browser asking for HTML gets GraphiQL, served by ETS itself. ${GRAPHQL_DOCS}`,
      querystring: {
        type: 'object',
        properties: {
          query: { type: 'string' },
          variables: { type: 'string', description: 'JSON.' },
          operationName: { type: 'string' },
        },
      },
      response: {
        200: {
          description: 'GraphiQL, or the answer to the query.',
          content: { 'text/html': { schema: { type: 'string' } }, ...graphqlAnswer.content },
        },
        ...graphqlRefusals,
      },
    },
    OPTIONS: {
      operationId: 'graphqlPreflight',
      tags: [GRAPHQL_TAG],
      summary: 'CORS preflight',
      description: 'Answered with the CORS headers for the origins in ETS_CORS_ORIGINS.',
      response: { 204: { description: 'Preflight answered.' }, 403: graphqlRefusals[403] },
    },
  },
  healthz: {
    operationId: 'getHealth',
    tags: [OPERATIONS_TAG],
    summary: 'Liveness: the process answers',
    'x-no-client-errors': true,
    response: {
      200: {
        description: 'Alive.',
        content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } } } } },
      },
    },
  },
  readyz: {
    operationId: 'getReadiness',
    tags: [OPERATIONS_TAG],
    summary: 'Readiness: the store answers and its indexes exist',
    'x-no-client-errors': true,
    response: {
      200: {
        description: 'Ready.',
        content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ready' } } } } },
      },
      503: {
        description: 'Not ready yet.',
        content: {
          'application/json': { schema: { type: 'object', properties: { status: { const: 'store not ready' } } } },
        },
      },
    },
  },
} as const;
