/**
 * New, changed and deleted events as they happen (the eventChanged subscription), into the
 * query cache: the view's events take them (`apply`), the counts and an open event's
 * details are asked again. Paused, changes wait in a buffer so nothing is lost; resuming
 * applies them.
 */
import { useThrottledCallback } from '@mantine/hooks';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventFilter } from '../api/__generated__/graphql';
import {
  EventChangedSubscription,
  EventDetailsQuery,
  HistogramQuery,
  LaneHistogramQuery,
  TagKeysQuery,
  TagValuesQuery,
} from '../api/operations';
import { onLiveConnection, subscribe, type ApiError } from '../api/client';
import { ofOperations, operationName } from '../api/queries';
import { useTokenGeneration } from '../api/token';
import type { EventChange } from '../data/timeline-data';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'paused';

const isCount = ofOperations(HistogramQuery, LaneHistogramQuery, TagKeysQuery, TagValuesQuery);
const DETAILS = operationName(EventDetailsQuery);

export function useLiveChanges(filter: EventFilter, paused: boolean, apply: (changes: EventChange[]) => void) {
  const client = useQueryClient();
  const [waiting, setWaiting] = useState<EventChange[]>([]);
  const [connected, setConnected] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiError | undefined>();

  // Counts follow live changes, at most about once a second.
  const refreshCounts = useThrottledCallback(() => void client.invalidateQueries({ predicate: isCount }), 1000);
  const take = useCallback(
    (changes: EventChange[]) => {
      apply(changes);
      refreshCounts();
      // An open event shows its latest version, and a parent its new child.
      const touched = new Set(changes.flatMap((c) => [c.event.id, c.event.parentId]));
      void client.invalidateQueries({
        predicate: (query: Query) =>
          query.queryKey[0] === DETAILS && touched.has((query.queryKey[1] as { id: string }).id),
      });
    },
    [apply, refreshCounts, client],
  );
  const latest = useRef({ paused, take });
  latest.current = { paused, take };

  // Back after a drop: what changed meanwhile never came, so everything on screen is asked again.
  useEffect(() => {
    let before: boolean | null = null;
    return onLiveConnection((now) => {
      if (now && before === false) void client.invalidateQueries();
      before = now;
      setConnected(now);
    });
  }, [client]);
  // A new token ends the connection made with the old one: subscribe again on the new one.
  const tokenGeneration = useTokenGeneration();

  const key = JSON.stringify(filter);
  useEffect(() => {
    setWaiting([]);
    setError(undefined);
    return subscribe(
      EventChangedSubscription,
      { filter: JSON.parse(key) as EventFilter },
      ({ eventChanged }) => {
        setError(undefined);
        const change = eventChanged as EventChange;
        if (latest.current.paused) setWaiting((w) => [...w, change]);
        else latest.current.take([change]);
      },
      setError,
    );
  }, [key, tokenGeneration]);

  useEffect(() => {
    if (paused || waiting.length === 0) return;
    take(waiting);
    setWaiting([]);
  }, [paused, waiting, take]);

  const status: LiveStatus = paused
    ? 'paused'
    : connected === null
      ? 'connecting'
      : connected
        ? 'live'
        : 'reconnecting';
  return { status, waiting: waiting.length, error };
}
