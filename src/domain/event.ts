// Layer: domain. Imports: nothing. Packages: luxon, async-lock.
/** The event as the domain sees it: plain data, no storage or transport shapes. */

/** key → non-empty list of distinct values, in the order they were given. */
export type TagMap = Record<string, string[]>;
/** name → URL string. */
export type UrlMap = Record<string, string>;

export interface EventFields {
  id: string;
  parentId: string | null;
  /** The id of this event in the system that reported it (a CI run, a deploy). */
  sourceId: string | null;
  startTime: Date;
  endTime: Date;
  description: string;
  detailUrls: UrlMap;
  tags: TagMap;
}

export interface EventRecord extends EventFields {
  createdAt: Date;
  updatedAt: Date;
  revision: number;
  /** The name of the token that made this version; null when made without one. */
  changedBy: string | null;
}

/**
 * What a writer supplied, already validated. `undefined` means "not given"; a `null`
 * parentId means "explicitly none".
 */
export interface EventDraft {
  id?: string;
  parentId?: string | null;
  sourceId?: string | null;
  startTime?: Date;
  endTime?: Date;
  description?: string;
  detailUrls?: UrlMap;
  tags?: TagMap;
}

/**
 * A map without a prototype, so that user keys such as "__proto__" or "constructor" are
 * ordinary keys.
 */
export function emptyMap<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
