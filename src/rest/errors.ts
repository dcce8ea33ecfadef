/**
 * Errors as the original REST API answered them: a status and a JSON body whose message
 * names the problem in REST's own field names; never a stack trace.
 */
import type { FastifyInstance } from 'fastify';
import { ConflictError, DomainError, errorFields, ValidationError } from '../domain/errors';
import { errorReply, STATUS_OF } from '../transport/errors';
import { restFieldName, UnknownFieldError } from './event-json';

/** The list's query parameters, as the domain names them. */
const QUERY_FIELDS: Array<[RegExp, string]> = [
  [/^query\.from$/, 'frm'],
  [/^query\.to$/, 'to'],
  [/^query\.tags(\..*)?$/, 'tag'],
];

function restField(field: string): string {
  for (const [pattern, name] of QUERY_FIELDS) if (pattern.test(field)) return name;
  return restFieldName(field);
}

interface RestError {
  message: string;
  code: string;
  field?: string;
}

function restError(error: DomainError): { status: number; body: RestError } {
  const { code, field } = errorFields(error);
  if (error instanceof ValidationError) {
    const name = error instanceof UnknownFieldError ? error.field : restField(error.field);
    return { status: STATUS_OF[error.code], body: { message: `${name}: ${error.rule}`, code, field: name } };
  }
  const message =
    error instanceof ConflictError ? error.message.replace(/\b(parentId|sourceId)\b/g, restFieldName) : error.message;
  return { status: STATUS_OF[error.code], body: { message, code, ...(field && { field: restFieldName(field) }) } };
}

/** The error handler of the REST routes and pages: domain errors, refused requests, and the rest. */
export function registerErrorHandler(scope: FastifyInstance, bodyLimit: number): void {
  scope.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof DomainError) {
      const { status, body } = restError(error);
      return reply.code(status).send(body);
    }
    const known = errorReply(error, bodyLimit);
    if (known)
      return reply
        .code(known.status)
        .headers(known.headers ?? {})
        .send({ message: known.message, code: known.code });
    request.log.error({ err: error }, 'unexpected error while answering a REST request');
    return reply.code(500).send({ message: 'internal server error', code: 'INTERNAL_SERVER_ERROR' });
  });
}
