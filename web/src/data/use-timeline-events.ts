/**
 * The events of the view, kept current by live changes. They load page by page (newest
 * first) and each page is drawn as it arrives; the cap keeps the browser quick when a
 * window holds more. The pages and the changes live in the query cache (timeline-data.ts).
 */
import { keepPreviousData, useQuery, useQueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventFilter } from '../api/__generated__/graphql';
import { TimelineEventsQuery } from '../api/operations';
import { asApiError, request } from '../api/client';
import {
  changesSince,
  countOf,
  EMPTY_TIMELINE,
  eventsOf,
  onlyStartMoved,
  withChanges,
  withPage,
  type EventChange,
  type TimelineData,
} from './timeline-data';

const PAGE_SIZE = 1000;
/** The first page is small, so that the newest events are on screen at once; the rest follow in full pages. */
const FIRST_PAGE_SIZE = 200;
const MAX_EVENTS = 5000;

type TimelineKey = readonly ['timeline', EventFilter];

/**
 * A first load puts each page in the cache as it comes; a reload (retry, new token, live
 * reconnection) keeps what is shown until it has every page.
 */
async function loadTimeline({ client, queryKey, signal }: QueryFunctionContext<TimelineKey>): Promise<TimelineData> {
  const [, filter] = queryKey;
  const before = client.getQueryData<TimelineData>(queryKey);
  let loaded = EMPTY_TIMELINE;
  let after: string | null | undefined;
  try {
    do {
      const page = await request(
        TimelineEventsQuery,
        {
          filter,
          first: after === undefined ? FIRST_PAGE_SIZE : Math.min(PAGE_SIZE, MAX_EVENTS - loaded.listed.length),
          after,
          withCount: after === undefined,
        },
        signal,
      );
      signal.throwIfAborted();
      loaded = withPage(loaded, page.events);
      after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
      if (!before) {
        const shown = loaded;
        client.setQueryData<TimelineData>(queryKey, (current) => ({ ...shown, changes: current?.changes ?? shown.changes }));
      }
    } while (after && loaded.listed.length < MAX_EVENTS);
  } catch (error) {
    throw signal.aborted ? error : asApiError(error);
  }
  const changes = client.getQueryData<TimelineData>(queryKey)?.changes ?? loaded.changes;
  return { ...loaded, changes: changesSince(before?.changes, changes) };
}

export function useTimelineEvents(filter: EventFilter) {
  const client = useQueryClient();
  // A moving "last 24h" steps its start forward now and then; a load under way finishes on
  // the window it began with (live changes keep it current) before the next one starts.
  const [shown, setShown] = useState(filter);
  const queryKey = useMemo((): TimelineKey => ['timeline', shown], [shown]);
  const query = useQuery({ queryKey, queryFn: loadTimeline, placeholderData: keepPreviousData });
  const loading = query.isFetching;
  useEffect(() => {
    if (filter !== shown && !(loading && onlyStartMoved(shown, filter))) setShown(filter);
  }, [filter, shown, loading]);

  const applyChanges = useCallback(
    (incoming: readonly EventChange[]) =>
      client.setQueryData<TimelineData>(queryKey, (data) => data && withChanges(data, incoming)),
    [client, queryKey],
  );
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const data = query.data;
  const events = useMemo(() => (data ? eventsOf(data) : []), [data]);
  const totalCount = useMemo(() => (data ? countOf(data) : 0), [data]);
  return {
    events,
    totalCount,
    /** More events in the window than are drawn: known from the first page's count. */
    capped: data ? data.totalCount > MAX_EVENTS : false,
    loaded: data !== undefined,
    loading,
    error: query.error ?? undefined,
    reload,
    applyChanges,
  };
}
