/**
 * EventQuery → SQL. Each query is driven by the index that serves it in page order: the
 * tag table for a tag filter (one key/value pair is one range of its primary key), the
 * children index for parentId, else the events' page index. Every other condition is a
 * lookup per candidate row. Lists are passed as one JSON parameter (json_each), so that a
 * statement's text does not depend on how many values it is given and stays cached.
 */
import type { EventQuery, PagePosition } from '../../domain/query';

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

/** The rows matching a query (and starting in `startWindow` when given), after `after`. */
function matching(
  query: EventQuery,
  options: { after?: PagePosition; startWindow?: { from: Date; to: Date } } = {},
): Matching {
  const where = new Conditions();
  const [driving, ...otherTags] = Object.entries(query.tags ?? {});
  let from = 'events s';
  if (driving) {
    const [key, values] = driving;
    from = 'event_tags s JOIN events e ON e.id = s.id';
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
  return { body: `FROM ${from}${where.where()}`, params: where.params };
}

export function pageSql(query: EventQuery, limit: number, from: { after?: PagePosition; skip?: number } = {}): Sql {
  const m = matching(query, { after: from.after });
  const doc = query.tags && Object.keys(query.tags).length > 0 ? 'e.doc' : 's.doc';
  return { text: `SELECT ${doc} ${m.body} ${ORDER} LIMIT ? OFFSET ?`, params: [...m.params, limit, from.skip ?? 0] };
}

export function countSql(query: EventQuery): Sql {
  const m = matching(query);
  return { text: `SELECT count(*) ${m.body}`, params: m.params };
}

/** Events per tag key among the matching ones: each event counts once per key (first = 1). */
export function tagKeysSql(query: EventQuery, limit: number): Sql {
  const m = matching(query);
  return {
    text: `SELECT p.key, count(*) AS n FROM (SELECT s.id ${m.body}) m
           JOIN event_tags t ON t.id = m.id AND t.first = 1 JOIN tag_pairs p ON p.pair = t.pair
           GROUP BY p.key ORDER BY n DESC, p.key LIMIT ?`,
    params: [...m.params, limit],
  };
}

/** Events per value of one key among the matching ones. */
export function tagValuesSql(query: EventQuery, key: string, limit: number): Sql {
  const m = matching(query);
  return {
    text: `SELECT p.value, count(*) AS n FROM (SELECT s.id ${m.body}) m
           JOIN event_tags t ON t.id = m.id JOIN tag_pairs p ON p.pair = t.pair AND p.key = ?
           GROUP BY p.value ORDER BY n DESC, p.value LIMIT ?`,
    params: [...m.params, key, limit],
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
