import { encodeCursor } from '../../domain/query';
import type { EventConnectionResolvers, EventEdgeResolvers } from '../__generated__/resolvers';

export const EventConnection: EventConnectionResolvers = {
  edges: (page) => page.events,
  nodes: (page) => page.events,
  pageInfo: (page) => {
    const last = page.events.at(-1);
    return { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(last) : null };
  },
  // Counted only when asked for: it is a second query.
  totalCount: (page, _, { events, actor }) => events.count(actor, page.query),
};

export const EventEdge: EventEdgeResolvers = {
  cursor: (event) => encodeCursor(event),
  node: (event) => event,
};
