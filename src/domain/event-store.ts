/** The storage the domain needs, as an interface: store/ implements it for MongoDB. */
import type { ConflictError } from './errors';
import type { EventRecord } from './event';
import type { EventQuery, PagePosition } from './query';

export interface EventStore {
  findById(id: string): Promise<EventRecord | null>;
  /** The stored events among `ids`, in no particular order. */
  findByIds(ids: readonly string[]): Promise<EventRecord[]>;
  /** The direct children of all `parentIds`, newest start time first. */
  findChildren(parentIds: readonly string[]): Promise<EventRecord[]>;
  /** Which of `parentIds` have at least one child. */
  findParentsWithChildren(parentIds: readonly string[]): Promise<Set<string>>;
  /** Up to `limit` matching events after `after`, ordered by startTime desc, id desc. */
  findPage(query: EventQuery, limit: number, after?: PagePosition): Promise<EventRecord[]>;
  count(query: EventQuery): Promise<number>;
  /** Throws ConflictError when the id is taken. */
  insert(event: EventRecord): Promise<void>;
  /** Inserts what it can; the answer has, per input index, null or why it was refused. */
  insertMany(events: readonly EventRecord[]): Promise<Array<ConflictError | null>>;
  /**
   * Turns `previous` into `next` (null deletes it) as one atomic step, keeping `previous`
   * as a revision. Returns false, changing nothing, when another write changed the event
   * after `previous` was read.
   */
  commit(previous: EventRecord, next: EventRecord | null): Promise<boolean>;
  /** For each event, its earlier versions, oldest first (batched for many events). */
  findRevisions(events: readonly EventRecord[]): Promise<EventRecord[][]>;
  /** The last version of the most recently deleted event with this id, if it is kept. */
  findDeleted(id: string): Promise<EventRecord | null>;
  /** Brings back a deleted event as `restored`; false when the id is in use again. */
  restore(deleted: EventRecord, restored: EventRecord): Promise<boolean>;
}
