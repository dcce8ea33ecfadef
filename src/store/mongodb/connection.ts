/** The MongoDB client: connecting, readiness, and the repositories on top of it. */
import { MongoClient, type MongoClientOptions } from 'mongodb';
import type { Logger } from 'pino';
import type { StorageBase } from '../storage';
import { MongoEventRepository } from './event-repository';
import { MongoTokenRepository } from './token-repository';

export interface MongoStorage extends StorageBase {
  kind: 'mongodb';
  client: MongoClient;
  databaseName: string;
}

/** The database named in the URI's path, else "ets". */
export function databaseName(uri: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]+\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : 'ets';
}

const CLIENT_OPTIONS: MongoClientOptions = {
  appName: 'ets',
  // Fail a request within two seconds while the store is away, instead of hanging (bots
  // retry; people see a clear error); the driver reconnects by itself, and a heartbeat
  // every two seconds notices the store is back.
  serverSelectionTimeoutMS: 2_000,
  heartbeatFrequencyMS: 2_000,
  connectTimeoutMS: 5_000,
  maxPoolSize: 50,
};

/**
 * Connects and creates the indexes. When the store is not reachable yet, the service still
 * starts (readyz reports it) and the indexes are created as soon as it answers.
 */
export async function openMongoStorage(
  uri: string,
  logger: Logger,
  options: { readTimeoutMs: number; database?: string },
): Promise<MongoStorage> {
  const client = new MongoClient(uri, CLIENT_OPTIONS);
  const name = options.database ?? databaseName(uri);
  const repository = new MongoEventRepository(client.db(name), options);
  const tokens = new MongoTokenRepository(client.db(name));
  let closed = false;
  let indexed = false;
  let retry: NodeJS.Timeout | undefined;
  const prepare = async (delayMs: number): Promise<void> => {
    try {
      await repository.ensureIndexes();
      await tokens.ensureIndexes();
      indexed = true;
      logger.info('store ready');
    } catch (error) {
      if (closed) return;
      logger.warn({ err: error }, `store not ready, retrying in ${delayMs / 1000}s`);
      retry = setTimeout(() => void prepare(Math.min(delayMs * 2, 30_000)), delayMs);
    }
  };
  await prepare(1_000);
  const isReachable = async () => {
    try {
      await client.db('admin').command({ ping: 1 }, { timeoutMS: 2_000 });
      return true;
    } catch {
      return false;
    }
  };
  const watchdog = watchReachability(client, isReachable, logger);
  return {
    kind: 'mongodb',
    client,
    databaseName: name,
    channel: name,
    events: repository,
    tokens,
    // Ready once the indexes exist: without them every query would read the whole collection.
    isReady: async () => indexed && (await isReachable()),
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(watchdog);
      await client.close();
    },
  };
}

const WATCH_EVERY_MS = 2_000;
const RECONNECT_AFTER_MS = 10_000;

/**
 * The driver's server monitor can hang for good on a socket the store closed while it was
 * writing (seen with FerretDB restarting); the client then never notices that the store is
 * back. A client that has not reached the store for 10 s is therefore closed and connected
 * again, which starts a new monitor. Operations on it meanwhile fail as STORE_UNAVAILABLE.
 */
function watchReachability(client: MongoClient, isReachable: () => Promise<boolean>, logger: Logger): NodeJS.Timeout {
  let downSince: number | undefined;
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void (async () => {
      if (await isReachable()) {
        downSince = undefined;
        return;
      }
      downSince ??= Date.now();
      if (Date.now() - downSince < RECONNECT_AFTER_MS) return;
      downSince = Date.now();
      logger.warn('the store has not answered for 10 s: reconnecting to it');
      await client.close().catch(() => undefined);
      await client.connect().catch(() => undefined); // still down: the next round tries again
    })()
      .catch((error: unknown) => logger.warn({ err: error }, 'store watchdog'))
      .finally(() => (checking = false));
  }, WATCH_EVERY_MS);
  timer.unref();
  return timer;
}
