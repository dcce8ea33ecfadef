/** The Apollo server: schema.graphql, the resolvers and the error mapping. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { Logger } from 'pino';
import { projectRoot } from '../paths';
import type { GraphQLContext } from './context';
import { formatError } from './errors';
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
  validationRules: ValidationRule[],
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    validationRules,
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // GET /graphql in a browser opens the bundled GraphiQL (graphql/graphiql.ts) instead.
    // No cache hints are set, so the per-field work of the cache-control plugin is saved.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
    ],
  });
}
