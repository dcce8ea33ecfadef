/**
 * EventQuery → SQL. Each query is driven by the index that serves it in page order: the
 * tag table for a tag filter (one key/value pair is one range of its primary key), the
 * children index for parentId, else the events' page index. Every other condition is a
 * lookup per candidate row. Lists are passed as one JSON parameter (json_each), so that a
 * statement's text does not depend on how many values it is given and stays cached.
 */
import type { PageBounds } from '../../domain/event-store';
import type { EventQuery, PagePosition } from '../../domain/query';
import { DAY_MS } from './database';

export interface Sql {
  text: string;
  params: unknown[];
}

/**
 * The longest (end - start) ever stored: no event that overlaps a window can start earlier
 * than its `from` minus this, which bounds the index range of every window. One long event
 * widens every window's range (correct, only slower); docs/design.md says more.
 */
const MAX_SPAN = "(SELECT ifnull(max(value), 0) FROM meta WHERE name = 'max_span_ms')";

/** Search text shorter than this is matched by scanning (a trigram needs three characters). */
export const TRIGRAM = 3;

interface Matching {
  /** FROM and WHERE, with `s` the driving table (start_ms, id, end_ms) and `e` the events. */
  body: string;
  params: unknown[];
}

const ORDER = 'ORDER BY s.start_ms DESC, s.id DESC';
/** The page order read from its other end (last/before), which the same indexes serve. */
const REVERSE_ORDER = 'ORDER BY s.start_ms ASC, s.id ASC';
/** The numbers of a key's pairs with any of the values (a JSON list). */
const PAIRS_OF = 'SELECT pair FROM tag_pairs WHERE key = ? AND value IN (SELECT value FROM json_each(?))';

/** WHERE conditions and their parameters, in order. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): void {
    this.sql.push(condition);
    this.params.push(...params);
  }

  where(): string {
    return this.sql.length ? ` WHERE ${this.sql.join(' AND ')}` : '';
  }
}

/** A phrase for FTS5: the text in double quotes, quotes doubled; matched as a substring. */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Conditions on a row with start_ms and end_ms (alias `a`) for the EVENT and ENDPOINTS windows. */
function addWindow(a: string, query: EventQuery, where: Conditions): void {
  const from = query.from?.getTime();
  const to = query.to?.getTime();
  if (query.timeField === 'UPDATE') return;
  // Either way the event starts before `to`, and no earlier than `from` minus the longest span.
  if (to !== undefined) where.add(`${a}.start_ms < ?`, to);
  if (from !== undefined) where.add(`${a}.start_ms >= ? - ${MAX_SPAN}`, from);
  if (query.timeField === 'EVENT') {
    if (from !== undefined) where.add(`${a}.end_ms >= ?`, from);
    return;
  }
  if (from === undefined && to === undefined) return;
  const inWindow = (column: string) =>
    [from !== undefined && `${a}.${column} >= ${from}`, to !== undefined && `${a}.${column} < ${to}`]
      .filter(Boolean)
      .join(' AND ');
  where.add(`((${inWindow('start_ms')}) OR (${inWindow('end_ms')}))`);
}

/** The rows matching a query (and starting in `startWindow` when given), between `after` and `before`. */
function matching(
  query: EventQuery,
  options: { after?: PagePosition; before?: PagePosition; startWindow?: { from: Date; to: Date } } = {},
): Matching {
  const where = new Conditions();
  const [driving, ...otherTags] = Object.entries(query.tags ?? {});
  let from = 'events s';
  if (driving) {
    const [key, values] = driving;
    // NOT INDEXED: the primary key (pair, start, id), whose range is in page order; the
    // planner would otherwise take the time index and sort a whole window's rows.
    from = 'event_tags s NOT INDEXED JOIN events e ON e.id = s.id';
    // One value: one range of the tag rows' primary key, in page order.
    if (values.length === 1)
      where.add('s.pair = (SELECT pair FROM tag_pairs WHERE key = ? AND value = ?)', key, values[0]);
    else where.add(`s.pair IN (${PAIRS_OF})`, key, JSON.stringify(values));
  }
  const e = driving ? 'e' : 's';
  if (query.parentId !== undefined) where.add(`${e}.parent_id = ?`, query.parentId);
  const tagOf = `SELECT 1 FROM event_tags x WHERE x.id = s.id AND x.pair IN (${PAIRS_OF})`;
  for (const [key, values] of otherTags) where.add(`EXISTS (${tagOf})`, key, JSON.stringify(values));
  for (const [key, values] of Object.entries(query.excludeTags ?? {})) {
    where.add(`NOT EXISTS (${tagOf})`, key, JSON.stringify(values));
  }
  addWindow('s', query, where);
  if (query.timeField === 'UPDATE') {
    if (query.from) where.add(`${e}.updated_ms >= ?`, query.from.getTime());
    if (query.to) where.add(`${e}.updated_ms < ?`, query.to.getTime());
  }
  if (query.search) {
    if ([...query.search].length >= TRIGRAM) {
      where.add(`${e}.seq IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)`, ftsPhrase(query.search));
    } else {
      where.add(`contains_folded(json_extract(${e}.doc, '$.description'), ?)`, query.search.toLowerCase());
    }
  }
  if (options.startWindow) {
    where.add(
      's.start_ms >= ? AND s.start_ms < ?',
      options.startWindow.from.getTime(),
      options.startWindow.to.getTime(),
    );
  }
  if (options.after) {
    where.add('(s.start_ms, s.id) < (?, ?)', options.after.startTime.getTime(), options.after.id);
  }
  if (options.before) {
    where.add('(s.start_ms, s.id) > (?, ?)', options.before.startTime.getTime(), options.before.id);
  }
  return { body: `FROM ${from}${where.where()}`, params: where.params };
}

/** A page's rows; with `backward` in reverse page order (the caller turns them round). */
export function pageSql(query: EventQuery, limit: number, from: PageBounds = {}): Sql {
  const m = matching(query, { after: from.after, before: from.before });
  const doc = query.tags && Object.keys(query.tags).length > 0 ? 'e.doc' : 's.doc';
  const order = from.backward ? REVERSE_ORDER : ORDER;
  return { text: `SELECT ${doc} ${m.body} ${order} LIMIT ? OFFSET ?`, params: [...m.params, limit, from.skip ?? 0] };
}

export function countSql(query: EventQuery): Sql {
  const m = matching(query);
  return { text: `SELECT count(*) ${m.body}`, params: m.params };
}

/** A filter of a window and nothing else: its facets read the tag rows in time order. */
function isWindowOnly(query: EventQuery): boolean {
  return (
    !query.tags && !query.excludeTags && query.parentId === undefined && !query.search && query.timeField === 'EVENT'
  );
}

/**
 * Tag rows of the matching events, counted per pair (`pairCondition` narrows the pairs):
 * `pair` and `n` columns. Counted by number first, so each pair's text is read once.
 */
function countsPerPair(query: EventQuery, pairCondition: string, params: unknown[], column: 'events' | 'firsts'): Sql {
  if (isWindowOnly(query)) return windowCountsPerPair(query, pairCondition, params, column);
  const m = matching(query);
  const first = column === 'firsts' ? ' AND t.first = 1' : '';
  return {
    text: `SELECT t.pair, count(*) AS n FROM (SELECT s.id ${m.body}) m JOIN event_tags t ON t.id = m.id
           WHERE ${pairCondition}${first} GROUP BY t.pair`,
    params: [...m.params, ...params],
  };
}

/**
 * The same for a window and nothing else: the whole days inside it from tag_day_counts
 * (every event starting inside the window overlaps it), the edges row by row: before the
 * first whole day (events that started earlier and still ran at `from` included) and after
 * the last.
 */
function windowCountsPerPair(
  query: EventQuery,
  pairCondition: string,
  params: unknown[],
  column: 'events' | 'firsts',
): Sql {
  const from = query.from?.getTime();
  const to = query.to?.getTime();
  const firstDay = from === undefined ? undefined : Math.ceil(from / DAY_MS);
  const endDay = to === undefined ? undefined : Math.floor(to / DAY_MS);
  if (firstDay !== undefined && endDay !== undefined && endDay <= firstDay) {
    return edgeCounts(query, pairCondition, params, column); // no whole day inside
  }
  const days = new Conditions();
  if (firstDay !== undefined) days.add('d.day >= ?', firstDay);
  if (endDay !== undefined) days.add('d.day < ?', endDay);
  days.add(pairCondition.replace(/\bt\./g, 'd.'), ...params);
  const parts: Sql[] = [
    { text: `SELECT d.pair, d.${column} AS n FROM tag_day_counts d${days.where()}`, params: days.params },
  ];
  if (from !== undefined && firstDay !== undefined) {
    parts.push(edgeCounts({ ...query, to: new Date(firstDay * DAY_MS) }, pairCondition, params, column));
  }
  if (to !== undefined && endDay !== undefined) {
    // Starting from the end of the last whole day: every such event overlaps the window.
    parts.push(
      edgeCounts({ ...query, from: new Date(endDay * DAY_MS), to: query.to }, pairCondition, params, column, true),
    );
  }
  return {
    // Days whose events all changed or went away count 0: those pairs are not among the matches.
    text: `SELECT pair, sum(n) AS n FROM (${parts.map((part) => part.text).join(' UNION ALL ')})
           GROUP BY pair HAVING sum(n) > 0`,
    params: parts.flatMap((part) => part.params),
  };
}

/** Tag rows of events overlapping the query's window, per pair, read from the rows by time. */
function edgeCounts(
  query: EventQuery,
  pairCondition: string,
  params: unknown[],
  column: 'events' | 'firsts',
  startsInside = false,
): Sql {
  const where = new Conditions();
  if (startsInside) {
    where.add('t.start_ms >= ?', query.from?.getTime());
    if (query.to) where.add('t.start_ms < ?', query.to.getTime());
  } else {
    addWindow('t', query, where);
  }
  if (column === 'firsts') where.add('t.first = 1');
  where.add(pairCondition, ...params);
  return {
    text: `SELECT t.pair, count(*) AS n FROM event_tags t INDEXED BY event_tags_by_time${where.where()} GROUP BY t.pair`,
    params: where.params,
  };
}

/** Events per tag key among the matching ones: each event counts once per key (first = 1). */
export function tagKeysSql(query: EventQuery, limit: number): Sql {
  const counts = countsPerPair(query, '1', [], 'firsts');
  return {
    text: `SELECT p.key, sum(c.n) AS n FROM (${counts.text}) c JOIN tag_pairs p ON p.pair = c.pair
           GROUP BY p.key ORDER BY n DESC, p.key LIMIT ?`,
    params: [...counts.params, limit],
  };
}

/** Events per value of one key among the matching ones. */
export function tagValuesSql(query: EventQuery, key: string, limit: number): Sql {
  const counts = countsPerPair(query, 't.pair IN (SELECT pair FROM tag_pairs WHERE key = ?)', [key], 'events');
  return {
    text: `SELECT p.value, c.n FROM (${counts.text}) c JOIN tag_pairs p ON p.pair = c.pair
           ORDER BY c.n DESC, p.value LIMIT ?`,
    params: [...counts.params, limit],
  };
}

/** Events per bucket of `intervalMs` aligned to multiples of it, by start time in [from, to). */
export function histogramSql(query: EventQuery, from: Date, to: Date, intervalMs: number): Sql {
  const m = matching(query, { startWindow: { from, to } });
  return {
    // ((t % i) + i) % i: the remainder of times before 1970 too
    text: `SELECT s.start_ms - ((s.start_ms % ?) + ?) % ? AS bucket, count(*) AS n ${m.body} GROUP BY bucket`,
    params: [intervalMs, intervalMs, intervalMs, ...m.params],
  };
}

/** The same per value of one tag key. */
export function laneHistogramSql(query: EventQuery, key: string, from: Date, to: Date, intervalMs: number): Sql {
  const m = matching(query, { startWindow: { from, to } });
  return {
    text: `SELECT p.value, c.bucket, c.n FROM (
             SELECT t.pair, m.bucket, count(*) AS n
             FROM (SELECT s.id, s.start_ms - ((s.start_ms % ?) + ?) % ? AS bucket ${m.body}) m
             JOIN event_tags t ON t.id = m.id AND t.pair IN (SELECT pair FROM tag_pairs WHERE key = ?)
             GROUP BY t.pair, m.bucket
           ) c JOIN tag_pairs p ON p.pair = c.pair`,
    params: [intervalMs, intervalMs, intervalMs, ...m.params, key],
  };
}
