/**
 * EventQuery → MongoDB filter. FerretDB v1 on PostgreSQL pushes down only top-level
 * equality conditions, so equalities (parentId, the first single-valued tag) stay at the
 * top level and everything else goes under $and; on MongoDB the shape makes no difference.
 */
import type { Filter } from 'mongodb';
import { escapeRegex, type EventQuery, type PagePosition } from '../../domain/query';
import { tagPair, tagPairs, type EventDocument } from './event-document';

export const PAGE_ORDER = { startTime: -1, _id: -1 } as const;
/** The page order read from its other end (last/before); the same indexes serve it. */
export const REVERSE_PAGE_ORDER = { startTime: 1, _id: 1 } as const;

export function eventFilter(
  query: EventQuery,
  { after, before }: { after?: PagePosition; before?: PagePosition } = {},
): Filter<EventDocument> {
  const top: Filter<EventDocument> = {};
  const and: Filter<EventDocument>[] = [];
  if (query.parentId !== undefined) top.parentId = query.parentId;
  for (const [key, values] of Object.entries(query.tags ?? {})) {
    const pairs = values.map((value) => tagPair(key, value));
    if (pairs.length === 1 && top.tagIndex === undefined) top.tagIndex = pairs[0];
    else and.push({ tagIndex: pairs.length === 1 ? pairs[0] : { $in: pairs } });
  }
  if (query.excludeTags) {
    and.push({ tagIndex: { $nin: tagPairs(query.excludeTags) } });
  }
  if (query.from || query.to) and.push(timeWindow(query));
  if (query.search) and.push({ description: { $regex: escapeRegex(query.search), $options: 'i' } });
  if (after) {
    and.push({
      $or: [{ startTime: { $lt: after.startTime } }, { startTime: after.startTime, _id: { $lt: after.id } }],
    });
  }
  if (before) {
    and.push({
      $or: [{ startTime: { $gt: before.startTime } }, { startTime: before.startTime, _id: { $gt: before.id } }],
    });
  }
  if (and.length > 0) top.$and = and;
  return top;
}

function within(from: Date | undefined, to: Date | undefined): { $gte?: Date; $lt?: Date } {
  return { ...(from && { $gte: from }), ...(to && { $lt: to }) };
}

function timeWindow({ timeField, from, to }: EventQuery): Filter<EventDocument> {
  switch (timeField) {
    case 'EVENT': // the interval [startTime, endTime] overlaps [from, to)
      return { ...(from && { endTime: { $gte: from } }), ...(to && { startTime: { $lt: to } }) };
    case 'UPDATE':
      return { updatedAt: within(from, to) };
    case 'ENDPOINTS':
      return { $or: [{ startTime: within(from, to) }, { endTime: within(from, to) }] };
  }
}

/**
 * A field equal to one of `values`: a plain equality for one value, which FerretDB can push
 * down (and, with a limit, stop early on SQLite), `$in` for several.
 */
export function oneOf<T>(values: readonly T[]): T | { $in: T[] } {
  return values.length === 1 ? (values[0] as T) : { $in: [...values] };
}
