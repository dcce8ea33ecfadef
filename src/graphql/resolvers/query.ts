import { LIMITS } from '../../domain/limits';
import type { QueryResolvers } from '../__generated__/resolvers';
import { accessQueries } from './access';
import { nodeQueries } from './node';

export const Query: QueryResolvers = {
  event: (_, { id }, { events, actor }) => events.queries.get(actor, id),
  events: async (_, { filter, first, after, last, before }, { events, loaders, actor }) => {
    const page = await events.queries.list(actor, filter, { first, after, last, before });
    // Parent lookups of events on this page need no second read of them.
    for (const event of page.events) loaders.eventById.prime(event.id, event);
    return page;
  },
  eventTree: (_, { id, maxDepth }, { events, actor }) => events.graph.tree(actor, id, maxDepth ?? LIMITS.defaultTreeDepth),
  tagKeys: (_, { filter, first }, { events, actor }) => events.queries.tagKeys(actor, filter, first),
  tagValues: (_, { key, filter, first }, { events, actor }) => events.queries.tagValues(actor, key, filter, first),
  histogram: (_, { filter, interval }, { events, actor }) => events.queries.histogram(actor, filter, interval),
  laneHistogram: (_, { key, filter, interval, first }, { events, actor }) =>
    events.queries.laneHistogram(actor, key, filter, interval, first),
  ...accessQueries,
  ...nodeQueries,
};
