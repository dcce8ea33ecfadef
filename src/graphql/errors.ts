/**
 * The one place where errors become GraphQL errors: domain errors get their
 * extensions.code (and the field at fault); anything unexpected is logged and answered
 * without internals.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, errorFields, ValidationError } from '../domain/errors';

/**
 * Codes passed through as they are: those Apollo and graphql-js give bad requests, and
 * the query limits' own.
 */
const PASSED_THROUGH_CODES = new Set([
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The error at the root of graphql-js' and Apollo's wrappers. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && 'originalError' in current && current.originalError instanceof Error) {
    current = current.originalError;
  }
  return current;
}

/**
 * An error graphql-js raised while reading a variable: its message names the variable path
 * ('... at "e.startTime"; ...'), which is the field at fault.
 */
function variableError(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  const path = / at "([^"]+)"/.exec(formatted.message)?.[1];
  return {
    message: formatted.message,
    locations: formatted.locations,
    extensions: path ? { code, field: path } : { code },
  };
}

export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    if (original instanceof DomainError) {
      if (original instanceof ValidationError && formatted.message !== original.message) {
        return variableError(formatted, original.code); // thrown by a scalar of ours
      }
      return { ...formatted, message: original.message, extensions: { ...errorFields(original) } };
    }
    const code = formatted.extensions?.code;
    if (code === 'BAD_USER_INPUT') return variableError(formatted, code); // a value of the wrong type
    // Apollo raises a plain error when a persisted query's hash is not its text's: the client's mistake.
    if (formatted.message === 'provided sha does not match query') {
      return {
        message: 'the persisted query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent',
        extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
      };
    }
    if (typeof code === 'string' && PASSED_THROUGH_CODES.has(code)) return formatted;
    logger.error({ err: original }, 'unexpected error while answering a GraphQL request');
    return {
      message: 'internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
