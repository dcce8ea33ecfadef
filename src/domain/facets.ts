/** Facets for filter lists and timelines: tag keys and values with counts, and histograms. */
import { ValidationError } from './errors';
import type { EventQuery } from './query';

export interface TagKeyCount {
  key: string;
  count: number;
}

export interface TagValueCount {
  value: string;
  count: number;
}

export interface HistogramBucket {
  start: Date;
  count: number;
}

/** Events in the bucket starting at `start` (epoch ms), as a store counts them. */
export interface HistogramCount {
  start: number;
  count: number;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export const MAX_BUCKETS = 10_000;

/** "30s", "5m", "1h", "1d", "1w" → milliseconds. */
export function readInterval(text: unknown, field = 'interval'): number {
  const match = typeof text === 'string' ? /^(\d{1,6})([smhdw])$/.exec(text.trim()) : null;
  const ms = match ? Number(match[1]) * (UNITS[match[2] as string] as number) : 0;
  if (ms <= 0) throw new ValidationError(field, 'must be a whole number and a unit: s, m, h, d or w (e.g. 5m, 1h)');
  return ms;
}

/** The window a histogram covers: the filter's from and to, in at most MAX_BUCKETS buckets. */
export function histogramWindow(query: EventQuery, intervalMs: number): { from: Date; to: Date } {
  if (!query.from || !query.to) throw new ValidationError('filter', 'a histogram needs both from and to');
  if ((query.to.getTime() - query.from.getTime()) / intervalMs > MAX_BUCKETS) {
    throw new ValidationError('interval', `is too small for the window: at most ${MAX_BUCKETS} buckets`);
  }
  return { from: query.from, to: query.to };
}

/** A tag value's events per bucket, as a store counts them. */
export interface LaneCount {
  value: string;
  start: number;
  count: number;
}

export interface LaneHistogram {
  value: string;
  count: number;
  buckets: HistogramBucket[];
}

/** The `first` busiest values with their non-empty buckets, oldest first. */
export function laneHistograms(counted: readonly LaneCount[], first: number): LaneHistogram[] {
  const lanes = new Map<string, LaneHistogram>();
  for (const { value, start, count } of counted) {
    let lane = lanes.get(value);
    if (!lane) lanes.set(value, (lane = { value, count: 0, buckets: [] }));
    lane.count += count;
    lane.buckets.push({ start: new Date(start), count });
  }
  const busiest = [...lanes.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, first);
  for (const lane of busiest) lane.buckets.sort((a, b) => a.start.getTime() - b.start.getTime());
  return busiest;
}

/** The bucket a time falls in: buckets are aligned to multiples of the interval. */
export function bucketStart(timeMs: number, intervalMs: number): number {
  return Math.floor(timeMs / intervalMs) * intervalMs;
}

/** Counts start times into their buckets, for a store that cannot count them itself. */
export function countIntoBuckets(startTimes: readonly Date[], intervalMs: number): HistogramCount[] {
  const counts = new Map<number, number>();
  for (const time of startTimes) {
    const bucket = bucketStart(time.getTime(), intervalMs);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts].map(([start, count]) => ({ start, count }));
}

/** Counts events into buckets per value of `key`, for a store that cannot count them itself. */
export function countIntoLanes(
  events: ReadonlyArray<{ startTime: Date; tags: ReadonlyArray<{ key: string; values: readonly string[] }> }>,
  key: string,
  intervalMs: number,
): LaneCount[] {
  const counts = new Map<string, LaneCount>();
  for (const event of events) {
    const start = bucketStart(event.startTime.getTime(), intervalMs);
    for (const value of event.tags.find((tag) => tag.key === key)?.values ?? []) {
      const name = JSON.stringify([value, start]);
      const lane = counts.get(name);
      if (lane) lane.count++;
      else counts.set(name, { value, start, count: 1 });
    }
  }
  return [...counts.values()];
}

/**
 * Every bucket of the window, with the counts a store gave (so that the same interval
 * gives the same buckets whatever the window).
 */
export function histogramBuckets(
  from: Date,
  to: Date,
  intervalMs: number,
  counted: readonly HistogramCount[],
): HistogramBucket[] {
  const first = bucketStart(from.getTime(), intervalMs);
  const counts = new Map(counted.map(({ start, count }) => [start, count]));
  const buckets: HistogramBucket[] = [];
  for (let start = first; start < to.getTime(); start += intervalMs) {
    buckets.push({ start: new Date(start), count: counts.get(start) ?? 0 });
  }
  return buckets;
}
