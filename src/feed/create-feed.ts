// Layer: feed. Imports: domain.
/** The change feed the configuration asks for: Redis when REDIS_URL is set, else in process. */
import type { Logger } from 'pino';
import type { ChangeFeed } from '../domain/changes';
import { InProcessFeed } from './in-process-feed';
import { RedisFeed } from './redis-feed';

export type Feed = ChangeFeed & { readonly size: number };

export async function createFeed(redisUrl: string | undefined, channel: string, logger: Logger): Promise<Feed> {
  return redisUrl ? RedisFeed.connect(redisUrl, channel, logger) : new InProcessFeed(logger);
}
