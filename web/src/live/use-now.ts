/** The current time, ticking while the view is live and standing still while it is paused. */
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';

const TICK_MS = 15_000;

export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), TICK_MS);
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    interval.start();
    return interval.stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the interval object is stable in use
  }, [running]);
  return now;
}
