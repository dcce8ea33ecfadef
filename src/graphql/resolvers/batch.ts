import { errorFields } from '../../domain/errors';
import type { CreateEventResultResolvers, CreateEventsResultResolvers } from '../__generated__/resolvers';

export const CreateEventsResult: CreateEventsResultResolvers = {
  createdCount: ({ results }) => results.filter((result) => 'event' in result).length,
  failedCount: ({ results }) => results.filter((result) => 'error' in result).length,
  results: ({ results }) => results,
};

export const CreateEventResult: CreateEventResultResolvers = {
  index: (result) => result.index,
  event: (result) => ('event' in result ? result.event : null),
  // A plain object: graphql-js would treat a returned Error instance as a thrown one.
  error: (result) =>
    'error' in result ? { message: result.error.message, field: null, ...errorFields(result.error) } : null,
};
