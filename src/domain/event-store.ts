/** The storage the domain needs, as an interface: store/ implements it on SQLite and on MongoDB. */
import type { EventRecord } from './event';
import type { HistogramCount, LaneCount, TagKeyCount, TagValueCount } from './facets';
import type { EventQuery, PagePosition } from './query';

/** Where a page of `findPage` lies in the order, and from which end it is read. */
export interface PageBounds {
  after?: PagePosition;
  before?: PagePosition;
  skip?: number;
  backward?: boolean;
}

export interface EventStore {
  findById(id: string): Promise<EventRecord | null>;
  /** The stored events among `ids`, in no particular order. */
  findByIds(ids: readonly string[]): Promise<EventRecord[]>;
  /** The direct children of all `parentIds`, newest start time first, at most `limit`. */
  findChildren(parentIds: readonly string[], limit: number): Promise<EventRecord[]>;
  /** Which of `parentIds` have at least one child. */
  findParentsWithChildren(parentIds: readonly string[]): Promise<Set<string>>;
  /**
   * Up to `limit` matching events between `after` and `before` (both exclusive, either may
   * be absent), ordered by startTime desc, id desc: the first `limit` of them, for numbered
   * pages after skipping `skip`; with `backward`, the last `limit` (the ones nearest
   * `before`), read from that end of the index and returned in the same order.
   */
  findPage(query: EventQuery, limit: number, from?: PageBounds): Promise<EventRecord[]>;
  count(query: EventQuery): Promise<number>;
  /** The tag keys of the matching events, with how many events carry each; most first. */
  countTagKeys(query: EventQuery, limit: number): Promise<TagKeyCount[]>;
  /** The values of one tag key among the matching events, with counts; most first. */
  countTagValues(query: EventQuery, key: string, limit: number): Promise<TagValueCount[]>;
  /**
   * How many matching events start in each bucket of [from, to): buckets of `intervalMs`
   * aligned to multiples of it, the empty ones left out.
   */
  countByStartTime(query: EventQuery, from: Date, to: Date, intervalMs: number): Promise<HistogramCount[]>;
  /** The same, per value of the tag key `key` (an event counts in the bucket of each of its values). */
  countByStartTimeAndValue(
    query: EventQuery,
    key: string,
    from: Date,
    to: Date,
    intervalMs: number,
  ): Promise<LaneCount[]>;
  /** Throws ConflictError when the id is taken. */
  insert(event: EventRecord): Promise<void>;
  /** Inserts what it can; per input index, true when inserted, false when the id was taken. */
  insertMany(events: readonly EventRecord[]): Promise<boolean[]>;
  /**
   * Turns `previous` into `next` (null deletes it, at `now`) as one atomic step, keeping
   * `previous` as a revision. Returns false, changing nothing, when another write changed
   * the event after `previous` was read.
   */
  commit(previous: EventRecord, next: EventRecord | null, now: Date): Promise<boolean>;
  /** For each event, its `last` most recent earlier versions, oldest first (one call for many events). */
  findRevisions(events: readonly EventRecord[], last: number): Promise<EventRecord[][]>;
  /** One earlier version of `event` (of this event, not of an earlier one with the same id); null when not kept. */
  findRevision(event: EventRecord, revision: number): Promise<EventRecord | null>;
  /**
   * The most recent deletion of an event with this id, if it is kept: the last version and
   * the revision number the deletion took.
   */
  findDeleted(id: string): Promise<{ last: EventRecord; deletedAs: number } | null>;
  /** Brings back a deleted event as `restored`; false when the id is in use again. */
  restore(restored: EventRecord): Promise<boolean>;
}
