/** Time ↔ pixels, zoom and pan of a window, and tick marks at round times. */
export interface TimeWindow {
  from: number;
  to: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  30 * DAY,
];
/** Never zoom closer than a second across, nor out past a year. */
const MIN_SPAN = SECOND;
const MAX_SPAN = 366 * DAY;

export function timeToX(time: number, window: TimeWindow, width: number): number {
  return ((time - window.from) / (window.to - window.from)) * width;
}

/** Zooms by `factor` (<1 closer) keeping the time at `anchor` (0..1 across) in place. */
export function zoomWindow(window: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const span = window.to - window.from;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor));
  const at = window.from + span * anchor;
  return { from: at - next * anchor, to: at + next * (1 - anchor) };
}

/** Moves by `fraction` of the span (positive: later). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.to - window.from) * fraction;
  return { from: window.from + shift, to: window.to + shift };
}

/** Round instants about every `minPixels` pixels, with the step between them. */
export function ticks(window: TimeWindow, width: number, minPixels = 90): { step: number; times: number[] } {
  const span = window.to - window.from;
  const step = STEPS.find((s) => (s / span) * width >= minPixels) ?? STEPS[STEPS.length - 1]!;
  const times: number[] = [];
  for (let t = Math.ceil(window.from / step) * step; t < window.to; t += step) times.push(t);
  return { step, times };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A tick's label in UTC, as short as the step allows; the date where a day begins. */
export function tickLabel(time: number, step: number): string {
  const d = new Date(time);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const date = `${d.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
  if (step >= DAY) return date;
  if (step < MINUTE) return `${hm}:${pad(d.getUTCSeconds())}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? date : hm;
}

/** A histogram bucket of about `width / 6` bars, in the API's interval syntax. */
export function histogramInterval(window: TimeWindow, bars: number): { interval: string; ms: number } {
  const wanted = (window.to - window.from) / Math.max(1, bars);
  const candidates: Array<[string, number]> = [
    ['30s', 30 * SECOND],
    ['1m', MINUTE],
    ['2m', 2 * MINUTE],
    ['5m', 5 * MINUTE],
    ['10m', 10 * MINUTE],
    ['15m', 15 * MINUTE],
    ['30m', 30 * MINUTE],
    ['1h', HOUR],
    ['2h', 2 * HOUR],
    ['3h', 3 * HOUR],
    ['6h', 6 * HOUR],
    ['12h', 12 * HOUR],
    ['1d', DAY],
    ['1w', 7 * DAY],
  ];
  const [interval, ms] = candidates.find(([, ms]) => ms >= wanted) ?? candidates[candidates.length - 1]!;
  return { interval, ms };
}

/** "2026-11-27 10:25:03 UTC" */
export function formatTime(time: number | string): string {
  return `${new Date(time).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** "4m 12s", "2h 5m", "3d 4h" */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${ms} ms`;
  const parts: Array<[number, string]> = [
    [Math.floor(ms / DAY), 'd'],
    [Math.floor((ms % DAY) / HOUR), 'h'],
    [Math.floor((ms % HOUR) / MINUTE), 'm'],
    [Math.floor((ms % MINUTE) / SECOND), 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}
