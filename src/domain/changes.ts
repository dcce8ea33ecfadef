/**
 * Live changes: what a write announces once the store has acknowledged it, the feed that
 * carries announcements between server instances, and the filter a subscriber applies.
 */
import type { EventRecord } from './event';
import { escapeRegex, type EventQuery } from './query';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

export interface EventChange {
  kind: ChangeKind;
  /** The event after the change; for DELETED, the event as it was. */
  event: EventRecord;
}

/**
 * Carries changes to every subscriber of every server instance (in process, Redis, …).
 * `publish` must not wait for subscribers: a slow reader may never slow a writer.
 */
export interface ChangeFeed {
  publish(change: EventChange): void;
  /**
   * Calls `listener` for each change, in publishing order per event, and `interrupted` when
   * the feed may have lost changes (its broker connection dropped); returns the unsubscribe.
   */
  subscribe(listener: (change: EventChange) => void, interrupted?: () => void): () => void;
  close(): Promise<void>;
}

/** Whether an event matches a filter, as the store's query would select it. */
export function matchesQuery(event: EventRecord, query: EventQuery): boolean {
  return queryMatcher(query)(event);
}

/** The filter compiled once, for testing change after change. */
export function queryMatcher(query: EventQuery): (event: EventRecord) => boolean {
  // The store matches with a case-insensitive regular expression of the literal text.
  const search = query.search ? new RegExp(escapeRegex(query.search), 'iu') : undefined;
  return (event) => matches(event, query, search);
}

function matches(event: EventRecord, query: EventQuery, search: RegExp | undefined): boolean {
  if (query.parentId !== undefined && event.parentId !== query.parentId) return false;
  for (const [key, values] of Object.entries(query.tags ?? {})) {
    const has = event.tags[key];
    if (!has || !values.some((value) => has.includes(value))) return false;
  }
  for (const [key, values] of Object.entries(query.excludeTags ?? {})) {
    const has = event.tags[key];
    if (has && values.some((value) => has.includes(value))) return false;
  }
  if (search && !search.test(event.description)) return false;
  return inWindow(event, query);
}

function inWindow(event: EventRecord, { timeField, from, to }: EventQuery): boolean {
  const inside = (time: Date) => (!from || time >= from) && (!to || time < to);
  switch (timeField) {
    case 'EVENT':
      return (!from || event.endTime >= from) && (!to || event.startTime < to);
    case 'UPDATE':
      return inside(event.updatedAt);
    case 'ENDPOINTS':
      return inside(event.startTime) || inside(event.endTime);
  }
}
