/** The current time, ticking while the view is live and standing still while it is paused. */
import { useEffect, useState } from 'react';

const TICK_MS = 15_000;

export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  // Depends on `running` alone, so that re-renders (live traffic) do not restart the tick.
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
