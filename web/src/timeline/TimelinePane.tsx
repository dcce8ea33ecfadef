/**
 * The histogram over the timeline, sharing one window. Zoom and pan move it at once and
 * hand it up when they settle (to the URL and the queries); holding the moving window here
 * keeps the rest of the page from re-rendering on every frame.
 */
import { useDebouncedCallback } from '@mantine/hooks';
import { memo, useCallback, useState } from 'react';
import type { HistogramQuery, TimelineEventFragment } from '../api/__generated__/graphql';
import { Histogram } from './Histogram';
import type { Lane } from './lanes';
import { Timeline } from './Timeline';
import type { TimeWindow } from './time-scale';

const SETTLE_MS = 400;

interface Props {
  /** The window of the view as the URL has it. */
  settled: TimeWindow;
  onSettle: (window: TimeWindow) => void;
  buckets: HistogramQuery['histogram'] | undefined;
  bucketMs: number;
  interval: string;
  lanes: readonly Lane[];
  laneKey: string;
  now: number;
  selectedId: string | null;
  onReset: () => void;
  onSelect: (event: TimelineEventFragment | null) => void;
}

export const TimelinePane = memo(function TimelinePane({
  settled,
  onSettle,
  buckets,
  bucketMs,
  interval,
  ...timeline
}: Props) {
  const [moving, setMoving] = useState<TimeWindow | null>(null);
  const settle = useDebouncedCallback((window: TimeWindow) => {
    onSettle(window);
    setMoving(null);
  }, SETTLE_MS);
  const move = useCallback(
    (window: TimeWindow) => {
      setMoving(window);
      settle(window);
    },
    [settle],
  );
  const window = moving ?? settled;
  return (
    <>
      <Histogram buckets={buckets} bucketMs={bucketMs} interval={interval} window={window} onZoom={move} />
      <Timeline {...timeline} window={window} onWindowChange={move} />
    </>
  );
});
