import type { MutationResolvers } from '../__generated__/resolvers';
import { accessMutations } from './access';

export const Mutation: MutationResolvers = {
  createEvent: (_, { event }, { events, actor }) => events.writes.create(actor, event),
  createEvents: async (_, { events: inputs }, { events, actor }) => ({
    results: await events.writes.createMany(actor, inputs),
  }),
  replaceEvent: (_, { event, upsert }, { events, actor }) => events.writes.write(actor, 'replace', event, upsert ?? false),
  updateEvent: (_, { event, upsert }, { events, actor }) => events.writes.write(actor, 'update', event, upsert ?? false),
  mergeEvent: (_, { event, upsert }, { events, actor }) => events.writes.write(actor, 'merge', event, upsert ?? false),
  deleteEvent: (_, { id }, { events, actor }) => events.writes.delete(actor, id),
  restoreEvent: (_, { id }, { events, actor }) => events.writes.restore(actor, id),
  ...accessMutations,
};
