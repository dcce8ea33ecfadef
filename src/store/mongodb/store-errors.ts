/** Driver errors → domain errors, so nothing above the store sees MongoDB's classes. */
import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DomainError, StoreTimeoutError, StoreUnavailableError } from '../../domain/errors';

/** The server's answer to an insert whose key (an _id or a unique index) is taken. */
const DUPLICATE_KEY = 11000;

/** Runs an insert: true when it wrote, false when its key was taken. */
export async function insertedUnlessTaken(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (error instanceof MongoError && error.code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** Runs an unordered insertMany of `count` documents: per document, true when written, false when its key was taken. */
export async function insertedEachUnlessTaken(count: number, insert: () => Promise<unknown>): Promise<boolean[]> {
  const inserted = Array.from({ length: count }, () => true);
  try {
    await insert();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    for (const failure of failures) {
      if (failure.code !== DUPLICATE_KEY) throw error;
      inserted[failure.index] = false;
    }
  }
  return inserted;
}

/**
 * Server answers that mean "not now" rather than "not this": a node shutting down, stepping
 * down or out of reach (the codes the driver's retryable-reads specification lists).
 */
const TRANSIENT_CODES = new Set([6, 7, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

/**
 * Socket errors the driver can let through as they are (a write to a socket the store has
 * just closed: EPIPE). Compared by code, not class: they may come from another realm.
 */
const SOCKET_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function isSocketError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && SOCKET_ERROR_CODES.has(code);
}

/** FerretDB answers the requests it is running when it shuts down with this InternalError. */
function isShutdownCancel(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 1 && /context canceled/.test(error.message);
}

export function isStoreUnreachable(error: unknown): boolean {
  return (
    isSocketError(error) ||
    isShutdownCancel(error) ||
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoServerClosedError ||
    (error instanceof MongoError &&
      (TRANSIENT_CODES.has(Number(error.code)) || error.hasErrorLabel('RetryableWriteError')))
  );
}

/** The server stopped an operation at its maxTimeMS. */
const MAX_TIME_EXPIRED = 50;

/**
 * Runs a store operation, reporting an unreachable store as StoreUnavailableError and a
 * read stopped at its deadline as StoreTimeoutError.
 */
export async function guard<T>(operation: () => Promise<T>, readTimeoutMs = 0): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof MongoServerError && error.code === MAX_TIME_EXPIRED) {
      throw new StoreTimeoutError(readTimeoutMs);
    }
    if (isStoreUnreachable(error)) throw new StoreUnavailableError(error);
    throw error;
  }
}
