import { UsageError } from '../../src/cli/args';
import { parseTimeFlag } from '../../src/cli/time-input';

const now = new Date('2024-03-10T12:00:00.000Z');
const read = (text: string) => parseTimeFlag(text, '--start', now);
const refusal = (text: string): string => {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`"${text}" was read as ${read(text)}`);
};

describe('parseTimeFlag', () => {
  it('reads 10 digits as epoch seconds (date +%s), with a fraction if given, and 13 as milliseconds', () => {
    expect(read('1710072000')).toBe('2024-03-10T12:00:00.000Z');
    expect(read('1710072000.25')).toBe('2024-03-10T12:00:00.250Z');
    expect(read('1710072000.123456789')).toBe('2024-03-10T12:00:00.123Z');
    expect(read('1710072000123')).toBe('2024-03-10T12:00:00.123Z');
    expect(read(' 1710072000 ')).toBe('2024-03-10T12:00:00.000Z');
  });

  it.each(['0', '1710072', '171007200', '17100720001', '171007200012', '17100720001234', '1710072.5', '20161205'])(
    'refuses the number %s, which could be read two ways, naming the flag and the rule',
    (text) => {
      expect(refusal(text)).toMatch(
        /^--start ".*" is a number of \d+ digits: epoch seconds have 10 digits and epoch milliseconds 13/,
      );
    },
  );

  it('reads now and times relative to it, in every unit and combined', () => {
    expect(read('now')).toBe('2024-03-10T12:00:00.000Z');
    expect(read('NOW')).toBe('2024-03-10T12:00:00.000Z');
    expect(read('now-1h')).toBe('2024-03-10T11:00:00.000Z');
    expect(read('-15m')).toBe('2024-03-10T11:45:00.000Z');
    expect(read('now+5m')).toBe('2024-03-10T12:05:00.000Z');
    expect(read('+30s')).toBe('2024-03-10T12:00:30.000Z');
    expect(read('-250ms')).toBe('2024-03-10T11:59:59.750Z');
    expect(read('now-1h30m')).toBe('2024-03-10T10:30:00.000Z');
    expect(read('-2d')).toBe('2024-03-08T12:00:00.000Z');
    expect(read('-1w')).toBe('2024-03-03T12:00:00.000Z');
  });

  it('refuses relative times without a sign or a unit, and units it does not know', () => {
    expect(refusal('15m')).toBe('--start "15m": a relative time has a sign: -15m (ago) or +15m (ahead)');
    expect(refusal('-15')).toBe('--start "-15": a relative time needs a unit (ms, s, m, h, d, w), e.g. -15m');
    expect(refusal('now-1y')).toMatch(/^--start "now-1y" is not a time: give ISO 8601/);
    expect(refusal('-1M')).toMatch(/^--start "-1M" is not a time/); // not months, not minutes: refused
    expect(refusal('now-')).toMatch(/is not a time/);
  });

  it('reads ISO 8601 and the legacy format by the domain rule, as UTC when no offset is given', () => {
    expect(read('2016-12-05T10:25:00Z')).toBe('2016-12-05T10:25:00.000Z');
    expect(read('2016-12-05T12:25:00+02:00')).toBe('2016-12-05T10:25:00.000Z');
    expect(read('2016-12-05T10:25:00')).toBe('2016-12-05T10:25:00.000Z');
    expect(read('12/05/16:10:25:00')).toBe('2016-12-05T10:25:00.000Z');
  });

  it('refuses what is not a time with the rule of the domain, naming the flag', () => {
    expect(refusal('yesterday')).toMatch(
      /^--start "yesterday" is not a time: give ISO 8601 \(2016-12-05T10:25:00Z\), epoch seconds/,
    );
    expect(refusal('')).toMatch(/^--start "" is not a time/);
    expect(refusal('2016-12-05T10:25:00+15:00')).toBe(
      '--start "2016-12-05T10:25:00+15:00" must have a UTC offset from -12:00 to +14:00',
    );
    expect(refusal('now-100000000w')).toBe('--start "now-100000000w" must be between the years 1 and 9999');
    expect(parseTimeFlag.bind(null, 'soon', '--from', now)).toThrow(/^--from "soon"/);
  });
});
