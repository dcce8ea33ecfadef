/** The environment → one typed, validated configuration. A bad value stops the start with a clear message. */
import type { AuthMode } from './domain/access';
import { LIMITS } from './domain/limits';

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
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** ETS_AUTH: off, writes or all; unset (auto) is open on loopback until a token exists. */
  auth: AuthMode;
  /** ETS_CORS_ORIGINS: origins of browser apps on other hosts that may call the API ("*": any). */
  corsOrigins: string[];
  limits: ServerLimits;
}

const AUTH_MODES = ['off', 'writes', 'all'] as const;

function readCount(env: NodeJS.ProcessEnv, variable: string, fallback: number, min = 1): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(variable, `must be an integer of at least ${min}, got "${raw}"`);
  }
  return value;
}

function readLimits(env: NodeJS.ProcessEnv): ServerLimits {
  const ratePerSecond = readCount(env, 'ETS_RATE_LIMIT', 500, 0);
  return {
    bodyBytes: readCount(env, 'ETS_MAX_BODY_BYTES', 10 * 1024 * 1024, 1024),
    batchSize: readCount(env, 'ETS_MAX_BATCH', LIMITS.batchSize),
    pageSize: readCount(env, 'ETS_MAX_PAGE_SIZE', LIMITS.pageSize),
    queryDepth: readCount(env, 'ETS_MAX_QUERY_DEPTH', 30, 2),
    queryCost: readCount(env, 'ETS_MAX_QUERY_COST', 50_000),
    aliases: readCount(env, 'ETS_MAX_ALIASES', 30, 0),
    ratePerSecond,
    rateBurst: readCount(env, 'ETS_RATE_BURST', ratePerSecond * 2, 0),
    wsConnections: readCount(env, 'ETS_MAX_WS_CONNECTIONS', 100),
    subscriptionsPerConnection: readCount(env, 'ETS_MAX_SUBSCRIPTIONS', 100),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be a port number from 0 to 65535, got "${env.PORT}"`);
  }
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const mongodbUri = env.MONGODB_URI || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    throw new ConfigError('MONGODB_URI', 'must start with mongodb:// or mongodb+srv://');
  }
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  }
  const auth = (env.ETS_AUTH || 'auto').toLowerCase();
  if (auth !== 'auto' && !(AUTH_MODES as readonly string[]).includes(auth)) {
    throw new ConfigError('ETS_AUTH', `must be one of ${AUTH_MODES.join(', ')} (or unset), got "${env.ETS_AUTH}"`);
  }
  const corsOrigins = (env.ETS_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('ETS_CORS_ORIGINS', `must list origins such as https://app.example.com, got "${origin}"`);
    }
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    mongodbUri,
    dataDir: env.ETS_DATA_DIR || './data',
    readTimeoutMs: readCount(env, 'ETS_STORE_TIMEOUT_MS', 10_000, 100),
    sqliteReaders: readCount(env, 'ETS_SQLITE_READERS', 2),
    redisUrl: env.REDIS_URL || undefined,
    logLevel: logLevel as Config['logLevel'],
    auth: auth as AuthMode,
    corsOrigins,
    limits: readLimits(env),
  };
}
