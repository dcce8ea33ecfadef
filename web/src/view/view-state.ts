/**
 * The whole view in the URL's query string, so a pasted link opens the same view:
 *   ?range=6h | ?from=…&to=…   time window (a preset ends now; from/to are ISO instants)
 *   tag.<key>=<value>           only events with that tag (repeat: any of a key's values)
 *   not.<key>=<value>           leave out events with that tag
 *   q=<text>  lane=<key>  event=<id>  live=paused
 */
export const RANGE_PRESETS = { '1h': 3_600_000, '6h': 21_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export type TagMap = Record<string, string[]>;
export type TimeRange = { preset: RangePreset } | { from: number; to: number };

export interface ViewState {
  range: TimeRange;
  tags: TagMap;
  exclude: TagMap;
  search: string;
  lane: string;
  event: string | null;
  paused: boolean;
}

export const DEFAULT_PRESET: RangePreset = '6h';
export const DEFAULT_LANE = 'service';

function isPreset(value: string | null): value is RangePreset {
  return value !== null && Object.hasOwn(RANGE_PRESETS, value);
}

function readTags(params: URLSearchParams, prefix: string): TagMap {
  const tags: TagMap = {};
  for (const [name, value] of params) {
    if (!name.startsWith(prefix) || name.length === prefix.length || !value) continue;
    const values = (tags[name.slice(prefix.length)] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return tags;
}

function readRange(params: URLSearchParams): TimeRange {
  const from = Date.parse(params.get('from') ?? '');
  const to = Date.parse(params.get('to') ?? '');
  if (Number.isFinite(from) && Number.isFinite(to) && from < to) return { from, to };
  const preset = params.get('range');
  return { preset: isPreset(preset) ? preset : DEFAULT_PRESET };
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    range: readRange(params),
    tags: readTags(params, 'tag.'),
    exclude: readTags(params, 'not.'),
    search: params.get('q') ?? '',
    lane: params.get('lane') || DEFAULT_LANE,
    event: params.get('event') || null,
    paused: params.get('live') === 'paused',
  };
}

export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if ('preset' in state.range) params.set('range', state.range.preset);
  else {
    params.set('from', new Date(state.range.from).toISOString());
    params.set('to', new Date(state.range.to).toISOString());
  }
  for (const [key, values] of Object.entries(state.tags)) for (const v of values) params.append(`tag.${key}`, v);
  for (const [key, values] of Object.entries(state.exclude)) for (const v of values) params.append(`not.${key}`, v);
  if (state.search) params.set('q', state.search);
  if (state.lane !== DEFAULT_LANE) params.set('lane', state.lane);
  if (state.event) params.set('event', state.event);
  if (state.paused) params.set('live', 'paused');
  return `?${params.toString()}`;
}

/** The window a range covers at `now`. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  return 'preset' in range ? { from: now - RANGE_PRESETS[range.preset], to: now } : range;
}

/** A tag map with one value added or taken away. */
export function toggleTag(tags: TagMap, key: string, value: string): TagMap {
  const values = tags[key] ?? [];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  const { [key]: _, ...rest } = tags;
  return next.length ? { ...rest, [key]: next } : rest;
}

export function hasTag(tags: TagMap, key: string, value: string): boolean {
  return tags[key]?.includes(value) ?? false;
}
