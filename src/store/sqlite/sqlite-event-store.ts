/**
 * The EventStore on SQLite, inside the ETS process. Writes run on this thread's connection,
 * each change one transaction: the version kept, the event written, its tag rows and text,
 * or none of them. Reads by id are index lookups done here; every read whose cost depends
 * on the data (pages, counts, facets, children, revisions) goes to the reader threads.
 */
import type Database from 'better-sqlite3';
import type { EventRecord } from '../../domain/event';
import type { EventStore, PageBounds } from '../../domain/event-store';
import type { HistogramCount, LaneCount, TagKeyCount, TagValueCount } from '../../domain/facets';
import type { EventQuery } from '../../domain/query';
import { countSql, histogramSql, laneHistogramSql, pageSql, tagKeysSql, tagValuesSql, type Sql } from './event-sql';
import { decodeEvent, encodeEvent } from '../../domain/portable-event';
import type { ReadExecutor, ReadWeight } from './read-pool';
import { DAY_MS } from './database';
import { eventExists } from '../conflicts';
import { guardSync, sqliteError } from './sqlite-errors';

type Row = unknown[];

const PAIRS_REMEMBERED = 100_000;

export class SqliteEventStore implements EventStore {
  /**
   * The longest span this process has seen stored (or written itself): only spans above it
   * need to be written to meta. Another ETS on the file may have stored longer ones, so
   * queries read the span from meta, never from here.
   */
  private knownMaxSpanMs = 0;
  private readonly pairs = new Map<string, number>();
  private readonly pending: Array<{
    change: () => unknown;
    resolve: (value: unknown) => void;
    reject: (error: Error) => void;
  }> = [];
  private readonly sql;

  constructor(
    private readonly db: Database.Database,
    private readonly reads: ReadExecutor,
  ) {
    const prepare = (text: string) => db.prepare(text);
    this.sql = {
      byId: prepare('SELECT doc FROM events WHERE id = ?').pluck(),
      byIds: prepare('SELECT doc FROM events WHERE id IN (SELECT value FROM json_each(?))').pluck(),
      current: prepare('SELECT seq, revision, created_ms FROM events WHERE id = ?'),
      insert: prepare(
        `INSERT INTO events (id, parent_id, start_ms, end_ms, updated_ms, created_ms, revision, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      update: prepare(
        `UPDATE events SET parent_id = ?, start_ms = ?, end_ms = ?, updated_ms = ?, revision = ?, doc = ?
         WHERE seq = ?`,
      ),
      delete: prepare('DELETE FROM events WHERE seq = ?'),
      insertTag: prepare('INSERT OR IGNORE INTO event_tags (pair, start_ms, id, end_ms, first) VALUES (?, ?, ?, ?, ?)'),
      findPair: prepare('SELECT pair FROM tag_pairs WHERE key = ? AND value = ?').pluck(),
      insertPair: prepare('INSERT INTO tag_pairs (key, value) VALUES (?, ?)'),
      deleteTags: prepare('DELETE FROM event_tags WHERE id = ?'),
      countTag: prepare(
        `INSERT INTO tag_day_counts (day, pair, events, firsts) VALUES (?, ?, 1, ?)
         ON CONFLICT (day, pair) DO UPDATE SET events = events + 1, firsts = firsts + excluded.firsts`,
      ),
      uncountTags: prepare(
        `INSERT INTO tag_day_counts (day, pair, events, firsts)
         SELECT (start_ms - ((start_ms % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS}) / ${DAY_MS}, pair, -1, -first
         FROM event_tags WHERE id = ?
         ON CONFLICT (day, pair) DO UPDATE SET events = events + excluded.events, firsts = firsts + excluded.firsts`,
      ),
      insertText: prepare('INSERT INTO event_text (rowid, description) VALUES (?, ?)'),
      deleteText: prepare('DELETE FROM event_text WHERE rowid = ?'),
      keepVersion: prepare(
        `INSERT OR IGNORE INTO event_versions (event_id, created_ms, revision, deleted, at_ms, doc)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      lastTombstone: prepare(
        `SELECT revision, doc FROM event_versions WHERE event_id = ? AND deleted = 1
         ORDER BY created_ms DESC, revision DESC LIMIT 1`,
      ),
      widenMaxSpan: prepare(
        `INSERT INTO meta (name, value) VALUES ('max_span_ms', ?)
         ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
      ),
    };
  }

  findById(id: string): Promise<EventRecord | null> {
    return guardSync(() => {
      const doc = this.sql.byId.get(id) as string | undefined;
      return doc === undefined ? null : decodeEvent(doc);
    });
  }

  findByIds(ids: readonly string[]): Promise<EventRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return guardSync(() => (this.sql.byIds.all(JSON.stringify(ids)) as string[]).map((doc) => decodeEvent(doc)));
  }

  async findChildren(parentIds: readonly string[], limit: number): Promise<EventRecord[]> {
    if (parentIds.length === 0) return [];
    const docs = await this.readColumn(
      {
        text: `SELECT doc FROM events WHERE parent_id IN (SELECT value FROM json_each(?))
               ORDER BY start_ms DESC, id DESC LIMIT ?`,
        params: [JSON.stringify(parentIds), limit],
      },
      'light',
    );
    return (docs as string[]).map((doc) => decodeEvent(doc));
  }

  async findParentsWithChildren(parentIds: readonly string[]): Promise<Set<string>> {
    if (parentIds.length === 0) return new Set();
    const found = await this.readColumn(
      {
        text: 'SELECT DISTINCT parent_id FROM events WHERE parent_id IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(parentIds)],
      },
      'light',
    );
    return new Set(found as string[]);
  }

  async findPage(query: EventQuery, limit: number, from: PageBounds = {}): Promise<EventRecord[]> {
    const docs = (await this.readColumn(pageSql(query, limit, from), 'heavy')) as string[];
    const events = docs.map((doc) => decodeEvent(doc));
    return from.backward ? events.reverse() : events;
  }

  async count(query: EventQuery): Promise<number> {
    const [count] = await this.readColumn(countSql(query), 'heavy');
    return Number(count ?? 0);
  }

  async countTagKeys(query: EventQuery, limit: number): Promise<TagKeyCount[]> {
    const rows = await this.readRows(tagKeysSql(query, limit));
    return rows.map(([key, count]) => ({ key: key as string, count: Number(count) }));
  }

  async countTagValues(query: EventQuery, key: string, limit: number): Promise<TagValueCount[]> {
    const rows = await this.readRows(tagValuesSql(query, key, limit));
    return rows.map(([value, count]) => ({ value: value as string, count: Number(count) }));
  }

  async countByStartTime(query: EventQuery, from: Date, to: Date, intervalMs: number): Promise<HistogramCount[]> {
    const rows = await this.readRows(histogramSql(query, from, to, intervalMs));
    return rows.map(([start, count]) => ({ start: Number(start), count: Number(count) }));
  }

  async countByStartTimeAndValue(
    query: EventQuery,
    key: string,
    from: Date,
    to: Date,
    intervalMs: number,
  ): Promise<LaneCount[]> {
    const rows = await this.readRows(laneHistogramSql(query, key, from, to, intervalMs));
    return rows.map(([value, start, count]) => ({
      value: value as string,
      start: Number(start),
      count: Number(count),
    }));
  }

  async insert(event: EventRecord): Promise<void> {
    if (!(await this.write(() => this.insertRow(event)))) {
      throw eventExists(event.id);
    }
  }

  insertMany(events: readonly EventRecord[]): Promise<boolean[]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.write(() => events.map((event) => this.insertRow(event)));
  }

  commit(previous: EventRecord, next: EventRecord | null, now: Date): Promise<boolean> {
    return this.write(() => {
      const current = this.sql.current.get(previous.id) as
        { seq: number; revision: number; created_ms: number } | undefined;
      if (!current || current.revision !== previous.revision || current.created_ms !== previous.createdAt.getTime()) {
        return false; // another writer changed it after `previous` was read
      }
      this.keepVersion(previous, false, previous.revision, previous.updatedAt);
      this.sql.uncountTags.run(previous.id);
      this.sql.deleteTags.run(previous.id);
      if (previous.description) this.sql.deleteText.run(current.seq);
      if (next) {
        this.sql.update.run(
          next.parentId,
          next.startTime.getTime(),
          next.endTime.getTime(),
          next.updatedAt.getTime(),
          next.revision,
          encodeEvent(next),
          current.seq,
        );
        this.indexRow(current.seq, next);
      } else {
        this.sql.delete.run(current.seq);
        this.keepVersion(previous, true, previous.revision + 1, now);
      }
      return true;
    });
  }

  async findRevisions(events: readonly EventRecord[], last: number): Promise<EventRecord[][]> {
    if (events.length === 0) return [];
    // Per event (and incarnation), the `last` newest versions before the current one.
    const rows = await this.readRows(
      {
        text: `SELECT event_id, created_ms, revision, doc FROM (
                 SELECT v.event_id, v.created_ms, v.revision, v.doc,
                        row_number() OVER (PARTITION BY v.event_id, v.created_ms ORDER BY v.revision DESC) AS nth
                 FROM event_versions v
                 JOIN json_each(?) wanted ON wanted.value ->> 0 = v.event_id AND wanted.value ->> 1 = v.created_ms
                 WHERE v.deleted = 0 AND v.revision < wanted.value ->> 2
               ) WHERE nth <= ? ORDER BY revision`,
        params: [JSON.stringify(events.map((e) => [e.id, e.createdAt.getTime(), e.revision])), last],
      },
      'light',
    );
    return events.map((event) =>
      rows
        .filter(([id, created]) => id === event.id && created === event.createdAt.getTime())
        .map(([, , , doc]) => decodeEvent(doc as string)),
    );
  }

  async findRevision(event: EventRecord, revision: number): Promise<EventRecord | null> {
    if (revision >= event.revision) return null; // the current version is not an earlier one
    const [doc] = await this.readColumn(
      {
        text: `SELECT doc FROM event_versions
               WHERE event_id = ? AND created_ms = ? AND revision = ? AND deleted = 0`,
        params: [event.id, event.createdAt.getTime(), revision],
      },
      'light',
    );
    return typeof doc === 'string' ? decodeEvent(doc) : null;
  }

  findDeleted(id: string): Promise<{ last: EventRecord; deletedAs: number } | null> {
    return guardSync(() => {
      const row = this.sql.lastTombstone.get(id) as { revision: number; doc: string } | undefined;
      return row ? { last: decodeEvent(row.doc), deletedAs: row.revision } : null;
    });
  }

  restore(restored: EventRecord): Promise<boolean> {
    return this.write(() => this.insertRow(restored));
  }

  /**
   * Runs a change in the next group commit: the changes asked for while the event loop was
   * busy share one transaction and one sync to disk, each in a savepoint of its own (a
   * change that fails undoes only itself). Each is acknowledged once the group is on disk.
   * BEGIN IMMEDIATE takes the write lock at the start: a second ETS on the file waits for
   * it instead of failing midway on a lock it cannot upgrade.
   */
  private write<T>(change: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ change, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitGroup());
    });
  }

  private commitGroup(): void {
    const group = this.pending.splice(0);
    const outcomes: Array<{ value: unknown } | { error: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          for (const { change } of group) {
            try {
              outcomes.push({ value: this.db.transaction(change)() });
            } catch (error) {
              outcomes.push({ error });
            }
          }
        })
        .immediate();
    } catch (error) {
      this.pairs.clear(); // pairs numbered in a rolled-back transaction do not exist
      for (const { reject } of group) reject(sqliteError(error as Error));
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i] as { value: unknown } | { error: unknown };
      if ('value' in outcome) return resolve(outcome.value);
      this.pairs.clear();
      reject(sqliteError(outcome.error as Error));
    });
  }

  /** Inserts the event with its tag rows and text; false when the id is taken. */
  private insertRow(event: EventRecord): boolean {
    const inserted = this.sql.insert.run(
      event.id,
      event.parentId,
      event.startTime.getTime(),
      event.endTime.getTime(),
      event.updatedAt.getTime(),
      event.createdAt.getTime(),
      event.revision,
      encodeEvent(event),
    );
    if (inserted.changes === 0) return false;
    this.indexRow(Number(inserted.lastInsertRowid), event);
    return true;
  }

  /** The tag rows and the searchable text of an event's row. */
  private indexRow(seq: number, event: EventRecord): void {
    const start = event.startTime.getTime();
    const end = event.endTime.getTime();
    const day = Math.floor(start / DAY_MS);
    for (const [key, values] of Object.entries(event.tags)) {
      values.forEach((value, i) => {
        const pair = this.pairOf(key, value);
        const first = i === 0 ? 1 : 0;
        this.sql.insertTag.run(pair, start, event.id, end, first);
        this.sql.countTag.run(day, pair, first);
      });
    }
    if (event.description) this.sql.insertText.run(seq, event.description);
    if (end - start > this.knownMaxSpanMs) {
      this.sql.widenMaxSpan.run(end - start);
      this.knownMaxSpanMs = end - start;
    }
  }

  /** The number of a tag pair, numbered on first use (inside the caller's transaction). */
  private pairOf(key: string, value: string): number {
    const name = `${key}\u0000${value}`;
    let pair = this.pairs.get(name);
    if (pair === undefined) {
      pair =
        (this.sql.findPair.get(key, value) as number | undefined) ??
        Number(this.sql.insertPair.run(key, value).lastInsertRowid);
      // Pairs are never renumbered, so a remembered number stays right; the memory is bounded.
      if (this.pairs.size >= PAIRS_REMEMBERED) this.pairs.clear();
      this.pairs.set(name, pair);
    }
    return pair;
  }

  private keepVersion(event: EventRecord, deleted: boolean, revision: number, at: Date): void {
    this.sql.keepVersion.run(
      event.id,
      event.createdAt.getTime(),
      revision,
      deleted ? 1 : 0,
      at.getTime(),
      encodeEvent(event),
    );
  }

  private readColumn(sql: Sql, weight: ReadWeight): Promise<unknown[]> {
    return this.reads.read(sql.text, sql.params, 'column', weight);
  }

  private async readRows(sql: Sql, weight: ReadWeight = 'heavy'): Promise<Row[]> {
    return (await this.reads.read(sql.text, sql.params, 'rows', weight)) as Row[];
  }
}
