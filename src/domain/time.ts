/** Reading and writing event times: lenient on input (SPEC §1), strict UTC ISO on output. */
import { DateTime } from 'luxon';
import { ValidationError } from './errors';

const LEGACY_FORMAT = 'MM/dd/yy:HH:mm:ss';
const ISO_DATE_FIRST = /^(\d{4}|[+-]\d{6})-?\d|^\d\d\/\d\d\/\d\d:/;
const LEGACY_HOUR_24 = /^\d\d\/\d\d\/\d\d:24:/;
// Every form of an offset: +hh, +hhmm, +hh:mm.
const OFFSET = /T.*([+-])(\d\d)(?::?(\d\d))?$/;
// Years 1..9999 keep every time representable as plain ISO 8601.
const MIN_MS = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

export const TIME_RULE =
  'must be an ISO 8601 time (no offset means UTC), epoch milliseconds, epoch seconds as exactly 10 digits, or MM/dd/yy:HH:mm:ss (UTC)';

/**
 * Epoch seconds, as `date +%s`, Graphite and Datadog give them, have 10 digits from 2001 to
 * 2286; as milliseconds those numbers are 12 Jan to 26 Apr 1970, which no writer means. So
 * a number of exactly 10 integer digits is seconds (a fraction may follow), any other is
 * milliseconds: never a silent 1970.
 */
const EPOCH_SECONDS = { min: 1_000_000_000, max: 9_999_999_999 };

function epochMs(value: number, field: string): Date {
  const whole = Math.trunc(value);
  if (whole >= EPOCH_SECONDS.min && whole <= EPOCH_SECONDS.max) return checkRange(Math.round(value * 1000), field);
  if (!Number.isInteger(value)) {
    throw new ValidationError(field, 'epoch milliseconds must be an integer (seconds have exactly 10 digits)');
  }
  return checkRange(value, field);
}

/** Parses a time as a writer may give it; throws a ValidationError naming `field`. */
export function parseEventTime(input: unknown, field: string): Date {
  if (input instanceof Date) return checkRange(input.getTime(), field);
  if (typeof input === 'number') return epochMs(input, field);
  if (typeof input !== 'string') throw new ValidationError(field, TIME_RULE);
  const text = input.trim();
  // Epoch times written as text (query strings): no ISO date has 10 digits in a row.
  if (/^\d{10,}$/.test(text) || /^\d{10}\.\d+$/.test(text)) return epochMs(Number(text), field);
  const parsed = /^\d\d\/\d\d\/\d\d:/.test(text)
    ? DateTime.fromFormat(text, LEGACY_FORMAT, { zone: 'utc' })
    : DateTime.fromISO(text, { zone: 'utc' });
  // A time without a date ("10:25") would mean a different instant every day.
  if (!ISO_DATE_FIRST.test(text) || !parsed.isValid) throw new ValidationError(field, TIME_RULE);
  // luxon rolls these over to another instant; no writer means them.
  if (LEGACY_HOUR_24.test(text)) throw new ValidationError(field, 'must have an hour from 00 to 23');
  const offset = OFFSET.exec(text);
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0));
    if (minutes < -12 * 60 || minutes > 14 * 60) {
      throw new ValidationError(field, 'must have a UTC offset from -12:00 to +14:00');
    }
  }
  return checkRange(parsed.toMillis(), field);
}

function checkRange(ms: number, field: string): Date {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new ValidationError(field, 'must be between the years 1 and 9999');
  }
  return new Date(ms);
}

export function checkTimeOrder(startTime: Date, endTime: Date, field: string): void {
  if (startTime > endTime) throw new ValidationError(field, 'must not be after endTime');
}

/** ISO 8601 in UTC with milliseconds. */
export function formatEventTime(time: Date): string {
  return time.toISOString();
}
