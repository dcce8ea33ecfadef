/**
 * Stale deliveries. Neither GitHub nor GitLab signs a time, and a CloudEvent's time is its
 * producer's word: what a delivery can be judged by is the time of the change it reports.
 * One older than ETS_WEBHOOK_MAX_AGE_HOURS is refused, as is one further in the future than
 * clocks drift. Within that window a replay is harmless: it changes nothing (hook-event.ts).
 */
import { ValidationError } from '../../domain/errors';
import type { ReportedAt } from './hook-event';

/** How far ahead of this server's clock a sender's clock may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;

function duration(ms: number): string {
  if (ms >= 2 * 24 * HOUR_MS) return `${Math.floor(ms / (24 * HOUR_MS))} days`;
  if (ms >= 2 * HOUR_MS) return `${Math.floor(ms / HOUR_MS)} hours`;
  return `${Math.ceil(ms / 60_000)} minutes`;
}

/** Throws BAD_USER_INPUT, naming the payload field, when the reported change is too old or too far ahead. */
export function checkFresh(reported: ReportedAt, now: Date, maxAgeMs: number): void {
  const age = now.getTime() - reported.time.getTime();
  const at = reported.time.toISOString();
  if (age > maxAgeMs) {
    throw new ValidationError(
      reported.field,
      `is ${at}, ${duration(age)} ago: deliveries about changes older than ${maxAgeMs / HOUR_MS} hours are ` +
        'refused as stale (ETS_WEBHOOK_MAX_AGE_HOURS)',
    );
  }
  if (-age > CLOCK_SKEW_MS) {
    throw new ValidationError(
      reported.field,
      `is ${at}, ${duration(-age)} ahead of this server's clock (at most ${CLOCK_SKEW_MS / 60_000} minutes are allowed)`,
    );
  }
}
