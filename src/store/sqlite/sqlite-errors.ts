/** SQLite's errors → domain errors, so nothing above the store sees the driver's classes. */
import { DomainError, StoreUnavailableError } from '../../domain/errors';

/**
 * Result codes that mean "not now" rather than "not this": the file is locked for too long,
 * the disk is full or failing, the file cannot be opened. The primary code is the part
 * before any extended suffix (SQLITE_IOERR_WRITE → SQLITE_IOERR).
 */
const UNAVAILABLE = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_PROTOCOL',
]);

function primaryCode(code: string): string {
  return /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
}

/** An error of the driver (or its message from a reader thread) as the domain should see it. */
export function sqliteError(error: { message: string; code?: string }): Error {
  if (error instanceof DomainError) return error;
  if (error.code && UNAVAILABLE.has(primaryCode(error.code))) return new StoreUnavailableError(error);
  return error instanceof Error ? error : Object.assign(new Error(error.message), { code: error.code });
}

/** Runs a store operation on the writer's connection, its errors as domain errors. */
export function guardSync<T>(operation: () => T): Promise<T> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(sqliteError(error as Error));
  }
}
