/**
 * Starts a real ETS over HTTP against the store under test, with data of its own: the
 * embedded SQLite store in a temporary folder, or, with MONGODB_URI set, a database of its
 * own on that MongoDB (or FerretDB).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { postOperation, type GraphQLErrorBody, type Operation, type Scope, type TypedDocument } from 'ets-client';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import type { EventStore } from '../../src/domain/event-store';
import { startEts, type RunningEts } from '../../src/start';
import type { StoreCall } from '../../src/store/observed-store';
import { CreateTokenMutation } from './operations';
import { until } from './wait';

/** The data of an untyped request: whatever the test reads from it. */
export type UntypedData = Record<string, any>;

export interface GraphQLResponse<T = UntypedData> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

/**
 * A GraphQL request over HTTP, with the token as a bearer when one is given: a typed document
 * (./operations.ts) gives a typed result; the text of a query is the untyped way, for tests
 * that send what codegen would refuse (a wrong variable, an unknown field, a limit's probe).
 */
export interface GraphQLRequester {
  <TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    token?: string,
  ): Promise<GraphQLResponse<TResult>>;
  <T = UntypedData>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
}

export interface TestEts {
  url: string;
  ets: RunningEts;
  database: string;
  gql: GraphQLRequester;
  /** The event store's methods called while `action` ran, in order: one round trip each. */
  storeCalls(action: () => Promise<unknown>): Promise<Array<keyof EventStore>>;
  /** The rows (or documents) of one of the store's tables as they are stored, for checks of what was written. */
  storedRows(table: 'events' | 'event_versions' | 'tokens'): Promise<unknown[]>;
  stop(): Promise<void>;
}

/** The store the tests run on: MONGODB_URI when it is set (any MongoDB or FerretDB), else SQLite. */
export function testStoreKind(): 'sqlite' | 'mongodb' {
  return process.env.MONGODB_URI ? 'mongodb' : 'sqlite';
}

/** `it` for a test of one store's own mechanics; the other store's run lists it as skipped. */
export function itOn(kind: 'sqlite' | 'mongodb'): jest.It {
  return testStoreKind() === kind ? it : it.skip;
}

/** The configuration of a test server: the defaults, on a free loopback port, with `env` applied. */
export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  return {
    // The deadline of the store under test may be set for the whole run (a slow FerretDB).
    ...loadConfig({ LOG_LEVEL: 'silent', ETS_STORE_TIMEOUT_MS: process.env.ETS_STORE_TIMEOUT_MS, ...env }),
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmpdir(), `ets-test-${randomUUID()}`),
    ...overrides,
  };
}

export interface TestEtsOptions {
  /** A second instance on the data of this one, as behind a load balancer. */
  sameDataAs?: TestEts;
  redisUrl?: string;
  env?: NodeJS.ProcessEnv;
  host?: string;
}

export async function startTestEts({ sameDataAs, redisUrl, env, host }: TestEtsOptions = {}): Promise<TestEts> {
  let listener: ((call: StoreCall) => void) | undefined;
  const database = sameDataAs?.database ?? `ets_test_${randomUUID().slice(0, 8)}`;
  const config = testConfig(
    {
      mongodbUri: process.env.MONGODB_URI || undefined,
      redisUrl,
      ...(host && { host }),
      ...(sameDataAs && { dataDir: sameDataAs.ets.config.dataDir }),
    },
    env,
  );
  const ets = await startEts(config, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    onStoreCall: (call) => listener?.(call),
    database,
  });
  return {
    url: ets.url,
    ets,
    database,
    gql: (document: Operation<unknown, unknown>, variables?: unknown, token?: string) =>
      post(ets.url, document, variables, { token }),
    async storeCalls(action) {
      const seen: Array<keyof EventStore> = [];
      listener = (call) => seen.push(call.method);
      try {
        await action();
      } finally {
        listener = undefined;
      }
      return seen;
    },
    storedRows: (table) => storedRows(ets, table),
    async stop() {
      await ets.stop();
      if (!sameDataAs) await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}

async function storedRows(ets: RunningEts, table: 'events' | 'event_versions' | 'tokens'): Promise<unknown[]> {
  const store = ets.store;
  if (store.kind === 'mongodb') return store.client.db(store.databaseName).collection(table).find().toArray();
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT * FROM ${table}`).all();
  } finally {
    db.close();
  }
}

/**
 * A GraphQL request over HTTP to the ETS at `url` (typed as TestEts.gql), answered as the
 * server gave it, without retries; with `timeoutMs`, a request left unanswered fails instead
 * of hanging.
 */
export function gqlAt<TResult, TVariables>(
  url: string,
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  options?: RequestOptions,
): Promise<GraphQLResponse<TResult>>;
export function gqlAt<T = UntypedData>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options?: RequestOptions,
): Promise<GraphQLResponse<T>>;
export function gqlAt(
  url: string,
  document: Operation<unknown, unknown>,
  variables?: unknown,
  options: RequestOptions = {},
): Promise<GraphQLResponse<any>> {
  return post(url, document, variables, options);
}

async function post(
  url: string,
  document: Operation<unknown, unknown>,
  variables: unknown,
  { token, timeoutMs }: RequestOptions,
): Promise<GraphQLResponse<any>> {
  const { status, body } = await postOperation(`${url}/graphql`, document, variables, { token, timeoutMs });
  return { status, ...body };
}

interface RequestOptions {
  token?: string;
  timeoutMs?: number;
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

/**
 * Makes a token through the API, as `by` (an admin token), or as nobody on a fresh loopback
 * server, and answers its secret.
 */
export async function createTokenAt(
  ets: TestEts,
  name: string,
  scopes: Scope[],
  namespace?: Record<string, string[]>,
  by?: string,
): Promise<string> {
  return dataOf(await ets.gql(CreateTokenMutation, { name, scopes, namespace }, by)).createToken.secret;
}

export function uniqueId(prefix = 'ev'): string {
  return `${prefix}-${randomUUID()}`;
}

/** The fields of the EventFields fragment (./operations.ts), for queries written as text. */
export const EVENT_FIELDS =
  'id parentId sourceId startTime endTime description detailUrls tags createdAt updatedAt revision changedBy';
