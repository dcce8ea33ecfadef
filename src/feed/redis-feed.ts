/**
 * The change feed shared by every instance through Redis pub/sub: each instance publishes
 * its own changes to one channel and hands every message of that channel, its own
 * included, to its local subscribers. While Redis is away, changes are not delivered
 * live (the events are stored all the same) and the feed reconnects by itself.
 */
import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { ChangeFeed, EventChange } from '../domain/changes';
import { InProcessFeed } from './in-process-feed';
import { parseChange, serializeChange } from './wire';

export class RedisFeed implements ChangeFeed {
  private readonly local: InProcessFeed;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  private constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    this.local = new InProcessFeed(logger);
    // Publishing fails fast while Redis is away rather than queueing without bound.
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    this.subscriber = new Redis(url, { lazyConnect: true });
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => logger.warn({ err: error }, `redis ${name}: ${error.message}`));
    }
    // Whatever was published while the subscriber connection was down is lost for good.
    let ready = false;
    this.subscriber.on('ready', () => (ready = true));
    this.subscriber.on('close', () => {
      if (!ready) return;
      ready = false;
      logger.warn('redis subscriber connection lost: live subscribers are told to subscribe again');
      this.local.interrupt();
    });
    this.subscriber.on('message', (from: string, message: string) => {
      if (from !== this.channel) return;
      try {
        this.local.publish(parseChange(message));
      } catch (error) {
        logger.error({ err: error }, 'ignored a malformed change from redis');
      }
    });
  }

  static async connect(url: string, channel: string, logger: Logger): Promise<RedisFeed> {
    const feed = new RedisFeed(url, channel, logger);
    try {
      await Promise.all([feed.publisher.connect(), feed.subscriber.connect()]);
      await feed.subscriber.subscribe(channel);
    } catch (error) {
      await feed.close(); // or both clients would go on reconnecting
      throw error;
    }
    logger.info({ channel }, 'live changes fan out through redis');
    return feed;
  }

  publish(change: EventChange): void {
    this.publisher.publish(this.channel, serializeChange(change)).catch((error: unknown) => {
      // Other instances miss it; this instance's own subscribers still get it.
      this.logger.warn(
        { err: error, id: change.event.id },
        'a change was stored but not published: redis is unavailable',
      );
      this.local.publish(change);
    });
  }

  subscribe(listener: (change: EventChange) => void, interrupted?: () => void): () => void {
    return this.local.subscribe(listener, interrupted);
  }

  get size(): number {
    return this.local.size;
  }

  async close(): Promise<void> {
    await this.local.close();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
