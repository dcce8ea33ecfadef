import type { EventResolvers } from '../__generated__/resolvers';
import { asRevision } from './node';

export const Event: EventResolvers = {
  parent: (event, _, { loaders }) => (event.parentId === null ? null : loaders.eventById.load(event.parentId)),
  children: (event, _, { loaders }) => loaders.childrenByParentId.load(event.id),
  ancestors: (event, { limit }, { events, loaders, actor }) =>
    events.graph.ancestors(actor, event, limit ?? 100, (id) => loaders.eventById.load(id)),
  revisions: async (event, { last }, { events, loaders, actor }) =>
    (await loaders.revisionsOf.load({ event, last: events.queries.revisionsLimit(actor, last) })).map(asRevision),
};
