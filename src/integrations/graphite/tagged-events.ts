/**
 * The events of a time window that carry all, or any, of a set of flat tags: Graphite's
 * `set=intersection|union` and Grafana's `matchAny`. ETS's filter is AND across keys and
 * any-of within a key, so each store query here selects a superset (all: one query on one
 * value per key; any: one query per key) and the exact rule is applied to what it returns.
 */
import type { Actor } from '../../domain/access';
import { ValidationError } from '../../domain/errors';
import { emptyMap, type EventRecord, type TagMap } from '../../domain/event';
import type { EventService } from '../../domain/event-service';
import { encodeCursor } from '../../domain/query';

export interface TaggedQuery {
  /** The tags asked for, as ETS pairs. */
  pairs: ReadonlyArray<readonly [string, string]>;
  /** all: an event carries every pair; any: at least one (or there are none). */
  match: 'all' | 'any';
  /** Pairs every event must carry whatever `match` says (Grafana's dashboard and panel). */
  required?: ReadonlyArray<readonly [string, string]>;
  /** The window [from, to): the event's interval overlaps it. */
  from?: Date;
  to?: Date;
  /** At most this many events, the newest first; at most the service's page size. */
  limit: number;
}

/** Tags asked for in one query at most: each is a pair, and `any` costs a store query per key. */
export const MAX_QUERY_TAGS = 100;
/** Pages read for one store query at most, when the exact rule drops what the superset held. */
const MAX_PAGES = 10;

const carries = (event: EventRecord, [key, value]: readonly [string, string]) =>
  event.tags[key]?.includes(value) ?? false;

function predicate({ pairs, match, required = [] }: TaggedQuery): (event: EventRecord) => boolean {
  return (event) =>
    required.every((pair) => carries(event, pair)) &&
    (match === 'all'
      ? pairs.every((pair) => carries(event, pair))
      : pairs.length === 0 || pairs.some((pair) => carries(event, pair)));
}

/** One value per key: the events carrying all the pairs are among those this map selects. */
function firstValues(pairs: ReadonlyArray<readonly [string, string]>, into: TagMap = emptyMap()): TagMap {
  for (const [key, value] of pairs) into[key] ??= [value];
  return into;
}

/** The store queries (their tag filters) whose results hold every matching event. */
function supersets(query: TaggedQuery): TagMap[] {
  const base = () => firstValues(query.required ?? []);
  if (query.match === 'all' || query.pairs.length === 0) return [firstValues(query.pairs, base())];
  const byKey = new Map<string, string[]>();
  for (const [key, value] of query.pairs) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey].map(([key, values]) => Object.assign(base(), { [key]: values }));
}

/** The order of every ETS list: startTime desc, then id desc. */
function newestFirst(a: EventRecord, b: EventRecord): number {
  return b.startTime.getTime() - a.startTime.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export async function findTaggedEvents(
  events: EventService,
  actor: Actor,
  query: TaggedQuery,
  pageSize: number,
): Promise<EventRecord[]> {
  if (query.pairs.length > MAX_QUERY_TAGS) {
    throw new ValidationError('tags', `must have at most ${MAX_QUERY_TAGS} tags`);
  }
  const matches = predicate(query);
  const found = new Map<string, EventRecord>();
  for (const tags of supersets(query)) {
    let after: string | undefined;
    let kept = 0;
    for (let page = 0; page < MAX_PAGES && kept < query.limit; page++) {
      const filter = { tags, from: query.from, to: query.to, timeField: 'EVENT' };
      // The first page is as long as the answer; later ones (the rule dropped some) are full.
      const size = page === 0 ? query.limit : pageSize;
      const { events: batch, hasMore } = await events.queries.list(actor, filter, { first: size, after });
      for (const event of batch.filter(matches)) {
        if (kept++ < query.limit) found.set(event.id, event);
      }
      const last = batch.at(-1);
      if (!hasMore || !last) break;
      after = encodeCursor(last);
    }
  }
  return [...found.values()].sort(newestFirst).slice(0, query.limit);
}
