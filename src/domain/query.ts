/** What a reader may ask for: the event filter, page sizes and cursors (SPEC §3). */
import { ValidationError } from './errors';
import type { EventRecord, TagMap } from './event';
import { LIMITS } from './limits';
import { parseEventTime } from './time';
import { readId, readTagMap } from './validate';

/**
 * EVENT: the event's interval overlaps the window. UPDATE: updatedAt lies in it.
 * ENDPOINTS: its start or its end lies in it (the original REST API's meaning).
 */
export type TimeField = 'EVENT' | 'UPDATE' | 'ENDPOINTS';
const TIME_FIELDS: readonly unknown[] = ['EVENT', 'UPDATE', 'ENDPOINTS'];

export interface EventQuery {
  /** AND across keys, any-of within a key. */
  tags?: TagMap;
  /** Leaves out events carrying any of these key/value pairs. */
  excludeTags?: TagMap;
  /** Window start, inclusive. */
  from?: Date;
  /** Window end, exclusive. */
  to?: Date;
  timeField: TimeField;
  parentId?: string;
  /** Case-insensitive substring of the description. */
  search?: string;
}

export interface RawEventFilter {
  tags?: unknown;
  excludeTags?: unknown;
  from?: unknown;
  to?: unknown;
  timeField?: unknown;
  parentId?: unknown;
  search?: unknown;
}

export function readEventQuery(raw: RawEventFilter | null | undefined, field = 'filter'): EventQuery {
  const query: EventQuery = { timeField: 'EVENT' };
  if (!raw) return query;
  if (raw.tags != null) query.tags = readTagMap(raw.tags, `${field}.tags`);
  if (raw.excludeTags != null) query.excludeTags = readTagMap(raw.excludeTags, `${field}.excludeTags`);
  if (raw.from != null) query.from = parseEventTime(raw.from, `${field}.from`);
  if (raw.to != null) query.to = parseEventTime(raw.to, `${field}.to`);
  if (query.from && query.to && query.from >= query.to) {
    throw new ValidationError(`${field}.to`, 'must be after from (the window is [from, to))');
  }
  if (raw.timeField != null) {
    if (!TIME_FIELDS.includes(raw.timeField)) {
      throw new ValidationError(`${field}.timeField`, 'must be EVENT, UPDATE or ENDPOINTS');
    }
    query.timeField = raw.timeField as TimeField;
  }
  if (raw.parentId != null) query.parentId = readId(raw.parentId, `${field}.parentId`);
  if (raw.search != null) {
    if (typeof raw.search !== 'string') throw new ValidationError(`${field}.search`, 'must be a string');
    if (raw.search.length > LIMITS.searchLength) {
      throw new ValidationError(`${field}.search`, `must be at most ${LIMITS.searchLength} characters`);
    }
    if (raw.search.trim() !== '') query.search = raw.search.trim();
  }
  return query;
}

export function readPageSize(first: unknown, field = 'first', max: number = LIMITS.pageSize): number {
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > max) {
    throw new ValidationError(field, `must be an integer from 0 to ${max} (the page size limit)`);
  }
  return first;
}

/** A position in the order (startTime desc, id desc): a page starts or ends beside it. */
export interface PagePosition {
  startTime: Date;
  id: string;
}

/** How many events `events` answers when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * One page of a list in the order (startTime desc, id desc), as Relay's cursor connections
 * ask for it: the first `size` events after `after`, or with `backward` (last/before) the
 * last `size` events before `before`. Either cursor bounds the page on its side.
 */
export interface PageRequest {
  size: number;
  after?: PagePosition;
  before?: PagePosition;
  backward: boolean;
}

export interface RawPageArguments {
  first?: unknown;
  after?: unknown;
  last?: unknown;
  before?: unknown;
}

/** first/after and last/before of a connection; null counts as not given, as in GraphQL. */
export function readPageRequest(raw: RawPageArguments, max: number = LIMITS.pageSize): PageRequest {
  const first = raw.first ?? undefined;
  const last = raw.last ?? undefined;
  if (first !== undefined && last !== undefined) {
    throw new ValidationError(
      'last',
      'must not be given with first: page forwards with first and after, or backwards with last and before',
    );
  }
  const request: PageRequest = {
    size:
      last !== undefined
        ? readPageSize(last, 'last', max)
        : first !== undefined
          ? readPageSize(first, 'first', max)
          : Math.min(DEFAULT_PAGE_SIZE, max),
    backward: last !== undefined,
  };
  if (raw.after != null) request.after = decodeCursor(raw.after, 'after');
  if (raw.before != null) request.before = decodeCursor(raw.before, 'before');
  return request;
}

export function encodeCursor(event: Pick<EventRecord, 'startTime' | 'id'>): string {
  return Buffer.from(JSON.stringify([event.startTime.getTime(), event.id])).toString('base64url');
}

export function decodeCursor(cursor: unknown, field = 'after'): PagePosition {
  try {
    if (typeof cursor !== 'string') throw new TypeError('not a string');
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [time, id] = decoded as unknown[];
      if (typeof time === 'number' && typeof id === 'string') return { startTime: parseEventTime(time, field), id };
    }
  } catch {
    // reported below
  }
  throw new ValidationError(
    field,
    "must be a cursor returned by this API (an edge's cursor, pageInfo.startCursor or pageInfo.endCursor)",
  );
}

/** Search text is matched literally: no user-supplied pattern reaches the regex engine. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
