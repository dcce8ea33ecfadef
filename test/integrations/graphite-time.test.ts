/**
 * Graphite's time parser against graphite-web's own cases (webapp/tests/test_attime.py, in
 * UTC) and the forms Grafana's Graphite data source sends.
 */
import { ValidationError } from '../../src/domain/errors';
import { parseGraphiteTime, readGraphiteTime } from '../../src/integrations/graphite/time';

// graphite-web's tests mock "now" as 2015-01-01 11:00 (a Thursday) and 2015-03-08 12:00.
const NEW_YEAR = new Date('2015-01-01T11:00:00.000Z');
const MARCH = new Date('2015-03-08T12:00:00.000Z');
const at = (text: string, now = NEW_YEAR) => new Date(parseGraphiteTime(text, now)).toISOString();

describe('parseGraphiteTime', () => {
  it.each([
    ['now', '2015-01-01T11:00:00.000Z'],
    ['', '2015-01-01T11:00:00.000Z'],
    ['8:50', '2015-01-01T08:50:00.000Z'],
    ['8:50am', '2015-01-01T08:50:00.000Z'],
    ['8:50pm', '2015-01-01T20:50:00.000Z'],
    ['8am', '2015-01-01T08:00:00.000Z'],
    ['10pm', '2015-01-01T22:00:00.000Z'],
    ['noon', '2015-01-01T12:00:00.000Z'],
    ['midnight', '2015-01-01T00:00:00.000Z'],
    ['teatime', '2015-01-01T16:00:00.000Z'],
    ['yesterday', '2014-12-31T00:00:00.000Z'],
    ['today', '2015-01-01T00:00:00.000Z'],
    ['tomorrow', '2015-01-02T00:00:00.000Z'],
    ['02/25/15', '2015-02-25T00:00:00.000Z'],
    ['02/25/2015', '2015-02-25T00:00:00.000Z'],
    ['02/25/69', '2069-02-25T00:00:00.000Z'],
    ['02/25/70', '1970-02-25T00:00:00.000Z'],
    ['20140606', '2014-06-06T00:00:00.000Z'],
    ['january8', '2015-01-08T00:00:00.000Z'],
    ['january10', '2015-01-10T00:00:00.000Z'],
    ['monday', '2014-12-29T00:00:00.000Z'],
    ['thursday', '2015-01-01T00:00:00.000Z'],
    ['friday', '2014-12-26T00:00:00.000Z'],
    // The reference's day, time and offset combined; "_", "," and spaces are ignored.
    ['noon yesterday', '2014-12-31T12:00:00.000Z'],
    ['midnight_tomorrow+3h', '2015-01-02T03:00:00.000Z'],
    ['Noon, Jan 5', '2015-01-05T12:00:00.000Z'],
    ['12:00_20150308', '2015-03-08T12:00:00.000Z'],
    ['9:00_20150308', '2015-03-08T09:00:00.000Z'],
    ['23:59_19991231', '1999-12-31T23:59:00.000Z'],
  ])('reads %j as %s', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it.each([
    // What Grafana sends (datasource.ts translateTime: now-6h → -6h, m → min, M → mon).
    ['-6h', '2015-03-08T06:00:00.000Z'],
    ['-15min', '2015-03-08T11:45:00.000Z'],
    ['-30s', '2015-03-08T11:59:30.000Z'],
    ['-7d', '2015-03-01T12:00:00.000Z'],
    ['-1w', '2015-03-01T12:00:00.000Z'],
    ['-1mon', '2015-02-06T12:00:00.000Z'],
    ['-1y', '2014-03-08T12:00:00.000Z'],
    ['now-1h', '2015-03-08T11:00:00.000Z'],
    ['now+5min', '2015-03-08T12:05:00.000Z'],
    ['-1h30min', '2015-03-08T10:30:00.000Z'],
    ['-2hours', '2015-03-08T10:00:00.000Z'],
    ['-3minutes', '2015-03-08T11:57:00.000Z'],
    ['midnight+1h', '2015-03-08T01:00:00.000Z'],
    // Epoch seconds (Grafana's absolute ranges).
    ['1425816000', '2015-03-08T12:00:00.000Z'],
    ['0', '1970-01-01T00:00:00.000Z'],
    // Eight digits that cannot be a date after 1900 are epoch seconds, as in graphite-web.
    ['20151301', '1970-08-22T05:35:01.000Z'],
    ['18991231', '1970-08-08T19:20:31.000Z'],
  ])('reads %j against 2015-03-08 12:00 as %s', (text, iso) => {
    expect(at(text, MARCH)).toBe(iso);
  });

  it.each([
    ['random', /"random" is not a day Graphite knows/],
    [':', /":" is not a day/],
    ['january', /a day of the month must follow/],
    ['january800', /2015-01-00 is not a date/],
    ['20150231', /2015-02-31 is not a date/],
    ['25:00', /25:00 is not a time of day/],
    ['-15m', /"m" is not a unit/],
    ['-5', /"" is not a unit/],
    ['-h', /an offset must be a number/],
    ['now-1h+2h', /"now-1h" is not a day/],
    ['2024-01-01T00:00:00Z', /"2024" is not a day/],
    ['x:yy', /the hour must be a number/],
  ])('refuses %j', (text, reason) => {
    expect(() => parseGraphiteTime(text, NEW_YEAR)).toThrow(reason);
  });
});

describe('readGraphiteTime', () => {
  it('names the field and lists the forms Graphite accepts', () => {
    let error: unknown;
    try {
      readGraphiteTime('-15m', 'from', MARCH);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('from');
    expect((error as ValidationError).message).toMatch(
      /^from: must be a Graphite time: "m" is not a unit of an offset \(s, min, h, d, w, mon, y\)\. Graphite times are now, an offset from now/,
    );
  });

  it('holds times to the years 1 to 9999, as every ETS time', () => {
    expect(() => readGraphiteTime('99999999999999', 'until', MARCH)).toThrow(
      'until: must be between the years 1 and 9999',
    );
    expect(() => readGraphiteTime(`9${'9'.repeat(400)}`, 'until', MARCH)).toThrow('between the years 1 and 9999');
    expect(() => readGraphiteTime('-99999y', 'from', MARCH)).toThrow('from: must be between the years 1 and 9999');
  });

  it('reads relative times against the clock it is given', () => {
    expect(readGraphiteTime('-24h', 'from', MARCH).toISOString()).toBe('2015-03-07T12:00:00.000Z');
    expect(readGraphiteTime('-24h', 'from', NEW_YEAR).toISOString()).toBe('2014-12-31T11:00:00.000Z');
  });
});
