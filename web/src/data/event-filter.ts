/** The API's EventFilter for what the view shows. */
import type { EventFilter } from '../api/__generated__/graphql';
import { resolveRange, type TagMap, type ViewState } from '../view/view-state';
import type { TimeWindow } from '../timeline/time-scale';

/** A preset's start moves in steps of this, so a running "last 6h" view refetches rarely. */
const PRESET_STEP = 5 * 60_000;

/** The window the queries ask for: a preset is open-ended (live events extend it). */
export function queryWindow(view: ViewState, now: number): { from: number; to: number | null } {
  if ('preset' in view.range) {
    const { from } = resolveRange(view.range, now);
    return { from: Math.floor(from / PRESET_STEP) * PRESET_STEP, to: null };
  }
  return view.range;
}

function nonEmpty(tags: TagMap): TagMap | undefined {
  return Object.keys(tags).length ? tags : undefined;
}

export function eventFilter(view: ViewState, window: { from: number; to: number | null }): EventFilter {
  return {
    tags: nonEmpty(view.tags),
    excludeTags: nonEmpty(view.exclude),
    search: view.search || undefined,
    from: new Date(window.from).toISOString(),
    to: window.to === null ? undefined : new Date(window.to).toISOString(),
  };
}

/**
 * The filter a facet's values are counted under: every filter but the key's own choice
 * (its values kept and left out), so that each value shows what choosing it would give.
 */
export function facetFilter(filter: EventFilter, key: string): EventFilter {
  return { ...filter, tags: without(filter.tags, key), excludeTags: without(filter.excludeTags, key) };
}

function without(tags: TagMap | null | undefined, key: string): TagMap | undefined {
  if (!tags) return undefined;
  const { [key]: _, ...rest } = tags;
  return nonEmpty(rest);
}

export function windowOf(window: { from: number; to: number | null }, now: number): TimeWindow {
  return { from: window.from, to: window.to ?? now };
}
