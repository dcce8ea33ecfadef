import type { EventResolvers } from '../__generated__/resolvers';

export const Event: EventResolvers = {
  parent: (event, _, { loaders }) => (event.parentId === null ? null : loaders.eventById.load(event.parentId)),
  children: (event, _, { loaders }) => loaders.childrenByParentId.load(event.id),
  ancestors: (event, { limit }, { events, loaders, actor }) =>
    events.ancestors(actor, event, limit ?? 100, (id) => loaders.eventById.load(id)),
  revisions: (event, { last }, { events, loaders, actor }) =>
    loaders.revisionsOf.load({ event, last: events.revisionsLimit(actor, last) }),
};
