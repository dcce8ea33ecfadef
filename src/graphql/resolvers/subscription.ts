import { FeedInterruptedError, SlowSubscriberError, type StreamItem } from '../../domain/change-stream';
import type { SubscriptionResolvers } from '../__generated__/resolvers';

export const Subscription: SubscriptionResolvers = {
  eventChanged: {
    subscribe: (_, { filter }, { events, actor, dropSlowSubscriber, connectionClosed }) => {
      const stream = events.changes.subscribe(actor, filter, dropSlowSubscriber);
      // A client may close while its subscription is still being set up; graphql-ws would
      // then never end it, so the stream ends with the connection itself.
      if (connectionClosed?.aborted) void stream.return?.();
      else connectionClosed?.addEventListener('abort', () => void stream.return?.(), { once: true });
      return stream;
    },
    // The stream's last item may be the error that ended it: the client gets it as an error.
    resolve: (item: StreamItem) => {
      if (item instanceof SlowSubscriberError || item instanceof FeedInterruptedError) throw item;
      return item;
    },
  },
};
