/**
 * Domain errors: plain classes with a code, free of any transport. graphql/errors.ts and
 * the REST layer map them to extensions.code and HTTP statuses.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STORE_UNAVAILABLE'
  | 'STORE_TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  // The endings of a live change stream (change-stream.ts).
  | 'SLOW_SUBSCRIBER'
  | 'FEED_INTERRUPTED';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

/** Input that breaks a rule; `field` is the path of the offending input field. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'ValidationError';
  }

  /** The same rule, reported under a parent path (e.g. "tags" inside "event"). */
  under(prefix: string): ValidationError {
    return new ValidationError(`${prefix}.${this.field}`, this.rule);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly id: string,
    what: 'event' | 'token' = 'event',
  ) {
    super(`${what} "${id}" does not exist`);
    this.name = 'NotFoundError';
  }
}

/** An error that may name the input field it is about. */
abstract class FieldError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ConflictError extends FieldError {
  readonly code = 'CONFLICT';
}

/** No token, or one that is not valid: the caller must say who it is. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A valid token without the right: a missing scope, or an event outside its namespace. */
export class ForbiddenError extends FieldError {
  readonly code = 'FORBIDDEN';
}

/** The store cannot be reached (it does not answer a ping); the request may be retried. */
export class StoreUnavailableError extends DomainError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(cause?: unknown) {
    super('the event store is unavailable, try again shortly', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * One read ran past its deadline and was stopped; the store itself is fine. Asking again
 * the same way will likely time out again: a narrower filter or window is the cure.
 */
export class StoreTimeoutError extends DomainError {
  readonly code = 'STORE_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(
      `the query did not finish within ${timeoutMs} ms (ETS_STORE_TIMEOUT_MS) and was stopped: narrow its filter or time window`,
    );
    this.name = 'StoreTimeoutError';
  }
}

/** The code and, when there is one, the input field at fault: what every transport reports. */
export function errorFields(error: DomainError): { code: string; field?: string } {
  if (error instanceof ValidationError || error instanceof FieldError) {
    return error.field ? { code: error.code, field: error.field } : { code: error.code };
  }
  return { code: error.code };
}
