import { LIMITS } from '../../domain/limits';
import type { QueryResolvers } from '../__generated__/resolvers';

export const Query: QueryResolvers = {
  event: (_, { id }, { events }) => events.get(id),
  events: async (_, { filter, first, after }, { events, loaders }) => {
    const page = await events.list(filter, first, after);
    // Parent lookups of events on this page need no second read of them.
    for (const event of page.events) loaders.eventById.prime(event.id, event);
    return page;
  },
  eventTree: (_, { id, maxDepth }, { events }) => events.tree(id, maxDepth ?? LIMITS.defaultTreeDepth),
  tagKeys: (_, { filter, first }, { events }) => events.tagKeys(filter, first),
  tagValues: (_, { key, filter, first }, { events }) => events.tagValues(key, filter, first),
  histogram: (_, { filter, interval }, { events }) => events.histogram(filter, interval),
};
