/**
 * Events grouped into lanes by one tag key, each lane packed into rows so that ranges
 * overlapping in time sit one above the other. Computed once per data change, not per frame.
 */
import type { TimelineEventFragment } from '../api/__generated__/graphql';
import { titleOf } from '../data/event-title';
import { statusOf, type Status } from './status';

export interface PlacedEvent {
  event: TimelineEventFragment;
  start: number;
  end: number;
  row: number;
  status: Status;
  /** Shaded across every lane. */
  incident: boolean;
  /** The text on its bar. */
  title: string;
}

/** How many events of a lane start in each bucket of the window, counted by the server. */
export interface LaneDensity {
  bucketMs: number;
  /** bucket start (epoch ms) and count, only the buckets with events */
  buckets: Array<{ start: number; count: number }>;
  /** the busiest bucket of any lane, so that shades compare across lanes */
  max: number;
  /** the lane's events in the whole window */
  total: number;
}

export interface Lane {
  name: string;
  /** The events' own value for the key; null for the lane of events without it. */
  value: string | null;
  rows: number;
  events: PlacedEvent[];
  /** Set when the window holds more events than are drawn: where the lane is busy. */
  density?: LaneDensity;
}

/** What the server counted per lane value (laneHistogram). */
export interface LaneCounts {
  bucketMs: number;
  lanes: ReadonlyArray<{ value: string; count: number; buckets: ReadonlyArray<{ start: string; count: number }> }>;
}

/** Beyond this many rows a lane's events share its last row rather than grow without end. */
export const MAX_ROWS = 6;
const NO_VALUE = '(none)';

/**
 * With `counts` (the window holds more events than were loaded), every counted value gets a
 * lane, drawn events or not, with its density across the whole window.
 */
export function layoutLanes(events: readonly TimelineEventFragment[], laneKey: string, counts?: LaneCounts): Lane[] {
  const groups = new Map<string | null, TimelineEventFragment[]>();
  for (const event of events) {
    // An event tagged with several values of the key is drawn in each of their lanes.
    const values = event.tags[laneKey]?.length ? event.tags[laneKey]! : [null];
    for (const value of values) {
      let group = groups.get(value);
      if (!group) groups.set(value, (group = []));
      group.push(event);
    }
  }
  for (const lane of counts?.lanes ?? []) if (!groups.has(lane.value)) groups.set(lane.value, []);
  const lanes = [...groups].map(([value, group]) => packLane(value, group));
  if (counts) attachDensity(lanes, counts);
  const size = (lane: Lane) => lane.density?.total ?? lane.events.length;
  // Busiest lanes first; the lane of events without the key last.
  return lanes.sort(
    (a, b) => Number(a.value === null) - Number(b.value === null) || size(b) - size(a) || a.name.localeCompare(b.name),
  );
}

function attachDensity(lanes: Lane[], counts: LaneCounts): void {
  const byValue = new Map(counts.lanes.map((lane) => [lane.value, lane]));
  let max = 0;
  for (const lane of counts.lanes) for (const bucket of lane.buckets) max = Math.max(max, bucket.count);
  for (const lane of lanes) {
    const counted = lane.value === null ? undefined : byValue.get(lane.value);
    if (!counted) continue;
    lane.density = {
      bucketMs: counts.bucketMs,
      buckets: counted.buckets.map((bucket) => ({ start: Date.parse(bucket.start), count: bucket.count })),
      max,
      total: counted.count,
    };
  }
}

function packLane(value: string | null, group: TimelineEventFragment[]): Lane {
  const placed = group
    .map((event) => ({
      event,
      start: Date.parse(event.startTime),
      end: Date.parse(event.endTime),
      row: 0,
      status: statusOf(event.tags),
      incident: event.tags.type?.some((type) => type.toLowerCase() === 'incident') ?? false,
      title: titleOf(event),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const rowEnds: number[] = [];
  for (const item of placed) {
    let row = rowEnds.findIndex((end) => end < item.start);
    if (row === -1) row = rowEnds.length < MAX_ROWS ? rowEnds.length : MAX_ROWS - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? 0, item.end);
    item.row = row;
  }
  return { name: value ?? NO_VALUE, value, rows: Math.max(1, rowEnds.length), events: placed };
}
