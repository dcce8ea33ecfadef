// Layer: config. Imports: domain.
/**
 * The environment → one typed, validated configuration. A bad value stops the start with a
 * clear message. Every variable is a row of SETTINGS, which `ets serve` turns into its
 * flags and its help, so the two cannot drift.
 */
import type { AuthMode } from '../domain/access';
import { LIMITS } from '../domain/limits';

/** What one request may ask for; each has a variable of its own. */
export interface ServerLimits {
  /** ETS_MAX_BODY_BYTES */
  bodyBytes: number;
  /** ETS_MAX_BATCH: events in one createEvents or import batch */
  batchSize: number;
  /** ETS_MAX_PAGE_SIZE: events (or facet rows) in one page */
  pageSize: number;
  /** ETS_MAX_QUERY_DEPTH: nesting of a GraphQL selection */
  queryDepth: number;
  /** ETS_MAX_QUERY_COST: objects a GraphQL query may return, estimated before it runs */
  queryCost: number;
  /** ETS_MAX_ALIASES: aliased fields in one GraphQL document */
  aliases: number;
  /** ETS_RATE_LIMIT: requests per second per token (per client address without one); 0 = no limit */
  ratePerSecond: number;
  /** ETS_RATE_BURST: requests allowed at once above the steady rate */
  rateBurst: number;
  /** ETS_MAX_WS_CONNECTIONS: open websocket connections per client address */
  wsConnections: number;
  /** ETS_MAX_SUBSCRIPTIONS: live subscriptions per websocket connection */
  subscriptionsPerConnection: number;
}

/** The senders of POST /hooks/*: their secrets (unset: that hook answers 503 naming its variable) and staleness. */
export interface WebhookSettings {
  /** ETS_GITHUB_WEBHOOK_SECRET: the key of GitHub's X-Hub-Signature-256 */
  githubSecret: string | undefined;
  /** ETS_GITLAB_WEBHOOK_TOKEN: the X-Gitlab-Token GitLab sends */
  gitlabToken: string | undefined;
  /** ETS_WEBHOOK_MAX_AGE_HOURS, in ms: a delivery about an older change is refused as stale */
  maxAgeMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** Unset: the embedded store, SQLite in the data folder. */
  mongodbUri: string | undefined;
  dataDir: string;
  /** ETS_STORE_TIMEOUT_MS: the deadline of one read of the store. */
  readTimeoutMs: number;
  /** ETS_SQLITE_READERS: threads reading the embedded store. */
  sqliteReaders: number;
  /** Set: live changes fan out to every instance through this Redis. */
  redisUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** ETS_AUTH: off, writes or all; unset (auto) is open on loopback until a token exists. */
  auth: AuthMode;
  /** ETS_CORS_ORIGINS: origins of browser apps on other hosts that may call the API ("*": any). */
  corsOrigins: string[];
  limits: ServerLimits;
  webhooks: WebhookSettings;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

/** One variable: what it means, its default as help shows it, and how its text is read. */
export interface Setting<T> {
  meaning: string;
  /** The default in words ("4000", "unset", "twice ETS_RATE_LIMIT"); `read` applies it. */
  shown: string;
  /** `raw` is the variable's text, undefined or '' when unset. */
  read(raw: string | undefined, variable: string, env: NodeJS.ProcessEnv): T;
}

const isUnset = (raw: string | undefined): raw is undefined | '' => raw === undefined || raw === '';

function count(
  meaning: string,
  fallback: number | { shown: string; of(env: NodeJS.ProcessEnv): number },
  min = 1,
): Setting<number> {
  return {
    meaning,
    shown: typeof fallback === 'number' ? String(fallback) : fallback.shown,
    read(raw, variable, env) {
      if (isUnset(raw)) return typeof fallback === 'number' ? fallback : fallback.of(env);
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min) {
        throw new ConfigError(variable, `must be an integer of at least ${min}, got "${raw}"`);
      }
      return value;
    },
  };
}

function text(meaning: string, fallback: string): Setting<string> {
  return { meaning, shown: fallback, read: (raw) => (isUnset(raw) ? fallback : raw) };
}

/** A secret shared with another system, unset unless given. */
function secret(meaning: string): Setting<string | undefined> {
  return { meaning, shown: 'unset', read: (raw) => (isUnset(raw) ? undefined : raw) };
}

/** An address of another service, unset unless given. */
function serviceUrl(meaning: string, scheme: RegExp, rule: string): Setting<string | undefined> {
  return {
    meaning,
    shown: 'unset',
    read(raw, variable) {
      if (isUnset(raw)) return undefined;
      if (!scheme.test(raw)) throw new ConfigError(variable, rule);
      return raw;
    },
  };
}

function oneOf<T extends string, F extends string>(meaning: string, values: readonly T[], fallback: F): Setting<T | F> {
  return {
    meaning: `${meaning} (one of: ${values.join(', ')})`,
    shown: fallback === 'auto' ? 'unset' : fallback,
    read(raw, variable) {
      if (isUnset(raw)) return fallback;
      const value = raw.toLowerCase();
      if (!(values as readonly string[]).includes(value)) {
        throw new ConfigError(
          variable,
          `must be one of ${values.join(', ')}${fallback === 'auto' ? ' (or unset)' : ''}, got "${raw}"`,
        );
      }
      return value as T;
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const AUTH_MODES = ['off', 'writes', 'all'] as const;
const RATE_LIMIT = count('requests per second per token, or per client address without one; 0: none', 500, 0);

/** Every variable ETS reads, in the order help lists them. */
export const SETTINGS = {
  PORT: {
    meaning: 'HTTP port',
    shown: '4000',
    read(raw: string | undefined, variable: string): number {
      const port = isUnset(raw) ? 4000 : Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new ConfigError(variable, `must be a port number from 0 to 65535, got "${raw}"`);
      }
      return port;
    },
  },
  HOST: text('address to listen on', '127.0.0.1'),
  MONGODB_URI: serviceUrl(
    "MongoDB (replica set, Atlas, sharded) or FerretDB; the database is the URI's path, else ets. Unset: the embedded store",
    /^mongodb(\+srv)?:\/\//,
    'must start with mongodb:// or mongodb+srv://',
  ),
  ETS_DATA_DIR: text('where the embedded store keeps its file, ets.sqlite', './data'),
  ETS_STORE_TIMEOUT_MS: count('the deadline of one read of the store, in milliseconds', 10_000, 100),
  ETS_SQLITE_READERS: count('reader processes of the embedded store', 2),
  LOG_LEVEL: oneOf('what is logged', LOG_LEVELS, 'info'),
  REDIS_URL: serviceUrl(
    'live changes reach the subscribers of every instance through this Redis',
    /^rediss?:\/\//,
    'must start with redis:// or rediss://',
  ),
  ETS_AUTH: oneOf(
    'who needs a token; unset: nobody on a loopback-only server with no token, else writes need one',
    AUTH_MODES,
    'auto',
  ),
  ETS_CORS_ORIGINS: {
    meaning: 'origins of browser apps on other hosts that may call the API, comma-separated, or *',
    shown: 'unset',
    read(raw: string | undefined, variable: string): string[] {
      const origins = (raw ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter(Boolean);
      for (const origin of origins) {
        if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
          throw new ConfigError(variable, `must list origins such as https://app.example.com, got "${origin}"`);
        }
      }
      return origins;
    },
  },
  ETS_MAX_BODY_BYTES: count('request body size', 10 * 1024 * 1024, 1024),
  ETS_MAX_BATCH: count('events in one createEvents', LIMITS.batchSize),
  ETS_MAX_PAGE_SIZE: count('events (or facet rows) in one page', LIMITS.pageSize),
  ETS_MAX_QUERY_DEPTH: count('nesting of a GraphQL selection', 30, 2),
  ETS_MAX_QUERY_COST: count('objects a GraphQL query may return, estimated before it runs', 50_000),
  ETS_MAX_ALIASES: count('aliased fields in one GraphQL document', 30, 0),
  ETS_RATE_LIMIT: RATE_LIMIT,
  ETS_RATE_BURST: count(
    'requests allowed at once, the bucket the rate refills',
    { shown: 'twice ETS_RATE_LIMIT', of: (env) => 2 * RATE_LIMIT.read(env.ETS_RATE_LIMIT, 'ETS_RATE_LIMIT', env) },
    0,
  ),
  ETS_MAX_WS_CONNECTIONS: count('open websocket connections per client address', 100),
  ETS_MAX_SUBSCRIPTIONS: count('operations live at once on one websocket connection', 100),
  ETS_GITHUB_WEBHOOK_SECRET: secret("the GitHub webhook's secret (POST /hooks/github); unset: that hook is off"),
  ETS_GITLAB_WEBHOOK_TOKEN: secret("the GitLab webhook's secret token (POST /hooks/gitlab); unset: that hook is off"),
  ETS_WEBHOOK_MAX_AGE_HOURS: count('hours: a webhook delivery reporting an older change is refused as stale', 72),
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof SETTINGS;
type SettingValue<K extends SettingName> = ReturnType<(typeof SETTINGS)[K]['read']>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = <K extends SettingName>(name: K): SettingValue<K> =>
    (SETTINGS[name] as Setting<SettingValue<K>>).read(env[name], name, env);
  return {
    port: read('PORT'),
    host: read('HOST'),
    mongodbUri: read('MONGODB_URI'),
    dataDir: read('ETS_DATA_DIR'),
    readTimeoutMs: read('ETS_STORE_TIMEOUT_MS'),
    sqliteReaders: read('ETS_SQLITE_READERS'),
    redisUrl: read('REDIS_URL'),
    logLevel: read('LOG_LEVEL'),
    auth: read('ETS_AUTH'),
    corsOrigins: read('ETS_CORS_ORIGINS'),
    limits: {
      bodyBytes: read('ETS_MAX_BODY_BYTES'),
      batchSize: read('ETS_MAX_BATCH'),
      pageSize: read('ETS_MAX_PAGE_SIZE'),
      queryDepth: read('ETS_MAX_QUERY_DEPTH'),
      queryCost: read('ETS_MAX_QUERY_COST'),
      aliases: read('ETS_MAX_ALIASES'),
      ratePerSecond: read('ETS_RATE_LIMIT'),
      rateBurst: read('ETS_RATE_BURST'),
      wsConnections: read('ETS_MAX_WS_CONNECTIONS'),
      subscriptionsPerConnection: read('ETS_MAX_SUBSCRIPTIONS'),
    },
    webhooks: {
      githubSecret: read('ETS_GITHUB_WEBHOOK_SECRET'),
      gitlabToken: read('ETS_GITLAB_WEBHOOK_TOKEN'),
      maxAgeMs: read('ETS_WEBHOOK_MAX_AGE_HOURS') * 3_600_000,
    },
  };
}
