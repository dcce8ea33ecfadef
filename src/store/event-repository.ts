/** The EventStore on MongoDB (or anything speaking its wire protocol, such as FerretDB). */
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { ConflictError } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import type { EventStore } from '../domain/event-store';
import type { EventQuery, PagePosition } from '../domain/query';
import { fromDocument, toDocument, type EventDocument } from './event-document';
import { eventFilter, PAGE_ORDER } from './event-filter';
import { ensureIndexes } from './indexes';
import { guard, isDuplicateKey } from './store-errors';
import { tombstoneEntry, VersionLog, versionEntry, type VersionEntry } from './version-log';

// A claimed revision that the events collection still does not show after this long
// belongs to a writer that died between its two steps; another writer then finishes it.
const ABANDONED_CLAIM_MS = 15_000;

export class MongoEventRepository implements EventStore {
  private readonly events: Collection<EventDocument>;
  private readonly log: VersionLog;

  constructor(db: Db) {
    this.events = db.collection<EventDocument>('events');
    this.log = new VersionLog(db.collection<VersionEntry>('event_versions'));
  }

  ensureIndexes(): Promise<void> {
    return guard(() => ensureIndexes(this.events, this.log.entries));
  }

  findById(id: string): Promise<EventRecord | null> {
    return guard(async () => {
      const doc = await this.events.findOne({ _id: id });
      return doc ? fromDocument(doc) : null;
    });
  }

  findByIds(ids: readonly string[]): Promise<EventRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return guard(async () => {
      // One id: an equality with a limit, which FerretDB on SQLite pushes down and stops early.
      const cursor =
        ids.length === 1
          ? this.events.find({ _id: ids[0] as string }).limit(1)
          : this.events.find({ _id: { $in: [...ids] } });
      return (await cursor.toArray()).map(fromDocument);
    });
  }

  findChildren(parentIds: readonly string[]): Promise<EventRecord[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return guard(async () => {
      const filter =
        parentIds.length === 1 ? { parentId: parentIds[0] as string } : { parentId: { $in: [...parentIds] } };
      return (await this.events.find(filter).sort(PAGE_ORDER).toArray()).map(fromDocument);
    });
  }

  findParentsWithChildren(parentIds: readonly string[]): Promise<Set<string>> {
    if (parentIds.length === 0) return Promise.resolve(new Set());
    return guard(async () => {
      const found = await this.events.distinct('parentId', { parentId: { $in: [...parentIds] } });
      return new Set(found.filter((id): id is string => typeof id === 'string'));
    });
  }

  findPage(query: EventQuery, limit: number, after?: PagePosition): Promise<EventRecord[]> {
    return guard(async () =>
      (await this.events.find(eventFilter(query, after)).sort(PAGE_ORDER).limit(limit).toArray()).map(fromDocument),
    );
  }

  count(query: EventQuery): Promise<number> {
    return guard(() => this.events.countDocuments(eventFilter(query)));
  }

  insert(event: EventRecord): Promise<void> {
    return guard(async () => {
      try {
        await this.events.insertOne(toDocument(event));
      } catch (error) {
        if (isDuplicateKey(error)) throw conflict(event.id);
        throw error;
      }
    });
  }

  insertMany(events: readonly EventRecord[]): Promise<Array<ConflictError | null>> {
    const refusals: Array<ConflictError | null> = events.map(() => null);
    if (events.length === 0) return Promise.resolve(refusals);
    return guard(async () => {
      try {
        await this.events.insertMany(events.map(toDocument), { ordered: false });
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        for (const failure of failures) {
          if (failure.code !== 11000) throw error;
          refusals[failure.index] = conflict(events[failure.index]?.id ?? '');
        }
      }
      return refusals;
    });
  }

  commit(previous: EventRecord, next: EventRecord | null): Promise<boolean> {
    return guard(async () => {
      // The first version is not in the log until something replaces it.
      if (previous.revision === 1) await this.log.keep(previous);
      const entry = next ? versionEntry(next, next.updatedAt) : tombstoneEntry(previous, new Date());
      if (!(await this.log.claim(entry))) {
        await this.finishAbandonedClaim(previous);
        return false;
      }
      // Only the owner of the claim writes it, so the write needs no condition (and a filter
      // on _id alone is the one FerretDB v1 can serve from its index on SQLite).
      if (entry.deleted) await this.events.deleteOne({ _id: entry.eventId });
      else await this.events.replaceOne({ _id: entry.eventId }, entry.event);
      return true;
    });
  }

  findRevisions(events: readonly EventRecord[]): Promise<EventRecord[][]> {
    if (events.length === 0) return Promise.resolve([]);
    return guard(() => this.log.earlierVersions(events));
  }

  findDeleted(id: string): Promise<EventRecord | null> {
    return guard(async () => {
      const tombstone = await this.log.lastTombstone(id);
      return tombstone ? fromDocument(tombstone.event) : null;
    });
  }

  restore(deleted: EventRecord, restored: EventRecord): Promise<boolean> {
    return guard(async () => {
      if (!(await this.log.claim(versionEntry(restored, restored.updatedAt)))) return false;
      try {
        await this.events.insertOne(toDocument(restored));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
  }

  /**
   * Another writer claimed the revision after `previous`. When that claim is old and the
   * event still shows `previous`, the claimer died before its second step: finish it, so
   * that the event does not stay stuck. The condition on revision keeps a late finisher
   * from undoing newer versions.
   */
  private async finishAbandonedClaim(previous: EventRecord): Promise<void> {
    const entry = await this.log.find(previous.id, previous.createdAt, previous.revision + 1);
    if (!entry || Date.now() - entry.at.getTime() < ABANDONED_CLAIM_MS) return;
    const filter = { _id: previous.id, revision: previous.revision, createdAt: previous.createdAt };
    if (entry.deleted) await this.events.deleteOne(filter);
    else await this.events.replaceOne(filter, entry.event);
  }
}

function conflict(id: string): ConflictError {
  return new ConflictError(`event "${id}" already exists`, 'event.id');
}
