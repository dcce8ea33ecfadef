/** The EventStore on MongoDB (or anything speaking its wire protocol, such as FerretDB). */
import type { Collection, Db } from 'mongodb';
import type { EventRecord } from '../../domain/event';
import type { EventStore, PageBounds } from '../../domain/event-store';
import {
  countIntoBuckets,
  countIntoLanes,
  type HistogramCount,
  type LaneCount,
  type TagKeyCount,
  type TagValueCount,
} from '../../domain/facets';
import { escapeRegex, type EventQuery } from '../../domain/query';
import { fromDocument, toDocument, type EventDocument } from './event-document';
import { eventFilter, oneOf, PAGE_ORDER, REVERSE_PAGE_ORDER } from './event-filter';
import { ensureIndexes } from './indexes';
import { eventExists } from '../conflicts';
import { guard, insertedEachUnlessTaken, insertedUnlessTaken, isStoreUnreachable } from './store-errors';
import { tombstoneEntry, VersionLog, versionEntry, type VersionEntry } from './version-log';

// A claimed revision that the events collection still does not show after this long
// belongs to a writer that died between its two steps; another writer then finishes it.
const ABANDONED_CLAIM_MS = 15_000;
// The second step of a commit is retried this often (the store may be restarting). With
// the 2 s server selection, a write caught between its steps by an outage fails within
// about 10 s; its claim is then finished by the next writer of the event.
const APPLY_RETRY_MS = [100, 300, 1_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class MongoEventRepository implements EventStore {
  private readonly events: Collection<EventDocument>;
  private readonly log: VersionLog;

  /** Every read carries the deadline: the server stops it there (MaxTimeMSExpired). */
  private readonly reads: { maxTimeMS: number };

  constructor(db: Db, { readTimeoutMs }: { readTimeoutMs: number }) {
    this.reads = { maxTimeMS: readTimeoutMs };
    this.events = db.collection<EventDocument>('events');
    this.log = new VersionLog(db.collection<VersionEntry>('event_versions'), this.reads);
  }

  private guard<T>(operation: () => Promise<T>): Promise<T> {
    return guard(operation, this.reads.maxTimeMS);
  }

  ensureIndexes(): Promise<void> {
    return this.guard(() => ensureIndexes(this.events, this.log.entries));
  }

  findById(id: string): Promise<EventRecord | null> {
    return this.guard(async () => {
      const doc = await this.events.findOne({ _id: id }, this.reads);
      return doc ? fromDocument(doc) : null;
    });
  }

  findByIds(ids: readonly string[]): Promise<EventRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.guard(async () =>
      (
        await this.events
          .find({ _id: oneOf(ids) }, this.reads)
          .limit(ids.length)
          .toArray()
      ).map(fromDocument),
    );
  }

  findChildren(parentIds: readonly string[], limit: number): Promise<EventRecord[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.guard(async () =>
      (
        await this.events
          .find({ parentId: oneOf(parentIds) }, this.reads)
          .sort(PAGE_ORDER)
          .limit(limit)
          .toArray()
      ).map(fromDocument),
    );
  }

  /** Without maxTimeMS: FerretDB refuses it on distinct, and the parentId index bounds this read. */
  findParentsWithChildren(parentIds: readonly string[]): Promise<Set<string>> {
    if (parentIds.length === 0) return Promise.resolve(new Set());
    return this.guard(async () => {
      const found = await this.events.distinct('parentId', { parentId: { $in: [...parentIds] } });
      return new Set(found.filter((id): id is string => typeof id === 'string'));
    });
  }

  findPage(query: EventQuery, limit: number, from: PageBounds = {}): Promise<EventRecord[]> {
    return this.guard(async () => {
      const events = (
        await this.events
          .find(eventFilter(query, from), this.reads)
          .sort(from.backward ? REVERSE_PAGE_ORDER : PAGE_ORDER)
          .skip(from.skip ?? 0)
          .limit(limit)
          .toArray()
      ).map(fromDocument);
      return from.backward ? events.reverse() : events;
    });
  }

  count(query: EventQuery): Promise<number> {
    return this.guard(() => this.events.countDocuments(eventFilter(query), this.reads));
  }

  countTagKeys(query: EventQuery, limit: number): Promise<TagKeyCount[]> {
    return this.guard(async () => {
      const groups = await this.events
        .aggregate<{ _id: string; count: number }>(
          [
            { $match: eventFilter(query) },
            { $unwind: '$tags' },
            { $group: { _id: '$tags.key', count: { $sum: 1 } } },
            { $sort: { count: -1, _id: 1 } },
            { $limit: limit },
          ],
          this.reads,
        )
        .toArray();
      return groups.map(({ _id, count }) => ({ key: _id, count }));
    });
  }

  countTagValues(query: EventQuery, key: string, limit: number): Promise<TagValueCount[]> {
    return this.guard(async () => {
      // Pairs of the key, from tagIndex (FerretDB cannot unwind a nested list such as tags.values).
      const prefix = `^${escapeRegex(JSON.stringify([key]).slice(0, -1))},`;
      const groups = await this.events
        .aggregate<{ _id: string; count: number }>(
          [
            { $match: eventFilter(query) },
            { $unwind: '$tagIndex' },
            { $match: { tagIndex: { $regex: prefix } } },
            { $group: { _id: '$tagIndex', count: { $sum: 1 } } },
            { $sort: { count: -1, _id: 1 } },
            { $limit: limit },
          ],
          this.reads,
        )
        .toArray();
      return groups.map(({ _id, count }) => ({ value: (JSON.parse(_id) as [string, string])[1], count }));
    });
  }

  countByStartTime(query: EventQuery, from: Date, to: Date, intervalMs: number): Promise<HistogramCount[]> {
    return this.guard(async () => {
      // Counted here: FerretDB v1 has no date arithmetic in $group.
      const filter = { $and: [eventFilter(query), { startTime: { $gte: from, $lt: to } }] };
      const docs = await this.events.find(filter, { projection: { startTime: 1 }, ...this.reads }).toArray();
      return countIntoBuckets(
        docs.map((doc) => doc.startTime),
        intervalMs,
      );
    });
  }

  countByStartTimeAndValue(
    query: EventQuery,
    key: string,
    from: Date,
    to: Date,
    intervalMs: number,
  ): Promise<LaneCount[]> {
    return this.guard(async () => {
      const filter = { $and: [eventFilter(query), { startTime: { $gte: from, $lt: to } }] };
      const docs = await this.events.find(filter, { projection: { startTime: 1, tags: 1 }, ...this.reads }).toArray();
      return countIntoLanes(docs, key, intervalMs);
    });
  }

  insert(event: EventRecord): Promise<void> {
    return this.guard(async () => {
      if (!(await insertedUnlessTaken(() => this.events.insertOne(toDocument(event))))) throw eventExists(event.id);
    });
  }

  insertMany(events: readonly EventRecord[]): Promise<boolean[]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.guard(() =>
      insertedEachUnlessTaken(events.length, () => this.events.insertMany(events.map(toDocument), { ordered: false })),
    );
  }

  commit(previous: EventRecord, next: EventRecord | null, now: Date): Promise<boolean> {
    return this.guard(async () => {
      // The first version is not in the log until something replaces it.
      if (previous.revision === 1) await this.log.keep(previous);
      const entry = next ? versionEntry(next, now) : tombstoneEntry(previous, now);
      if (!(await this.log.claim(entry))) {
        await this.finishAbandonedClaim(previous);
        return false;
      }
      await this.applyOwnClaim(entry);
      return true;
    });
  }

  findRevisions(events: readonly EventRecord[], last: number): Promise<EventRecord[][]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.guard(() => this.log.earlierVersions(events, last));
  }

  findRevision(event: EventRecord, revision: number): Promise<EventRecord | null> {
    // The log also holds the current version (and claims beyond it): only earlier ones count.
    if (revision >= event.revision) return Promise.resolve(null);
    return this.guard(async () => {
      const entry = await this.log.find(event.id, event.createdAt, revision);
      return entry && !entry.deleted ? fromDocument(entry.event) : null;
    });
  }

  findDeleted(id: string): Promise<{ last: EventRecord; deletedAs: number } | null> {
    return this.guard(async () => {
      const tombstone = await this.log.lastTombstone(id);
      return tombstone ? { last: fromDocument(tombstone.event), deletedAs: tombstone.revision } : null;
    });
  }

  restore(restored: EventRecord): Promise<boolean> {
    return this.guard(async () => {
      // Claimed earlier by a restore whose insert failed: that insert is finished here, as
      // the claim holds the same version.
      await this.log.claim(versionEntry(restored, restored.updatedAt));
      return insertedUnlessTaken(() => this.events.insertOne(toDocument(restored)));
    });
  }

  /**
   * Writes the version this writer claimed. Only the owner of a claim writes it, so the
   * write needs no condition (and a filter on _id alone is the one FerretDB v1 can serve
   * without reading every document on SQLite). A store that goes away for a moment is
   * waited for, so that the claim does not stay pending.
   */
  private async applyOwnClaim(entry: VersionEntry): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        if (entry.deleted) await this.events.deleteOne({ _id: entry.eventId });
        else await this.events.replaceOne({ _id: entry.eventId }, entry.event);
        return;
      } catch (error) {
        const wait = APPLY_RETRY_MS[attempt];
        if (wait === undefined || !isStoreUnreachable(error)) throw error;
        await sleep(wait);
      }
    }
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
