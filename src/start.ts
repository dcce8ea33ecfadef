// Layer: src (start.ts, main.ts, first-token.ts: the composition root). Imports: anything.
/** Starting and stopping a whole ETS instance: store, use cases, HTTP. */
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { createEventService } from './domain/event-service';
import { TokenService } from './domain/token-service';
import { ensureFirstToken } from './first-token';
import { AccessPolicy, isLoopback } from './transport/access';
import { buildApp } from './http/app';
import { EtsMetrics, MAX_OPERATION_NAMES } from './http/metrics';
import { openStorage, type Storage } from './store/storage';
import type { StoreCallListener } from './store/observed-store';
import { createFeed, type Feed } from './feed/create-feed';
import type { SubscriptionServer } from './graphql/subscription-server';

export interface RunningEts {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  config: Config;
  store: Storage;
  feed: Feed;
  subscriptions: SubscriptionServer;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Told of every call to the event store (tests count store round trips with it). */
  onStoreCall?: StoreCallListener;
  /** A MongoDB database other than the URI's (tests give each server its own). */
  database?: string;
}

export async function startEts(config: Config, options: StartOptions = {}): Promise<RunningEts> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const metrics = new EtsMetrics({
    onOperationNamesFull: () =>
      logger.warn(
        `more than ${MAX_OPERATION_NAMES} GraphQL operation names were seen: the metrics count further ones as "(other)"`,
      ),
  });
  const store = await openStorage({ ...config, database: options.database }, logger, (call) => {
    metrics.observeStoreCall(call);
    options.onStoreCall?.(call);
  });
  // Instances sharing a database share a channel.
  const feed = await createFeed(config.redisUrl, `ets:changes:${store.channel}`, logger).catch(
    async (error: unknown) => {
      await store.close();
      throw error;
    },
  );
  metrics.watch({ subscriptions: () => feed.size, ...(store.kind === 'sqlite' && { readers: store.readerStats }) });
  const events = createEventService(store.events, metrics.countWrites(feed), { limits: config.limits });
  const tokens = new TokenService(store.tokens, {
    onTouchError: (error) => logger.warn({ err: error }, "could not record a token's last use"),
  });
  const access = new AccessPolicy(tokens, config.auth, isLoopback(config.host));
  const app = await buildApp({
    events,
    tokens,
    access,
    store: store.events,
    isStoreReady: () => store.isReady(),
    logger,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
    webhooks: config.webhooks,
    metrics,
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
    async stop() {
      await app.close();
      await feed.close();
      await store.close();
    },
  };
}
