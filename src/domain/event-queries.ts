/** Reading events: by id, pages of a filter, counts, facets and histograms, earlier revisions. */
import { requireScope, type Actor } from './access';
import { ValidationError } from './errors';
import type { EventRecord } from './event';
import type { EventStore } from './event-store';
import {
  histogramBuckets,
  histogramWindow,
  laneHistograms,
  readInterval,
  type HistogramBucket,
  type LaneHistogram,
  type TagKeyCount,
  type TagValueCount,
} from './facets';
import { LIMITS } from './limits';
import {
  readEventQuery,
  readPageRequest,
  readPageSize,
  type EventQuery,
  type PageRequest,
  type RawEventFilter,
  type RawPageArguments,
} from './query';
import { readId } from './validate';

export interface EventPage {
  events: EventRecord[];
  query: EventQuery;
  request: PageRequest;
  /** More matching events lie beyond the page in the direction it was read; unknown for a page of 0. */
  hasMore?: boolean;
}

function readTagKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new ValidationError('key', 'must be a tag key');
  return key;
}

export class EventQueries {
  constructor(
    private readonly store: EventStore,
    /** The largest page a reader may ask for. */
    private readonly pageSize: number,
  ) {}

  get(actor: Actor, id: string): Promise<EventRecord | null> {
    requireScope(actor, 'read');
    return this.store.findById(readId(id, 'id'));
  }

  /** A page of matching events, forwards (first/after) or backwards (last/before). */
  async list(actor: Actor, filter: RawEventFilter | null | undefined, page: RawPageArguments): Promise<EventPage> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    const request = readPageRequest(page, this.pageSize);
    if (request.size === 0) return { events: [], query, request };
    const { size, after, before, backward } = request;
    // One more than the page, so that the read itself tells whether more follow.
    const events = await this.store.findPage(query, size + 1, { after, before, backward });
    const hasMore = events.length > size;
    return { events: backward ? events.slice(-size) : events.slice(0, size), query, request, hasMore };
  }

  /**
   * Whether matching events lie after the page (`next`) or before it (`previous`), as Relay
   * defines hasNextPage and hasPreviousPage: known from the read in the direction it was
   * read, else looked up past the cursor on that side, if one was given.
   */
  async pageContinues(actor: Actor, page: EventPage, side: 'next' | 'previous'): Promise<boolean> {
    requireScope(actor, 'read');
    const { request, query } = page;
    if (request.backward === (side === 'previous')) {
      // A page of none read nothing: whether any event lies between its cursors at all.
      const { after, before, backward } = request;
      if (page.hasMore ?? (await this.store.findPage(query, 1, { after, before, backward })).length > 0) return true;
    }
    const cursor = side === 'next' ? request.before : request.after;
    if (!cursor) return false;
    const beyond = await this.store.findPage(
      query,
      1,
      side === 'next' ? { after: cursor } : { before: cursor, backward: true },
    );
    return beyond.length > 0;
  }

  /** A numbered page (0 is the first) of `size` events, and how many match in all. */
  async listNumberedPage(
    actor: Actor,
    filter: RawEventFilter,
    size: unknown,
    page: unknown,
  ): Promise<{ events: EventRecord[]; total: number }> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter, 'query');
    const limit = readPageSize(size, 'count', this.pageSize);
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 0 || page > LIMITS.pageNumber) {
      throw new ValidationError('page', `must be an integer from 0 to ${LIMITS.pageNumber}`);
    }
    const [events, total] = await Promise.all([
      limit === 0 ? Promise.resolve([]) : this.store.findPage(query, limit, { skip: page * limit }),
      this.store.count(query),
    ]);
    return { events, total };
  }

  count(actor: Actor, query: EventQuery): Promise<number> {
    requireScope(actor, 'read');
    return this.store.count(query);
  }

  tagKeys(actor: Actor, filter: RawEventFilter | null | undefined, first: unknown): Promise<TagKeyCount[]> {
    requireScope(actor, 'read');
    return this.store.countTagKeys(readEventQuery(filter), readPageSize(first, 'first', this.pageSize));
  }

  tagValues(
    actor: Actor,
    key: unknown,
    filter: RawEventFilter | null | undefined,
    first: unknown,
  ): Promise<TagValueCount[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    return this.store.countTagValues(query, readTagKey(key), readPageSize(first, 'first', this.pageSize));
  }

  /** Counts of the matching events per time bucket, by start time, over the filter's window. */
  async histogram(
    actor: Actor,
    filter: RawEventFilter | null | undefined,
    interval: unknown,
  ): Promise<HistogramBucket[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    const intervalMs = readInterval(interval);
    const { from, to } = histogramWindow(query, intervalMs);
    // The window selects by start time here; the other conditions of the filter apply as usual.
    const rest = { ...query, from: undefined, to: undefined };
    return histogramBuckets(from, to, intervalMs, await this.store.countByStartTime(rest, from, to, intervalMs));
  }

  /** The histogram of each of the `first` busiest values of a tag key, over the filter's window. */
  async laneHistogram(
    actor: Actor,
    key: unknown,
    filter: RawEventFilter | null | undefined,
    interval: unknown,
    first: unknown,
  ): Promise<LaneHistogram[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    const tagKey = readTagKey(key);
    const limit = readPageSize(first, 'first', this.pageSize);
    const intervalMs = readInterval(interval);
    const { from, to } = histogramWindow(query, intervalMs);
    const rest = { ...query, from: undefined, to: undefined };
    return laneHistograms(await this.store.countByStartTimeAndValue(rest, tagKey, from, to, intervalMs), limit);
  }

  /**
   * An earlier version of an event, by the event's id, when the event was created (which
   * tells apart events that had the same id in turn) and the revision; null when the event
   * or that version is not there, or it is the current one.
   */
  async revision(actor: Actor, rawId: string, createdAt: Date, revision: number): Promise<EventRecord | null> {
    requireScope(actor, 'read');
    const event = await this.store.findById(readId(rawId, 'id'));
    if (!event || event.createdAt.getTime() !== createdAt.getTime()) return null;
    if (!Number.isInteger(revision) || revision < 1 || revision >= event.revision) return null;
    return this.store.findRevision(event, revision);
  }

  /** How many earlier versions of an event a reader asks for, checked. */
  revisionsLimit(actor: Actor, last: unknown): number {
    requireScope(actor, 'read');
    return readPageSize(last, 'last', LIMITS.revisions);
  }
}
