/**
 * New, changed and deleted events as they happen (the eventChanged subscription). Paused,
 * changes wait in a buffer so nothing is lost; resuming applies them.
 */
import { useEffect, useRef, useState } from 'react';
import type { EventFilter } from '../api/__generated__/graphql';
import { EventChangedSubscription } from '../api/operations';
import { onLiveConnection, subscribe, type ApiError } from '../api/client';
import { useTokenGeneration } from '../api/token';
import type { EventChange } from '../data/use-timeline-events';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'paused';

export function useLiveChanges(filter: EventFilter, paused: boolean, apply: (changes: EventChange[]) => void) {
  const [waiting, setWaiting] = useState<EventChange[]>([]);
  const [connected, setConnected] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const latest = useRef({ paused, apply });
  latest.current = { paused, apply };

  useEffect(() => onLiveConnection(setConnected), []);
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
        else latest.current.apply([change]);
      },
      setError,
    );
  }, [key, tokenGeneration]);

  useEffect(() => {
    if (paused || waiting.length === 0) return;
    apply(waiting);
    setWaiting([]);
  }, [paused, waiting, apply]);

  const status: LiveStatus = paused
    ? 'paused'
    : connected === null
      ? 'connecting'
      : connected
        ? 'live'
        : 'reconnecting';
  return { status, waiting: waiting.length, error };
}
