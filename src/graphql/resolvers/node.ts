/**
 * Global Object Identification (Relay): every object with an id has one unique to it, and
 * `node(id:)` reads it back. An event's id is its own (user-supplied, the API's contract);
 * a revision's id encodes the event's id, when it was created and the revision number.
 */
import type { EventRecord } from '../../domain/event';
import type { EventRevisionResolvers, NodeResolvers, QueryResolvers } from '../__generated__/resolvers';

/** An earlier version of an event, marked so that a Node tells it from the event itself. */
export type RevisionModel = EventRecord & { readonly __typename: 'EventRevision' };

export const asRevision = (version: EventRecord): RevisionModel => ({ ...version, __typename: 'EventRevision' });

const REVISION_ID = /^EventRevision:(\d+):(-?\d+):(.+)$/s;

/**
 * base64 of "EventRevision:<revision>:<createdAt ms>:<event id>", as graphql-relay's
 * toGlobalId spells a type and an id. createdAt tells apart two events that had one id in
 * turn (one deleted, the other created later), whose revisions would otherwise share ids.
 */
export function revisionId(version: Pick<EventRecord, 'id' | 'createdAt' | 'revision'>): string {
  return Buffer.from(`EventRevision:${version.revision}:${version.createdAt.getTime()}:${version.id}`).toString(
    'base64',
  );
}

/** The parts of a revision's id; null for any other id (an event's own, say). */
export function parseRevisionId(id: string): { id: string; createdAt: Date; revision: number } | null {
  const match = REVISION_ID.exec(Buffer.from(id, 'base64').toString('utf8'));
  if (!match) return null;
  const [, revision, created, eventId] = match as unknown as [string, string, string, string];
  const parts = { id: eventId, createdAt: new Date(Number(created)), revision: Number(revision) };
  // Only the spelling revisionId makes: base64 decoding forgives much, an id must not.
  return revisionId(parts) === id ? parts : null;
}

export const nodeQueries: Pick<QueryResolvers, 'node'> = {
  node: async (_, { id }, { events, actor }) => {
    const revision = parseRevisionId(id);
    if (!revision) return events.queries.get(actor, id);
    const version = await events.queries.revision(actor, revision.id, revision.createdAt, revision.revision);
    return version && asRevision(version);
  },
};

export const Node: NodeResolvers = {
  __resolveType: (node) => ('__typename' in node ? node.__typename : 'Event'),
};

export const EventRevision: EventRevisionResolvers = {
  id: (version) => revisionId(version),
  eventId: (version) => version.id,
};
