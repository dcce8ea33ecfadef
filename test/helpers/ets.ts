/** Starts a real ETS over HTTP against the test store, in a database of its own. */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandStartedEvent } from 'mongodb';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { startEts, type RunningEts } from '../../src/start';
import { until } from './wait';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string; field?: string } }>;
}

export interface TestEts {
  url: string;
  ets: RunningEts;
  database: string;
  /** A GraphQL request over HTTP, with the token as a bearer when one is given. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Store commands (find, insert, ...) seen while `action` ran. */
  countCommands(action: () => Promise<unknown>): Promise<CommandStartedEvent[]>;
  stop(): Promise<void>;
}

export function testStoreUri(): string {
  const uri = process.env.ETS_TEST_MONGODB_URI;
  if (!uri) throw new Error('ETS_TEST_MONGODB_URI is not set: run the tests through jest (global-setup)');
  return uri;
}

/** The configuration of a test server: the defaults, on a free loopback port, with `env` applied. */
export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', ...env }),
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmpdir(), `ets-test-${randomUUID()}`),
    ...overrides,
  };
}

export async function startTestEts(
  database = `ets_test_${randomUUID().slice(0, 8)}`,
  { redisUrl, env, host }: { redisUrl?: string; env?: NodeJS.ProcessEnv; host?: string } = {},
): Promise<TestEts> {
  const ets = await startEts(testConfig({ mongodbUri: testStoreUri(), redisUrl, ...(host && { host }) }, env), {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    monitorCommands: true,
    database,
  });
  return {
    url: ets.url,
    ets,
    database,
    gql: (query, variables, token) => gqlAt(ets.url, query, variables, { token }),
    async countCommands(action) {
      const seen: CommandStartedEvent[] = [];
      const listener = (event: CommandStartedEvent) => seen.push(event);
      ets.store.client.on('commandStarted', listener);
      try {
        await action();
      } finally {
        ets.store.client.off('commandStarted', listener);
      }
      return seen;
    },
    stop: () => ets.stop(),
  };
}

/**
 * A GraphQL request over HTTP to the ETS at `url`, with the token as a bearer when one is
 * given; with `timeoutMs`, a request left unanswered fails instead of hanging.
 */
export async function gqlAt<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  { token, timeoutMs }: { token?: string; timeoutMs?: number } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}

/** Waits until `count` subscribers are attached to the change feed of `ets`. */
export function untilSubscribers(ets: TestEts, count: number): Promise<void> {
  return until(() => ets.ets.feed.size === count, `${count} live subscriptions`);
}

/** The data of a response that must have no errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export function uniqueId(prefix = 'ev'): string {
  return `${prefix}-${randomUUID()}`;
}

export const EVENT_FIELDS =
  'id parentId sourceId startTime endTime description detailUrls tags createdAt updatedAt revision';
