/** Reading flag values: key=value pairs, detail links, the server's address and token. */
import { emptyMap } from '../domain/event';
import { addTagValue, splitPair } from '../domain/tag-pairs';

/** Wrong usage: exit 1, with the message and where to read more. */
export class UsageError extends Error {
  /** The command it is about (`send`, `token create`), for the hint to its help. */
  command?: string;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** For commander: a flag that may be given again, each value kept in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--tag service=zon-web --tag service=api` → { service: ['zon-web', 'api'] } */
export function pairs(values: string[] | undefined, flag: string): Record<string, string[]> {
  const map = emptyMap<string[]>();
  for (const pair of values ?? []) {
    const split = splitPair(pair, /=/);
    if (!split) throw new UsageError(`--${flag} takes ${flag === 'link' ? 'NAME=URL' : 'KEY=VALUE'}, got "${pair}"`);
    const [key, value] = split;
    if (value === '') {
      throw new UsageError(
        `--${flag} ${pair} has no value${flag === 'tag' ? `; to remove the key, --untag ${key} with --update` : ''}`,
      );
    }
    addTagValue(map, key, value);
  }
  return map;
}

/** `--link ci=https://…` → { ci: 'https://…' } (the last one of a name wins). */
export function links(values: string[] | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(pairs(values, 'link')).map(([name, list]) => [name, list.at(-1) as string]));
}

export const DEFAULT_SERVER = 'http://127.0.0.1:4000';

/** The rule of `--url`, as help states it. */
export const SERVER_RULE =
  'The server is --url, else ETS_URL, else http://127.0.0.1:4000: http(s)://HOST[:PORT], without a path.\n' +
  'The token is --token, else ETS_TOKEN. A detail link of an event is --link NAME=URL (ets send).';

/**
 * The server's address from `--url` (every value given, the last one used) or ETS_URL. It
 * has no path: ETS serves at the root of its host, so `--url https://ci/42` or
 * `--url ci=https://…` is a detail link given to the wrong flag, and refused.
 */
export function serverUrl(given: string[] | undefined, environment: string | undefined): string {
  const values = given?.length ? given.map((value) => ({ value, from: '--url' })) : [];
  if (values.length === 0 && environment) values.push({ value: environment, from: 'ETS_URL' });
  for (const { value, from } of values) {
    const link = `a detail link of an event is --link NAME=URL`;
    if (/^[^=:/]+=/.test(value)) throw new UsageError(`${from} is the ETS server, got "${value}": ${link}`);
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new UsageError(`${from} is the ETS server, http(s)://HOST[:PORT], got "${value}"`);
    }
    if (url.pathname !== '/' || url.search || url.hash) {
      throw new UsageError(
        `${from} is the ETS server, http(s)://HOST[:PORT] without a path, got "${value}"; ` +
          `it serves at the root of its host (${url.origin}), and ${link}`,
      );
    }
  }
  const last = values.at(-1);
  return last ? new URL(last.value).origin : DEFAULT_SERVER;
}
