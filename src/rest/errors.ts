/**
 * Errors as the original REST API answered them: a status and a JSON body whose message
 * names the problem; never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, errorFields, type DomainErrorCode } from '../domain/errors';

const STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  CONFLICT: 400, // the original answered 400 to a duplicate id
  NOT_FOUND: 404,
  STORE_UNAVAILABLE: 503,
};

export interface RestError {
  message: string;
  code: string;
  field?: string;
}

export function restError(error: DomainError): { status: number; body: RestError } {
  return { status: STATUS[error.code], body: { message: error.message, ...errorFields(error) } };
}

/** One error handler for the whole server: domain errors, bad requests, and the rest. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      const { status, body } = restError(error);
      return reply.code(status).send(body);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status < 500) return reply.code(status).send({ message: error.message, code: 'BAD_REQUEST' });
    request.log.error({ err: error }, 'unexpected error while answering a request');
    return reply.code(500).send({ message: 'internal server error', code: 'INTERNAL_SERVER_ERROR' });
  });
}
