/**
 * The reliability promises under faults: a server killed with SIGKILL during a steady
 * write load, the MongoDB store stopped during load and started again, and 200 concurrent
 * merges on one event through two servers. Every write that was acknowledged must be in
 * the store afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { startEts, type RunningEts } from '../../src/start';
import { ferretdbPath } from '../../scripts/ferretdb/binary';
import { dataOf, gqlAt, startTestEts, testConfig, testStoreKind, uniqueId } from '../helpers/ets';
import { startFerretdb, type FerretdbProcess } from '../helpers/ferretdb';

const silent = pino({ level: 'silent' });
// TEST_LOG_LEVEL=error shows what a server under test logged about an unexpected error.
const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id } }';
const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e, upsert: true) { id } }';

// A request the server never answers fails the test instead of hanging it.
const gql = (url: string, query: string, variables: Record<string, unknown>) =>
  gqlAt(url, query, variables, { timeoutMs: 20_000 });

interface EventPage {
  events: {
    nodes: Array<{ id: string; tags: Record<string, string[]> }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

/** Every event tagged run=`run`, by id, read through all pages. */
async function eventsOfRun(url: string, run: string): Promise<Map<string, { tags: Record<string, string[]> }>> {
  const found = new Map<string, { tags: Record<string, string[]> }>();
  let after: string | null = null;
  do {
    const page = dataOf(
      await gql(
        url,
        `query($f: EventFilter, $a: String) { events(filter: $f, first: 1000, after: $a) {
            nodes { id tags } pageInfo { endCursor hasNextPage } } }`,
        { f: { tags: { run: [run] } }, a: after },
      ),
    ) as EventPage;
    for (const node of page.events.nodes) found.set(node.id, node);
    after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
  } while (after);
  return found;
}

/** Waits for `what`, failing with its name if it does not happen within `seconds`. */
function within<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** An ETS on a FerretDB of its own, which a test may stop, kill and start again. */
function ownStore(prefix: string): { store: FerretdbProcess; ets: RunningEts } {
  const own = {} as { store: FerretdbProcess; ets: RunningEts };
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), prefix));
    own.store = await startFerretdb(ferretdbPath(), dataDir, silent);
    own.ets = await startEts(testConfig({ mongodbUri: own.store.uri, dataDir }), { logger: testLogger });
  });
  afterAll(async () => {
    await own.ets.stop();
    await own.store.stop(); // the one running now, if a test started it again
  });
  return own;
}

/** Every write the load saw acknowledged is in the store: the creates, and the merged tag values. */
async function expectAcknowledgedStored(url: string, load: WriteLoad): Promise<void> {
  const stored = await eventsOfRun(url, load.run);
  expect(load.created.filter((id) => !stored.has(id))).toEqual([]);
  const values = new Set(stored.get(load.target)?.tags.merged ?? []);
  expect(load.merged.filter((value) => !values.has(value))).toEqual([]);
}

/** With ETS_FAULT_REPORT set to a file, each test appends what it measured (docs/reliability.md). */
async function report(test: string, figures: Record<string, unknown>): Promise<void> {
  const file = process.env.ETS_FAULT_REPORT;
  if (file) await appendFile(file, `${JSON.stringify({ test, ...figures })}\n`);
}

function failureSummary(failures: ReadonlyArray<{ ms: number }>) {
  const ms = failures.map((failure) => failure.ms).sort((x, y) => x - y);
  return {
    failed: ms.length,
    failMsP50: Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
    failMsMax: Math.round(ms.at(-1) ?? 0),
  };
}

/** Where a server process keeps its data: a folder of its own, or a database of its own on MONGODB_URI. */
async function ownData(prefix: string): Promise<NodeJS.ProcessEnv> {
  if (testStoreKind() === 'sqlite') return { ETS_DATA_DIR: await mkdtemp(join(tmpdir(), prefix)), MONGODB_URI: '' };
  return {
    MONGODB_URI: `${(process.env.MONGODB_URI as string).replace(/\/$/, '')}/${prefix}${randomUUID().slice(0, 8)}`,
  };
}

/** `ets` as its own process (npm start's entry), on the store under test; resolves with its URL. */
function startServerProcess(data: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, ...data, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const url = /ETS is serving GraphQL at (\S+)\/graphql/.exec(line)?.[1];
      if (url) resolve({ child, url });
    });
  });
}

/**
 * Writers that create events and merge tag values into one shared event until told to
 * stop, recording what the server acknowledged. `onAck` sees the running count.
 */
type WriteLoad = ReturnType<typeof writeLoad>;

function writeLoad(
  url: () => string,
  run: string,
  {
    writers,
    onAck,
    onFailure,
    stopOnError,
  }: {
    writers: number;
    onAck: (acked: number) => void;
    onFailure?: (failed: number) => void;
    stopOnError: boolean;
  },
) {
  const created: string[] = [];
  const merged: string[] = [];
  const failures: Array<{ code: string | undefined; message: string; ms: number }> = [];
  let stopped = false;
  const target = `target-${run}`;
  const loops = Array.from({ length: writers }, async (_, writer) => {
    for (let i = 0; !stopped; i++) {
      const value = `${writer}-${i}`;
      const create = i % 2 === 0;
      const started = performance.now();
      try {
        const response = create
          ? await gql(url(), CREATE, { e: { id: `${run}-${value}`, tags: { run: [run] } } })
          : await gql(url(), MERGE, { e: { id: target, tags: { run: [run], merged: [value] } } });
        if (response.errors?.length) {
          failures.push({
            code: response.errors[0]?.extensions?.code,
            message: response.errors[0]?.message ?? '',
            ms: performance.now() - started,
          });
          onFailure?.(failures.length);
          continue;
        }
        (create ? created : merged).push(create ? `${run}-${value}` : value);
        onAck(created.length + merged.length);
      } catch (error) {
        failures.push({ code: 'NETWORK', message: String(error), ms: performance.now() - started });
        onFailure?.(failures.length);
        if (stopOnError) return;
      }
    }
  });
  return {
    run,
    created,
    merged,
    failures,
    target,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

describe('kill -9 of the server during a steady write load', () => {
  it('keeps every acknowledged write', async () => {
    const data = await ownData('ets_kill_');
    const run = uniqueId('kill');
    const first = await startServerProcess(data);
    let killed = false;
    let url = first.url;
    const load = writeLoad(() => url, run, {
      writers: 8,
      stopOnError: true,
      onAck: (acked) => {
        if (acked >= 300 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      },
    });
    await new Promise((resolve) => first.child.once('exit', resolve));
    await load.stop();
    expect(killed).toBe(true);
    expect(load.failures.every((failure) => failure.code === 'NETWORK')).toBe(true);

    const second = await startServerProcess(data);
    url = second.url;
    try {
      await expectAcknowledgedStored(url, load);
      await report('kill -9 of the server', {
        ackedCreates: load.created.length,
        ackedMerges: load.merged.length,
        unanswered: load.failures.length,
      });
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  });
});

// The embedded store lives and dies with the server (above); a MongoDB store can go away alone.
const describeOnMongodb = testStoreKind() === 'mongodb' ? describe : describe.skip;

describeOnMongodb('the MongoDB store stopped during load and started again', () => {
  const own = ownStore('ets-store-fault-');

  it('fails requests with a clear error while it is down, recovers by itself, and loses nothing', async () => {
    const run = uniqueId('outage');
    const port = Number(new URL(own.store.uri).port);
    const dataDir = own.ets.config.dataDir;
    let phase: 'before' | 'down' | 'back' = 'before';
    let ackedWhenBack = 0;
    let recovered!: () => void;
    const recovery = new Promise<void>((resolve) => (recovered = resolve));
    let stopStore!: () => void;
    const storeStopped = new Promise<void>((resolve) => (stopStore = resolve));
    let failedEnough!: () => void;
    const failuresSeen = new Promise<void>((resolve) => (failedEnough = resolve));
    const load = writeLoad(() => own.ets.url, run, {
      writers: 4,
      stopOnError: false,
      onAck: (acked) => {
        if (phase === 'before' && acked >= 40) stopStore();
        if (phase === 'back' && acked >= ackedWhenBack + 40) recovered();
      },
      onFailure: (failed) => {
        if (failed >= 8) failedEnough();
      },
    });

    try {
      await within(storeStopped, 20, '40 writes acknowledged before the outage');
      phase = 'down';
      await own.store.stop();
      // While it is down: REST answers 503, GraphQL STORE_UNAVAILABLE, readiness 503.
      const rest = await fetch(`${own.ets.url}/api/v1/event/`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: { tags: { run: [run] } } }),
      });
      expect(rest.status).toBe(503);
      expect(await rest.json()).toEqual({
        message: 'the event store is unavailable, try again shortly',
        code: 'STORE_UNAVAILABLE',
      });
      expect((await fetch(`${own.ets.url}/readyz`)).status).toBe(503);
      await within(failuresSeen, 20, '8 writes refused while the store is down');

      own.store = await startFerretdb(ferretdbPath(), dataDir, silent, port);
      ackedWhenBack = load.created.length + load.merged.length;
      phase = 'back';
      const failedBefore = load.failures.length;
      await within(recovery, 30, '40 writes acknowledged after the store came back').catch((error: Error) => {
        const since = load.failures.slice(failedBefore).map((f) => `${f.code} ${Math.round(f.ms)} ms: ${f.message}`);
        const acked = load.created.length + load.merged.length - ackedWhenBack;
        throw new Error(`${error.message}; ${acked} acknowledged, then refused: ${since.join(' | ') || 'none'}`);
      });
    } finally {
      await load.stop();
    }

    expect(load.failures.filter((failure) => failure.code !== 'STORE_UNAVAILABLE')).toEqual([]);
    await expectAcknowledgedStored(own.ets.url, load);
    await report('store stopped and started', {
      ackedCreates: load.created.length,
      ackedMerges: load.merged.length,
      ...failureSummary(load.failures),
    });
  });
});

describe('200 concurrent merges on one event, through two servers', () => {
  it('keeps all 200 changes, each as a revision', async () => {
    const a = await startTestEts();
    const b = await startTestEts({ sameDataAs: a });
    try {
      const id = uniqueId('hot');
      dataOf(await a.gql(CREATE, { e: { id, tags: { service: ['web'] } } }));
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 === 0 ? a : b).gql(MERGE, { e: { id, tags: { merged: [`m${i}`] }, description: `merge #${i}.` } }),
        ),
      );
      expect(results.filter((result) => result.errors)).toEqual([]);
      const mergeSeconds = (performance.now() - started) / 1000;
      const event = dataOf(
        await a.gql(
          'query($id: ID!) { event(id: $id) { revision tags description revisions(last: 1000) { revision } } }',
          { id },
        ),
      ).event;
      expect(new Set(event.tags.merged)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `m${i}`)));
      expect(event.revision).toBe(201);
      expect(event.revisions).toHaveLength(200);
      expect(new Set(event.description.split('\n'))).toEqual(
        new Set(Array.from({ length: 200 }, (_, i) => `merge #${i}.`)),
      );
      await report('200 concurrent merges', { revision: event.revision, seconds: Number(mergeSeconds.toFixed(1)) });
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});
