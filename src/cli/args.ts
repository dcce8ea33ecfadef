/** Command-line arguments: flags, repeated key=value flags, and the environment fallbacks. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--tag service=zon-web --tag service=api` → { service: ['zon-web', 'api'] } */
export function pairs(values: unknown, flag: string): Record<string, string[]> {
  const map: Record<string, string[]> = Object.create(null);
  for (const pair of (values as string[] | undefined) ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--${flag} takes key=value, got "${pair}"`);
    const [key, value] = [pair.slice(0, at), pair.slice(at + 1)];
    const list = (map[key] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return map;
}

/** A detail URL is `--url name=https://…`; a plain `--url https://…` is the server. */
const DETAIL_URL = /^[^=:/]+=/;

/** `--url ci=https://…` → { ci: 'https://…' } (the last one of a name wins). */
export function detailUrls(values: unknown): Record<string, string> {
  const given = ((values as string[] | undefined) ?? []).filter((value) => DETAIL_URL.test(value));
  return Object.fromEntries(Object.entries(pairs(given, 'url')).map(([name, list]) => [name, list.at(-1) as string]));
}

export const CONNECTION: Options = {
  url: { type: 'string', multiple: true, short: 'u' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export function connection(values: Record<string, unknown>): { url: string; token?: string } {
  const server = ((values.url as string[] | undefined) ?? []).filter((value) => !DETAIL_URL.test(value)).at(-1);
  const url = server ?? process.env.ETS_URL ?? 'http://127.0.0.1:4000';
  const token = (values.token as string | undefined) ?? process.env.ETS_TOKEN;
  return token ? { url, token } : { url };
}
