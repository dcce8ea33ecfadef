/**
 * Graphite's times, as graphite-web's parser (webapp/graphite/render/attime.py, behind
 * /render and /events/get_data) reads them, in UTC and against a "now" the caller gives:
 * what Grafana's Graphite data source sends (`now`, `-6h`, `-15min`, epoch seconds) and
 * the rest of Graphite's forms (`HH:MM_YYYYMMDD`, `YYYYMMDD`, `MM/DD/YY`, `noon yesterday`,
 * `jan8`, `monday`, each with an optional `+`/`-` offset), quirks included.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../../domain/errors';
import { parseEventTime } from '../../domain/time';

export const GRAPHITE_TIME_RULE =
  'now, an offset from now (-24h, now-15min; units s, min, h, d, w, mon, y), epoch seconds, HH:MM_YYYYMMDD, ' +
  'YYYYMMDD, MM/DD/YY, a month and day (jan8) or a weekday, each with an optional +/- offset; in UTC';

/** Why a text is not a Graphite time; readGraphiteTime names the field. */
export class GraphiteTimeError extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SECOND = 1000;
const DAY = 86_400 * SECOND;
// getUnitString: the first prefix that matches; months are 30 days, years 365.
const UNITS: Array<[string, number]> = [
  ['s', SECOND],
  ['min', 60 * SECOND],
  ['h', 3600 * SECOND],
  ['d', DAY],
  ['w', 7 * DAY],
  ['mon', 30 * DAY],
  ['y', 365 * DAY],
];

/** Python's int() of a run of ASCII digits. */
function int(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new GraphiteTimeError(`${what} must be a number, got "${text}"`);
  return Number(text);
}

/** A wall-clock time in UTC as milliseconds; a date that does not exist is an error. */
function utc(year: number, month: number, day: number, hour: number, minute: number): number {
  const time = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'utc' });
  if (!time.isValid) {
    throw new GraphiteTimeError(
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} is not a date`,
    );
  }
  return time.toMillis();
}

/**
 * A Graphite time as epoch milliseconds. Like graphite-web: a number of 8 digits that reads
 * as a date after 1900 is YYYYMMDD, any other run of digits is epoch seconds; the reference
 * ends at the first `+`, or else at the first `-`, and the offset follows.
 */
export function parseGraphiteTime(input: string, now: Date): number {
  const text = input.trim().toLowerCase().replace(/[_, ]/g, '');
  if (/^\d+$/.test(text)) {
    const date = text.length === 8 && +text.slice(0, 4) > 1900 && +text.slice(4, 6) < 13 && +text.slice(6) < 32;
    if (!date) return Number(text) * SECOND;
  }
  const sign = text.includes('+') ? text.indexOf('+') : text.indexOf('-');
  const [reference, offset] = sign < 0 ? [text, ''] : [text.slice(0, sign), text.slice(sign)];
  return parseReference(reference, now) + parseOffset(offset);
}

/** parseTimeReference: now, a time of day, then a day (today when none is named). */
function parseReference(reference: string, now: Date): number {
  if (reference === '' || reference === 'now') return now.getTime();
  let rest = reference;
  let hour = 0;
  let minute = 0;
  const colon = rest.indexOf(':');
  if (colon > 0 && colon < 3) {
    hour = int(rest.slice(0, colon), 'the hour');
    minute = int(rest.slice(colon + 1, colon + 3), 'the minute');
    rest = rest.slice(colon + 3);
    if (rest.startsWith('am')) rest = rest.slice(2);
    else if (rest.startsWith('pm')) {
      hour = (hour + 12) % 24;
      rest = rest.slice(2);
    }
  }
  const am = rest.indexOf('am');
  if (am > 0 && am < 3) {
    hour = int(rest.slice(0, am), 'the hour');
    rest = rest.slice(am + 2);
  }
  const pm = rest.indexOf('pm');
  if (pm > 0 && pm < 3) {
    hour = (int(rest.slice(0, pm), 'the hour') + 12) % 24;
    rest = rest.slice(pm + 2);
  }
  for (const [name, at] of [
    ['noon', 12],
    ['midnight', 0],
    ['teatime', 16],
  ] as const) {
    if (rest.startsWith(name)) {
      [hour, minute] = [at, 0];
      rest = rest.slice(name.length);
      break;
    }
  }
  if (hour > 23 || minute > 59)
    throw new GraphiteTimeError(`${hour}:${String(minute).padStart(2, '0')} is not a time of day`);
  const today = DateTime.fromJSDate(now, { zone: 'utc' });
  const on = (day: DateTime) => utc(day.year, day.month, day.day, hour, minute);
  if (rest === '' || rest === 'today') return on(today);
  if (rest === 'yesterday') return on(today.minus({ days: 1 }));
  if (rest === 'tomorrow') return on(today.plus({ days: 1 }));
  if (rest.split('/').length === 3) {
    const [m = '', d = '', y = ''] = rest.split('/');
    let year = int(y, 'the year');
    if (year < 1900) year += 1900;
    if (year < 1970) year += 100;
    return utc(year, int(m, 'the month'), int(d, 'the day'), hour, minute);
  }
  if (/^\d{8}$/.test(rest)) return utc(+rest.slice(0, 4), +rest.slice(4, 6), +rest.slice(6), hour, minute);
  const month = MONTHS.indexOf(rest.slice(0, 3));
  if (month >= 0) {
    const day = /\d\d$/.exec(rest)?.[0] ?? /\d$/.exec(rest)?.[0];
    if (!day) throw new GraphiteTimeError(`a day of the month must follow the month name in "${reference}"`);
    return utc(today.year, month + 1, Number(day), hour, minute);
  }
  const weekday = WEEKDAYS.indexOf(rest.slice(0, 3));
  if (weekday >= 0) {
    // The latest such day, today included.
    const back = (today.weekday % 7) - weekday;
    return on(today.minus({ days: back < 0 ? back + 7 : back }));
  }
  throw new GraphiteTimeError(`"${rest}" is not a day Graphite knows`);
}

/** parseTimeOffset: a sign, then number-and-unit pairs (-1h30min), each signed alike. */
function parseOffset(offset: string): number {
  if (offset === '') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  let rest = offset.slice(1);
  let total = 0;
  while (rest !== '') {
    const digits = /^\d*/.exec(rest)?.[0] ?? '';
    const number = int(digits, 'an offset');
    rest = rest.slice(digits.length);
    const unit = /^[a-z]*/.exec(rest)?.[0] ?? '';
    rest = rest.slice(unit.length);
    const ms = UNITS.find(([prefix]) => unit.startsWith(prefix))?.[1];
    if (ms === undefined) {
      throw new GraphiteTimeError(`"${unit}" is not a unit of an offset (s, min, h, d, w, mon, y)`);
    }
    total += sign * number * ms;
  }
  return total;
}

/** A Graphite time given as the parameter `field`, read against `now`; a bad one names the field. */
export function readGraphiteTime(value: string, field: string, now: Date): Date {
  let ms: number;
  try {
    ms = parseGraphiteTime(value, now);
  } catch (error) {
    if (!(error instanceof GraphiteTimeError)) throw error;
    throw new ValidationError(
      field,
      `must be a Graphite time: ${error.message}. Graphite times are ${GRAPHITE_TIME_RULE}`,
    );
  }
  // The years 1 to 9999, as for every ETS time (and Python's datetime); a Date of a huge
  // number is invalid, which is out of that range too.
  return parseEventTime(new Date(ms), field);
}
