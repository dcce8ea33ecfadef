import { ValidationError } from '../../src/domain/errors';
import { formatEventTime, parseEventTime } from '../../src/domain/time';

const iso = (input: unknown) => formatEventTime(parseEventTime(input, 'startTime'));

describe('parseEventTime', () => {
  it('reads the legacy MM/dd/yy:HH:mm:ss as UTC', () => {
    expect(iso('12/05/16:10:25:00')).toBe('2016-12-05T10:25:00.000Z');
  });

  it('reads ISO 8601 without an offset as UTC and with an offset as that offset', () => {
    expect(iso('2016-12-05T10:25:00')).toBe('2016-12-05T10:25:00.000Z');
    expect(iso('2016-12-05T12:25:00.123+02:00')).toBe('2016-12-05T10:25:00.123Z');
    expect(iso('2016-12-05T10:25:00Z')).toBe('2016-12-05T10:25:00.000Z');
  });

  it('reads epoch milliseconds, also written as text', () => {
    expect(iso(1480933500000)).toBe('2016-12-05T10:25:00.000Z');
    expect(iso('1480933500000')).toBe('2016-12-05T10:25:00.000Z');
    expect(iso('20161205')).toBe('2016-12-05T00:00:00.000Z'); // an ISO date, not 20 seconds after 1970
    expect(iso(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each([
    ['yesterday'],
    [''],
    ['None'],
    ['10:25'],
    ['T10:25:00'],
    ['13/45/16:10:25:00'],
    ['2016-13-01'],
    [1.5],
    [true],
    [null],
    [{}],
    [[]],
  ])('rejects %p naming the field', (input) => {
    expect(() => parseEventTime(input, 'event.startTime')).toThrow(ValidationError);
    try {
      parseEventTime(input, 'event.startTime');
    } catch (error) {
      expect((error as ValidationError).field).toBe('event.startTime');
    }
  });

  it('reads exactly 10 digits as epoch seconds, as date +%s prints them, never as 1970', () => {
    const at = '2016-12-05T10:25:00.000Z';
    expect(parseEventTime(1480933500, 'f').toISOString()).toBe(at);
    expect(parseEventTime('1480933500', 'f').toISOString()).toBe(at);
    expect(parseEventTime('1480933500.25', 'f').toISOString()).toBe('2016-12-05T10:25:00.250Z');
    expect(parseEventTime(1480933500000, 'f').toISOString()).toBe(at);
    // Other lengths stay milliseconds.
    expect(parseEventTime(999_999_999, 'f').toISOString()).toBe('1970-01-12T13:46:39.999Z');
    expect(() => parseEventTime(12345.5, 'f')).toThrow('f: epoch milliseconds must be an integer');
  });

  it('rejects an hour of 24 in the legacy format and offsets no zone has, which luxon would roll over', () => {
    expect(() => parseEventTime('12/05/16:24:00:00', 'frm')).toThrow('frm: must have an hour from 00 to 23');
    expect(() => parseEventTime('2016-12-05T10:25:00+25:00', 'frm')).toThrow('from -12:00 to +14:00');
    expect(() => parseEventTime('2016-12-05T10:25:00-1300', 'frm')).toThrow('from -12:00 to +14:00');
    expect(parseEventTime('2016-12-05T10:25:00+14:00', 'frm').toISOString()).toBe('2016-12-04T20:25:00.000Z');
    expect(parseEventTime('2016-12-05T10:25:00-12:00', 'frm').toISOString()).toBe('2016-12-05T22:25:00.000Z');
  });

  it('holds every form of an offset to -12:00..+14:00: +hh and +hhmm as +hh:mm', () => {
    for (const text of [
      '2016-12-05T10:00:00+99',
      '2016-12-05T10:00:00+15',
      '2016-12-05T10:00:00-13',
      '2016-12-05T10:00:00+1401',
    ]) {
      expect(() => parseEventTime(text, 'frm')).toThrow('frm: must have a UTC offset from -12:00 to +14:00');
    }
    expect(parseEventTime('2016-12-05T10:00:00+14', 'frm').toISOString()).toBe('2016-12-04T20:00:00.000Z');
    expect(parseEventTime('2016-12-05T10:00:00-05', 'frm').toISOString()).toBe('2016-12-05T15:00:00.000Z');
    expect(parseEventTime('2016-12-05T10:00:00.250+0530', 'frm').toISOString()).toBe('2016-12-05T04:30:00.250Z');
  });

  it('rejects times outside the years 1..9999', () => {
    expect(() => parseEventTime(8.64e15, 'to')).toThrow('between the years 1 and 9999');
    expect(() => parseEventTime('+010000-01-01T00:00:00Z', 'to')).toThrow(ValidationError);
  });
});
