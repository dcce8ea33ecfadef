/**
 * The version log: every version of every event after its first, plus a tombstone per
 * deletion, one document each, keyed by (event id, createdAt, revision).
 *
 * It is also how a change is made atomic without transactions or atomic updates (FerretDB
 * v1 has neither: its updates are read-modify-write in its own process). Inserting a
 * document with a given _id is atomic everywhere, so the writer whose insert of revision
 * r+1 succeeds owns that revision; everyone else lost the race and retries from the new
 * state. The winner then copies the version into the events collection.
 */
import type { Collection } from 'mongodb';
import type { EventRecord } from '../../domain/event';
import { fromDocument, toDocument, type EventDocument } from './event-document';
import { insertedUnlessTaken } from './store-errors';

export interface VersionEntry {
  _id: string;
  eventId: string;
  eventCreatedAt: Date;
  /** The revision this entry makes current; for a tombstone, the revision the deletion took. */
  revision: number;
  /** A tombstone: `event` is the last version before the deletion. */
  deleted: boolean;
  at: Date;
  event: EventDocument;
}

export function versionKey(id: string, createdAt: Date, revision: number): string {
  return JSON.stringify([id, createdAt.getTime(), revision]);
}

export function versionEntry(event: EventRecord, at: Date): VersionEntry {
  return entry(event, event.revision, false, at);
}

export function tombstoneEntry(last: EventRecord, at: Date): VersionEntry {
  return entry(last, last.revision + 1, true, at);
}

function entry(event: EventRecord, revision: number, deleted: boolean, at: Date): VersionEntry {
  return {
    _id: versionKey(event.id, event.createdAt, revision),
    eventId: event.id,
    eventCreatedAt: event.createdAt,
    revision,
    deleted,
    at,
    event: toDocument(event),
  };
}

export class VersionLog {
  constructor(
    readonly entries: Collection<VersionEntry>,
    private readonly reads: { maxTimeMS: number },
  ) {}

  /** Claims the entry's revision; false when another writer already holds it. */
  claim(entry: VersionEntry): Promise<boolean> {
    return insertedUnlessTaken(() => this.entries.insertOne(entry));
  }

  /** Records a version that may already be recorded (the same content either way). */
  async keep(event: EventRecord): Promise<void> {
    await this.claim(versionEntry(event, event.updatedAt));
  }

  find(id: string, createdAt: Date, revision: number): Promise<VersionEntry | null> {
    return this.entries.findOne({ _id: versionKey(id, createdAt, revision) });
  }

  /**
   * The `last` most recent earlier versions of each event, oldest first: a bounded read per
   * event (in parallel), so one event with thousands of versions costs no more than `last`.
   */
  earlierVersions(events: readonly EventRecord[], last: number): Promise<EventRecord[][]> {
    return Promise.all(
      events.map(async (event) => {
        const found = await this.entries
          .find(
            { eventId: event.id, eventCreatedAt: event.createdAt, deleted: false, revision: { $lt: event.revision } },
            this.reads,
          )
          .sort({ revision: -1 })
          .limit(last)
          .toArray();
        return found.reverse().map((entry) => fromDocument(entry.event));
      }),
    );
  }

  /** The tombstone of the latest incarnation of an id (ordered by data, not by any clock). */
  async lastTombstone(id: string): Promise<VersionEntry | null> {
    const [last] = await this.entries
      .find({ eventId: id, deleted: true }, this.reads)
      .sort({ eventCreatedAt: -1, revision: -1 })
      .limit(1)
      .toArray();
    return last ?? null;
  }
}
