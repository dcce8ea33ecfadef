import type { MutationResolvers } from '../__generated__/resolvers';

export const Mutation: MutationResolvers = {
  createEvent: (_, { event }, { events }) => events.create(event),
  createEvents: async (_, { events: inputs }, { events }) => ({ results: await events.createMany(inputs) }),
  replaceEvent: (_, { event, upsert }, { events }) => events.write('replace', event, upsert ?? false),
  updateEvent: (_, { event, upsert }, { events }) => events.write('update', event, upsert ?? false),
  mergeEvent: (_, { event, upsert }, { events }) => events.write('merge', event, upsert ?? false),
  deleteEvent: (_, { id }, { events }) => events.delete(id),
  restoreEvent: (_, { id }, { events }) => events.restore(id),
};
