/** Starting and stopping a whole ETS instance: store, use cases, HTTP. */
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { EventService } from './domain/event-service';
import { TokenService } from './domain/token-service';
import { ensureFirstToken } from './first-token';
import { AccessPolicy, isLoopback } from './http/access';
import { buildApp } from './http/app';
import { openStore, type StoreConnection } from './store/connection';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded-store';
import { createFeed, type Feed } from './feed/create-feed';
import type { SubscriptionServer } from './graphql/subscription-server';

export interface RunningEts {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  config: Config;
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
  const events = new EventService(store.repository, feed, { limits: config.limits });
  const tokens = new TokenService(store.tokens, {
    onTouchError: (error) => logger.warn({ err: error }, "could not record a token's last use"),
  });
  const access = new AccessPolicy(tokens, config.auth, isLoopback(config.host));
  const app = await buildApp({
    events,
    tokens,
    access,
    store: store.repository,
    isStoreReachable: () => store.isReachable(),
    logger,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`ETS is serving GraphQL at ${url}/graphql`);
  // Said once; a store that is not up yet must not stop the start.
  await ensureFirstToken(tokens, access, config.dataDir, logger)
    .then(() => access.describe())
    .then(
      (line) => logger.info(line),
      (error: unknown) => logger.warn({ err: error }, 'could not check the API tokens at start-up'),
    );
  return {
    url,
    config,
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
