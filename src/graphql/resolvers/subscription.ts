import type { EventChange } from '../../domain/changes';
import type { SubscriptionResolvers } from '../__generated__/resolvers';

export const Subscription: SubscriptionResolvers = {
  eventChanged: {
    subscribe: (_, { filter }, { events, dropSlowSubscriber }) => events.changes(filter, dropSlowSubscriber),
    resolve: (change: EventChange) => change,
  },
};
