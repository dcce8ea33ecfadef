// Layer: store. Imports: domain.
/**
 * The store an ETS instance runs on: the embedded SQLite file when no MONGODB_URI is set,
 * else MongoDB (or anything speaking its protocol). Both give the domain the same two
 * interfaces, EventStore and TokenStore.
 */
import type { Logger } from 'pino';
import type { EventStore } from '../domain/event-store';
import type { TokenStore } from '../domain/token-store';
import { openMongoStorage, type MongoStorage } from './mongodb/connection';
import { observeStore, type StoreCallListener } from './observed-store';
import { openSqliteStorage, type SqliteStorage } from './sqlite/sqlite-storage';

export interface StorageBase {
  events: EventStore;
  tokens: TokenStore;
  /** What instances on the same data have in common: the live feed's channel is named by it. */
  channel: string;
  /** True when the store answers right now and its indexes exist. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export type Storage = SqliteStorage | MongoStorage;

export interface StorageSettings {
  mongodbUri: string | undefined;
  dataDir: string;
  /** The deadline of one read, ETS_STORE_TIMEOUT_MS. */
  readTimeoutMs: number;
  /** Reader threads of the embedded store, ETS_SQLITE_READERS. */
  sqliteReaders: number;
  /** A database other than the URI's (tests give each server its own). */
  database?: string;
}

/** A store, with its event store observed: each call is told to `onCall` (metrics, tests). */
export async function openStorage(
  settings: StorageSettings,
  logger: Logger,
  onCall?: StoreCallListener,
): Promise<Storage> {
  const storage = settings.mongodbUri
    ? await openMongoStorage(settings.mongodbUri, logger, settings)
    : openSqliteStorage(settings.dataDir, logger, {
        readers: settings.sqliteReaders,
        readTimeoutMs: settings.readTimeoutMs,
      });
  if (onCall) storage.events = observeStore(storage.events, onCall);
  return storage;
}
