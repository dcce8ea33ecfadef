/** Starting and stopping a whole ETS instance: store, use cases, HTTP. */
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { EventService } from './domain/event-service';
import { buildApp } from './http/app';
import { openStore, type StoreConnection } from './store/connection';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded-store';
import { createFeed, type Feed } from './feed/create-feed';
import type { SubscriptionServer } from './graphql/subscription-server';

export interface RunningEts {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  store: StoreConnection;
  feed: Feed;
  subscriptions: SubscriptionServer;
  embedded: EmbeddedStore | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Watch the driver's commands (tests count store round trips with it). */
  monitorCommands?: boolean;
  /** A database other than the URI's (tests give each file its own). */
  database?: string;
}

export async function startEts(config: Config, options: StartOptions = {}): Promise<RunningEts> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const embedded = config.mongodbUri ? undefined : await startEmbeddedStore(config.dataDir, logger);
  const uri = config.mongodbUri ?? (embedded as EmbeddedStore).uri;
  const store = await openStore(uri, logger, options);
  // Instances sharing a database share a channel.
  const feed = await createFeed(config.redisUrl, `ets:changes:${store.databaseName}`, logger).catch(
    async (error: unknown) => {
      await store.close();
      await embedded?.stop();
      throw error;
    },
  );
  const events = new EventService(store.repository, feed);
  const app = await buildApp({ events, store: store.repository, isStoreReachable: () => store.isReachable(), logger });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`ETS is serving GraphQL at ${url}/graphql`);
  return {
    url,
    store,
    feed,
    subscriptions: app.subscriptions,
    embedded,
    async stop() {
      await app.close();
      await feed.close();
      await store.close();
      await embedded?.stop();
    },
  };
}
