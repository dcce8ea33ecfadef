/**
 * The indexes ETS needs, created at start-up (idempotent). Which query uses which index is
 * listed in the README.
 */
import type { Collection, IndexDescription } from 'mongodb';
import type { EventDocument } from './event-document';
import type { VersionEntry } from './version-log';

export const EVENT_INDEXES: IndexDescription[] = [
  // events(filter: {tags}) in page order; multikey over the key/value pairs
  { key: { tagIndex: 1, startTime: -1, _id: -1 }, name: 'tags_page' },
  // events() in page order, and the window's upper bound (startTime < to)
  { key: { startTime: -1, _id: -1 }, name: 'page' },
  // the window's lower bound (endTime >= from)
  { key: { endTime: 1 }, name: 'end_time' },
  // children, eventTree, events(filter: {parentId})
  { key: { parentId: 1, startTime: -1, _id: -1 }, name: 'children' },
  // events(filter: {timeField: UPDATE})
  { key: { updatedAt: 1 }, name: 'updated_at' },
];

export const VERSION_INDEXES: IndexDescription[] = [
  // Event.revisions, restoreEvent
  { key: { eventId: 1, revision: 1 }, name: 'event_revision' },
];

export async function ensureIndexes(
  events: Collection<EventDocument>,
  versions: Collection<VersionEntry>,
): Promise<void> {
  await createMissing(events, EVENT_INDEXES);
  await createMissing(versions, VERSION_INDEXES);
}

/**
 * Creates the indexes a collection does not have yet, by name. Asking for existing ones
 * again is harmless on MongoDB, but FerretDB v1 on PostgreSQL panics on it once the
 * collection holds data, and a restart on existing data must not depend on that.
 */
async function createMissing<T extends object>(collection: Collection<T>, wanted: IndexDescription[]): Promise<void> {
  const existing = new Set(
    (
      await collection
        .listIndexes()
        .toArray()
        .catch(() => [])
    ).map((index) => String(index.name)),
  );
  const missing = wanted.filter((index) => !existing.has(index.name as string));
  if (missing.length > 0) await collection.createIndexes(missing);
}
