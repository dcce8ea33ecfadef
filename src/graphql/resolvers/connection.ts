import { encodeCursor } from '../../domain/query';
import type { EventConnectionResolvers, EventEdgeResolvers, PageInfoResolvers } from '../__generated__/resolvers';

export const EventConnection: EventConnectionResolvers = {
  edges: (page) => page.events,
  nodes: (page) => page.events,
  pageInfo: (page) => page,
  // Counted only when asked for: it is a second query.
  totalCount: (page, _, { events, actor }) => events.queries.count(actor, page.query),
};

export const EventEdge: EventEdgeResolvers = {
  cursor: (event) => encodeCursor(event),
  node: (event) => event,
};

export const PageInfo: PageInfoResolvers = {
  // Beyond a cursor against the direction of reading this is a second (one-event) query.
  hasNextPage: (page, _, { events, actor }) => events.queries.pageContinues(actor, page, 'next'),
  hasPreviousPage: (page, _, { events, actor }) => events.queries.pageContinues(actor, page, 'previous'),
  startCursor: (page) => {
    const first = page.events[0];
    return first ? encodeCursor(first) : null;
  },
  endCursor: (page) => {
    const last = page.events.at(-1);
    return last ? encodeCursor(last) : null;
  },
};
