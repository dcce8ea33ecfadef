/**
 * The events of one view as the query cache holds them: what the server listed, page by
 * page, and the live changes since, applied over it. Pure, so that the merge is testable.
 */
import type { EventFilter, TimelineEventFragment } from '../api/__generated__/graphql';

export interface EventChange {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  event: TimelineEventFragment;
}

export interface TimelineData {
  /** As the server listed them, newest first. */
  listed: readonly TimelineEventFragment[];
  /** The server's count when the first page was read. */
  totalCount: number;
  /**
   * The last live change of each event since the load began. Kept apart from `listed`, so
   * that a page answered before a change cannot undo it, whichever arrives first.
   */
  changes: ReadonlyMap<string, EventChange>;
}

export const EMPTY_TIMELINE: TimelineData = { listed: [], totalCount: 0, changes: new Map() };

export function withPage(
  data: TimelineData,
  page: { nodes: readonly TimelineEventFragment[]; totalCount?: number | null },
): TimelineData {
  return { ...data, listed: data.listed.concat(page.nodes), totalCount: page.totalCount ?? data.totalCount };
}

export function withChanges(data: TimelineData, incoming: readonly EventChange[]): TimelineData {
  const changes = new Map(data.changes);
  for (const change of incoming) changes.set(change.event.id, change);
  return { ...data, changes };
}

/**
 * The changes to keep over a load that has just finished: those that arrived while it ran.
 * One already there when it began (the same object) was written before the load asked, so
 * the server's answer has it.
 */
export function changesSince(
  before: ReadonlyMap<string, EventChange> | undefined,
  now: ReadonlyMap<string, EventChange>,
): ReadonlyMap<string, EventChange> {
  if (!before?.size) return now;
  return new Map([...now].filter(([id, change]) => before.get(id) !== change));
}

/** The events to draw: the listed ones with the changes applied. */
export function eventsOf(data: TimelineData): TimelineEventFragment[] {
  if (!data.changes.size) return data.listed as TimelineEventFragment[];
  const merged = new Map(data.listed.map((e) => [e.id, e]));
  for (const [id, change] of data.changes) {
    if (change.kind === 'DELETED') merged.delete(id);
    else merged.set(id, change.event);
  }
  return [...merged.values()];
}

/** The server's count and the events created since that it did not list. */
export function countOf(data: TimelineData): number {
  let added = 0;
  if (data.changes.size) {
    const listed = new Set(data.listed.map((e) => e.id));
    for (const change of data.changes.values()) if (change.kind === 'CREATED' && !listed.has(change.event.id)) added++;
  }
  return data.totalCount + added;
}

/** The two filters differ only in a later `from`: a moving "last …" window has stepped on. */
export function onlyStartMoved(before: EventFilter, after: EventFilter): boolean {
  return (
    typeof before.from === 'string' &&
    typeof after.from === 'string' &&
    after.from > before.from &&
    JSON.stringify({ ...before, from: null }) === JSON.stringify({ ...after, from: null })
  );
}
