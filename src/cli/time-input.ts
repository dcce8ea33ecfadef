/**
 * The times a command line takes (`--start`, `--end`, `--from`, `--to`), turned into ISO 8601
 * before they are sent: epoch seconds by the number of their digits, relative times against
 * the moment the command runs, everything else by the domain's own time rule.
 */
import { ValidationError } from '../domain/errors';
import { parseEventTime, TIME_RULE } from '../domain/time';
import { UsageError } from './args';

/** The rule as `ets help` states it. */
export const TIME_FLAG_RULE = [
  'Times (--start, --end, --from, --to):',
  ...[
    ['2016-12-05T10:25:00Z', 'ISO 8601; without an offset it is UTC'],
    ['12/05/16:10:25:00', 'the legacy MM/dd/yy:HH:mm:ss, UTC'],
    ['1480933500', 'epoch seconds: exactly 10 digits, as date +%s prints (a fraction may follow)'],
    ['1480933500000', 'epoch milliseconds: exactly 13 digits'],
    ['now  now-1h  -15m  +5m', 'relative to now; units ms s m h d w, combined as in now-1h30m'],
  ].map(([example, meaning]) => `  ${(example as string).padEnd(24)}${meaning}`),
  '  A number of any other length is refused: it could be seconds or milliseconds.',
].join('\n');

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
// Units in lower case only: M could be taken for months.
const RELATIVE = /^(now)?(?:([+-])((?:\d+(?:ms|s|m|h|d|w))+))?$/;
const STEP = /(\d+)(ms|s|m|h|d|w)/g;
const EPOCH_SECONDS = /^(\d{10})(?:\.(\d+))?$/;
const EPOCH_MS = /^\d{13}$/;

/**
 * `text` as an ISO 8601 UTC time, reading relative times against `now`. Throws a UsageError
 * naming `flag` for anything that is not a time or could be read two ways.
 */
export function parseTimeFlag(text: string, flag: string, now: Date = new Date()): string {
  const input = text.trim().replace(/^now/i, 'now');
  return toIso(readMs(input, flag, now), input, flag);
}

function readMs(input: string, flag: string, now: Date): number | string {
  const seconds = EPOCH_SECONDS.exec(input);
  if (seconds) return Number(seconds[1]) * 1000 + Number((seconds[2] ?? '').slice(0, 3).padEnd(3, '0'));
  if (EPOCH_MS.test(input)) return Number(input);
  if (/^\d+(\.\d+)?$/.test(input)) {
    throw new UsageError(
      `${flag} "${input}" is a number of ${input.split('.')[0]?.length} digits: epoch seconds have 10 digits and ` +
        'epoch milliseconds 13; write other times as ISO 8601 (2016-12-05T10:25:00Z)',
    );
  }
  const relative = input === '' ? null : RELATIVE.exec(input);
  if (relative && (relative[1] || relative[2])) {
    let offset = 0;
    for (const [, amount, unit] of (relative[3] ?? '').matchAll(STEP)) {
      offset += Number(amount) * (UNIT_MS[unit as string] as number);
    }
    return now.getTime() + (relative[2] === '-' ? -offset : offset);
  }
  if (/^(now)?[+-]\d+$/.test(input)) {
    throw new UsageError(`${flag} "${input}": a relative time needs a unit (ms, s, m, h, d, w), e.g. -15m`);
  }
  if (/^(\d+(ms|s|m|h|d|w))+$/.test(input)) {
    throw new UsageError(`${flag} "${input}": a relative time has a sign: -${input} (ago) or +${input} (ahead)`);
  }
  return input;
}

/** One rule of what a time may be, the domain's: formats, offsets, the years 1 to 9999. */
function toIso(time: number | string, input: string, flag: string): string {
  try {
    return parseEventTime(time, flag).toISOString();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const rule =
      error.rule === TIME_RULE
        ? 'is not a time: give ISO 8601 (2016-12-05T10:25:00Z), epoch seconds (10 digits), now-1h or -15m (ets help lists every form)'
        : error.rule;
    throw new UsageError(`${flag} "${input}" ${rule}`);
  }
}
