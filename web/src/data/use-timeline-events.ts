/**
 * The events of the view, kept current by live changes. They load page by page (newest
 * first) and each page is drawn as it arrives; the cap keeps the browser quick when a
 * window holds more.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventFilter, TimelineEventFragment } from '../api/__generated__/graphql';
import { TimelineEventsQuery } from '../api/operations';
import { asApiError, request, type ApiError } from '../api/client';
import { useTokenGeneration } from '../api/token';

const PAGE_SIZE = 1000;
/** The first page is small, so that the newest events are on screen at once; the rest follow in full pages. */
const FIRST_PAGE_SIZE = 200;
const MAX_EVENTS = 5000;

export interface EventChange {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  event: TimelineEventFragment;
}

interface Loaded {
  /** Which load these came from: live changes belong to one load. */
  load: string;
  events: TimelineEventFragment[];
  totalCount: number;
}

/** The two filters differ only in a later `from`. */
function onlyStartMoved(before: string, after: string): boolean {
  const a = JSON.parse(before) as EventFilter;
  const b = JSON.parse(after) as EventFilter;
  return (
    typeof a.from === 'string' &&
    typeof b.from === 'string' &&
    b.from > a.from &&
    JSON.stringify({ ...a, from: null }) === JSON.stringify({ ...b, from: null })
  );
}

export function useTimelineEvents(filter: EventFilter) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const tokenGeneration = useTokenGeneration();

  // A moving "last 24h" steps its start forward now and then; a load under way finishes on
  // the window it began with (live changes keep it current) before the next one starts.
  const requested = JSON.stringify(filter);
  const [key, setKey] = useState(requested);
  useEffect(() => {
    if (requested !== key && !(loading && onlyStartMoved(key, requested))) setKey(requested);
  }, [requested, key, loading]);
  useEffect(() => {
    const controller = new AbortController();
    const load = `${generation}.${tokenGeneration}:${key}`;
    const parsed = JSON.parse(key) as EventFilter;
    setLoading(true);
    (async () => {
      let after: string | null | undefined;
      let events: TimelineEventFragment[] = [];
      let totalCount = 0;
      do {
        const page = await request(
          TimelineEventsQuery,
          {
            filter: parsed,
            first: after === undefined ? FIRST_PAGE_SIZE : Math.min(PAGE_SIZE, MAX_EVENTS - events.length),
            after,
            withCount: after === undefined,
          },
          controller.signal,
        );
        events = events.concat(page.events.nodes);
        totalCount = page.events.totalCount ?? totalCount;
        after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
        setLoaded({ load, events, totalCount });
        setError(undefined);
      } while (after && events.length < MAX_EVENTS);
      setLoading(false);
    })().catch((failure: unknown) => {
      if (controller.signal.aborted) return;
      setError(asApiError(failure));
      setLoading(false);
    });
    return () => controller.abort();
  }, [key, generation, tokenGeneration]);

  // Live changes since the load began, by id; a new load starts them afresh.
  const [changes, setChanges] = useState<{ load: string; byId: Map<string, EventChange> }>({
    load: '',
    byId: new Map(),
  });
  const currentLoad = loaded?.load ?? '';
  const applyChanges = useCallback(
    (incoming: readonly EventChange[]) =>
      setChanges((current) => {
        const byId = new Map(current.load === currentLoad ? current.byId : undefined);
        for (const change of incoming) byId.set(change.event.id, change);
        return { load: currentLoad, byId };
      }),
    [currentLoad],
  );
  const ownChanges = changes.load === currentLoad ? changes.byId : undefined;
  const events = useMemo(() => {
    const base = loaded?.events ?? [];
    if (!ownChanges?.size) return base;
    const merged = new Map(base.map((e) => [e.id, e]));
    for (const [id, change] of ownChanges) {
      if (change.kind === 'DELETED') merged.delete(id);
      else merged.set(id, change.event);
    }
    return [...merged.values()];
  }, [loaded, ownChanges]);
  const loadedIds = useMemo(() => new Set(loaded?.events.map((e) => e.id)), [loaded]);
  const added = ownChanges ? [...ownChanges.values()].filter((c) => c.kind === 'CREATED' && !loadedIds.has(c.event.id)).length : 0;
  return {
    events,
    totalCount: loaded ? loaded.totalCount + added : 0,
    capped: loaded ? loaded.totalCount > loaded.events.length : false,
    loaded: loaded !== undefined,
    loading,
    error,
    reload,
    applyChanges,
  };
}
