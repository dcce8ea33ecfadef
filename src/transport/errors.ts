/**
 * Errors of the HTTP edge (auth, limits, malformed requests) and the statuses of domain
 * errors: one table for the REST routes and for GraphQL's own endpoint.
 */
import { DomainError, errorFields, type DomainErrorCode } from '../domain/errors';

export const STATUS_OF: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  CONFLICT: 400, // the original REST API answered 400 to a duplicate id
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORE_UNAVAILABLE: 503,
  STORE_TIMEOUT: 504,
  // Streams end with these over websockets only; a status is still needed for the table to be whole.
  SLOW_SUBSCRIBER: 429,
  FEED_INTERRUPTED: 503,
};

/** A refusal decided before any use case runs: a limit, an origin, a malformed request. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  field?: string;
  headers?: Record<string, string>;
}

function statusCodeOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined;
}

/**
 * What to answer for an error, or undefined when it is unexpected (a 500, to be logged).
 * Fastify's own refusals are reworded to name the limit or rule that was broken.
 */
export function errorReply(error: unknown, bodyLimit: number): ErrorReply | undefined {
  if (error instanceof DomainError) {
    return { status: STATUS_OF[error.code], message: error.message, ...errorFields(error) };
  }
  if (error instanceof HttpError) {
    return { status: error.statusCode, code: error.code, message: error.message, headers: error.headers };
  }
  const status = statusCodeOf(error);
  if (status === undefined || status >= 500 || !(error instanceof Error)) return undefined;
  if (status === 413) {
    return {
      status,
      code: 'PAYLOAD_TOO_LARGE',
      message: `the request body is larger than the limit of ${bodyLimit} bytes (ETS_MAX_BODY_BYTES)`,
    };
  }
  return { status, code: 'BAD_REQUEST', message: error.message };
}
