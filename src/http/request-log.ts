/**
 * One log line per request, when it is answered: method, route, status, time, the caller's
 * token and, for GraphQL, the operation and its type, and the error code of a refusal or
 * failure. What GraphQL ran is recorded on the request (request.graphql) by an Apollo
 * plugin; the metrics read it too.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { getOperationAST, type OperationTypeNode } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { errorReply } from '../transport/errors';

/** What a GraphQL request over HTTP ran and how it ended. */
export interface GraphQLOutcome {
  /** The operation that ran (its name, null when unnamed); null when none did: the document does not parse or validate. */
  resolved: { name: string | null; type: OperationTypeNode } | null;
  /** The operation the document or request names, valid or not: for the log. */
  named: { name: string | null; type: OperationTypeNode | null };
  /** extensions.code of the first error answered; null when there is none. */
  code: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once Apollo has answered a GraphQL request. */
    graphql: GraphQLOutcome | null;
    /** The code of the error this request was answered with. */
    errorCode: string | null;
  }
}

/** A caller without a token (token names are letters, digits and . _ @ : -, never this). */
export const ANONYMOUS = '(anonymous)';
/** Names a client sent are cut to this length in the log. */
const MAX_LOGGED_NAME = 200;

/**
 * The Fastify request a GraphQL context was made for, so that the plugin can record on it.
 * A property rather than a WeakMap: Apollo runs each request with a shallow copy of the context.
 */
const REQUEST = Symbol('the Fastify request');

/** Links the context Apollo runs a request with to that request, and hands the context back. */
export function forRequest(context: GraphQLContext, request: FastifyRequest): GraphQLContext {
  return Object.assign(context, { [REQUEST]: request });
}

function outcomeOf({ document, operation, request, response }: GraphQLRequestContext<GraphQLContext>): GraphQLOutcome {
  const named = document ? getOperationAST(document, request.operationName) : null;
  const body = response.body;
  const errors = body?.kind === 'single' ? body.singleResult.errors : body?.initialResult.errors;
  const code = errors?.[0]?.extensions?.code;
  return {
    resolved: operation ? { name: operation.name?.value ?? null, type: operation.operation } : null,
    named: named
      ? { name: named.name?.value ?? null, type: named.operation }
      : { name: request.operationName?.slice(0, MAX_LOGGED_NAME) ?? null, type: null },
    code: errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : null,
  };
}

/** Records on the Fastify request what each GraphQL request ran and how it ended. */
export const recordGraphQLOutcome: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse(requestContext) {
        const request = (requestContext.contextValue as GraphQLContext & { [REQUEST]?: FastifyRequest })[REQUEST];
        if (request) request.graphql = outcomeOf(requestContext);
      },
    };
  },
};

/** What each request records for its line and the metrics: the GraphQL outcome, the error code. */
export function registerRequestLog(app: FastifyInstance): void {
  app.decorateRequest('graphql', null);
  app.decorateRequest('errorCode', null);
  // Runs once the error handler of the route's scope has answered; the code does not depend on the body limit.
  app.addHook('onError', async (request, _reply, error) => {
    request.errorCode = errorReply(error, 0)?.code ?? 'INTERNAL_SERVER_ERROR';
  });
}

/**
 * Fastify's request log with one line per request, at its end, instead of two ("incoming
 * request", "request completed"). Errors keep their own lines, logged where they are answered.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  // The request's own line says it: status 404, route null.
  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const actor = request.actor as FastifyRequest['actor'] | null;
    const graphql = request.graphql;
    const code = graphql?.code ?? request.errorCode;
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      // The route tells what was asked for, not which event: the URL does.
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
      ...(actor && { token: actor.token ?? ANONYMOUS }),
      ...(graphql && { operation: graphql.named.name, operationType: graphql.named.type }),
      ...(code && { code }),
    };
    // The answer could not be written whole (the client went away midway).
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
