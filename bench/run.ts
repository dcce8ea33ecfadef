/**
 * `npm run bench`: the figures of docs/performance.md, on one store, in one run. Builds the
 * synthetic data set through the store's batch path (reused by later runs), starts ETS as
 * its own process on it, and measures what a person and a bot see over HTTP.
 * Store: the embedded SQLite store unless MONGODB_URI is set.
 *
 *   BENCH_EVENTS (1000000; 100000 on MongoDB) events in the data set, over 30 days
 *   BENCH_DATA (bench/data)      where the embedded data sets are kept between runs
 *   BENCH_SUBSCRIBERS (100) live subscribers   BENCH_CHANGES (1000) changes they receive
 *   BENCH_SCALE (1)              scales each line's request count (0.05 for FerretDB)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import type { EventRecord } from '../src/domain/event';
import { openStorage } from '../src/store/storage';
import { DATABASE_FILE } from '../src/store/sqlite/database';
import { DAYS, random, SERVICES, START, syntheticEvent } from './dataset';
import { measureLiveChanges } from './live';
import { measure, percentile, type Measurement } from './measure';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MONGODB_URI = process.env.MONGODB_URI || undefined;
const EVENTS = env('BENCH_EVENTS', MONGODB_URI ? 100_000 : 1_000_000);
const SUBSCRIBERS = env('BENCH_SUBSCRIBERS', 100);
const CHANGES = env('BENCH_CHANGES', 1000);
/** BENCH_SCALE (1) scales the number of requests of each line, for a slow store. */
const n = (count: number) => Math.max(1, Math.round(count * env('BENCH_SCALE', 1)));
const DATASET_VERSION = 4;
const DAY = 86_400_000;
const END = START + DAYS * DAY;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(port: number, method: 'GET' | 'POST', path: string, body?: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 || text.startsWith('{"errors"'))
            reject(new Error(`${path}: ${text.slice(0, 300)}`));
          else resolvePromise(text);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const gql = (port: number, query: string, variables: Record<string, unknown>) =>
  call(port, 'POST', '/graphql', JSON.stringify({ query, variables }));

/** Where the data set lives, and whether it is there already (a marker written once it is whole). */
function dataset(): { dataDir: string; database: string; marker: string } {
  const name = `ets_bench_${EVENTS}_v${DATASET_VERSION}`;
  const dataDir = resolve(process.env.BENCH_DATA ?? join('bench', 'data'), name);
  return { dataDir, database: name, marker: join(dataDir, 'dataset.json') };
}

async function buildDataset(): Promise<string> {
  const { dataDir, database, marker } = dataset();
  const want = JSON.stringify({ events: EVENTS, version: DATASET_VERSION, store: MONGODB_URI ? 'mongodb' : 'sqlite' });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return `reused ${EVENTS} events`;
  const store = await openStorage(
    { mongodbUri: MONGODB_URI, dataDir, database, readTimeoutMs: 600_000, sqliteReaders: 1 },
    pino({ level: 'warn' }),
  );
  const started = performance.now();
  const next = random(42);
  try {
    for (let n = 0; n < EVENTS; n += 1000) {
      const batch: EventRecord[] = Array.from({ length: Math.min(1000, EVENTS - n) }, (_, i) =>
        syntheticEvent(n + i, next, 'bench', EVENTS),
      );
      await store.events.insertMany(batch);
    }
  } finally {
    await store.close();
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, want);
  const seconds = (performance.now() - started) / 1000;
  return `built ${EVENTS} events through the batch path in ${seconds.toFixed(1)} s (${Math.round(EVENTS / seconds)}/s)`;
}

async function startServer(): Promise<{ child: ChildProcess; port: number; startupMs: number }> {
  const { dataDir, database } = dataset();
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const uri = MONGODB_URI?.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      MONGODB_URI: uri ?? '',
      ETS_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ETS_RATE_LIMIT: '0',
      ETS_MAX_WS_CONNECTIONS: '1000', // the live line's subscribers all come from here
      NODE_ENV: 'production', // as npm start runs it
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 6000; i++) {
    if (
      await call(port, 'GET', '/readyz').then(
        () => true,
        () => false,
      )
    ) {
      return { child, port, startupMs: performance.now() - started };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('ETS did not become ready within 60 s');
}

const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toPrecision(2));
const line = (m: Measurement) => `${f(m.rate)}/s, p50 ${f(m.p50)} ms, p99 ${f(m.p99)} ms`;

const TIMELINE_EVENT = 'id parentId startTime endTime description tags';
const FIRST_VIEW = {
  events: `query($filter: EventFilter) { events(filter: $filter, first: 1000) { totalCount pageInfo { hasNextPage endCursor } nodes { ${TIMELINE_EVENT} } } }`,
  tagKeys: 'query($filter: EventFilter) { tagKeys(filter: $filter, first: 200) { key count } }',
  tagValues: 'query($filter: EventFilter) { tagValues(key: "service", filter: $filter, first: 50) { value count } }',
  histogram: 'query($filter: EventFilter!) { histogram(filter: $filter, interval: "15m") { start count } }',
};
const DETAILS = `query($id: ID!) {
  event(id: $id) { ${TIMELINE_EVENT} sourceId detailUrls createdAt updatedAt revision changedBy
    revisions { revision changedBy parentId startTime endTime description detailUrls tags updatedAt }
    ancestors(limit: 50) { ${TIMELINE_EVENT} } }
  eventTree(id: $id, maxDepth: 3) { truncated event { ${TIMELINE_EVENT} }
    children { truncated event { ${TIMELINE_EVENT} } children { truncated event { ${TIMELINE_EVENT} }
      children { truncated event { ${TIMELINE_EVENT} } } } } } }`;

/** Times the four queries of the UI's first view, one after another as a sum, and as the UI sends them: at once. */
async function firstView(port: number, rounds: number) {
  const filter = { from: END - DAY, to: END };
  const sums: number[] = [];
  const parallel: number[] = [];
  const each: Record<string, number[]> = { events: [], tagKeys: [], tagValues: [], histogram: [] };
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    for (const [name, query] of Object.entries(FIRST_VIEW)) {
      const t0 = performance.now();
      await gql(port, query, { filter });
      const ms = performance.now() - t0;
      each[name]?.push(ms);
      sum += ms;
    }
    sums.push(sum);
    const t0 = performance.now();
    await Promise.all(Object.values(FIRST_VIEW).map((query) => gql(port, query, { filter })));
    parallel.push(performance.now() - t0);
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  return {
    sum: median(sums),
    parallel: median(parallel),
    each: Object.fromEntries(Object.entries(each).map(([name, xs]) => [name, median(xs)])),
  };
}

async function main(): Promise<void> {
  console.log(`data set: ${await buildDataset()}`);
  const { child, port, startupMs } = await startServer();
  const rows: Array<[string, string]> = [];
  // Each line is printed as soon as it is measured; a line that fails says so and the others go on.
  const record = async (name: string, figure: () => Promise<string>) => {
    const text = await figure().catch((error: unknown) => `failed: ${String(error).slice(0, 300)}`);
    console.log(`measured: ${name}: ${text}`);
    rows.push([name, text]);
  };
  const runId = Date.now().toString(36);
  try {
    await record('start-up on the existing data, to /readyz 200', async () => `${f(startupMs)} ms`);
    await record(
      'first view of a 24h window (events first 1000 + totalCount, tagKeys, tagValues, histogram 15m)',
      async () => {
        // Warm the caches as a server that has been running would have them.
        await firstView(port, 1);
        const view = await firstView(port, n(10));
        return (
          `${f(view.sum)} ms one after another (events ${f(view.each.events ?? 0)}, tagKeys ${f(view.each.tagKeys ?? 0)}, ` +
          `tagValues ${f(view.each.tagValues ?? 0)}, histogram ${f(view.each.histogram ?? 0)}); ${f(view.parallel)} ms at once, as the UI sends them`
        );
      },
    );

    const PAGE = `query($f: EventFilter) { events(filter: $f, first: 100) { nodes { ${TIMELINE_EVENT} detailUrls createdAt updatedAt revision } } }`;
    const tagDay = (q: number) => {
      const day = START + (q % DAYS) * DAY;
      return { f: { tags: { service: [SERVICES[(q * 7) % SERVICES.length]] }, from: day, to: day + DAY } };
    };
    await record('one tag + 24h, first 100, 1 client', async () =>
      line(await measure('tag', n(300), 1, (q) => gql(port, PAGE, tagDay(q)))),
    );
    await record('one tag + 24h, first 100, 16 clients', async () =>
      line(await measure('tag16', n(5000), 16, (q) => gql(port, PAGE, tagDay(q)))),
    );

    // bench-(3k+1): a parent (3k) and a child (3k+2), in chains all over the 30 days.
    await record('event details as the UI asks them (revisions, ancestors, eventTree 3 deep), 1 client', async () =>
      line(
        await measure('details', n(300), 1, (q) =>
          gql(port, DETAILS, { id: `bench-${((q * 7919) % Math.floor(EVENTS / 3)) * 3 + 1}` }),
        ),
      ),
    );

    const input = (e: EventRecord) => ({
      id: e.id,
      parentId: null,
      sourceId: e.sourceId,
      startTime: e.startTime.getTime(),
      endTime: e.endTime.getTime(),
      description: e.description,
      detailUrls: e.detailUrls,
      tags: e.tags,
    });
    const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id revision } }';
    // New events happen now: after the data set, in order.
    const create = (prefix: string) => (i: number) => {
      const e = input(syntheticEvent(i, random(i + 7), `${prefix}-${runId}`, 1e9));
      const shift = END - START;
      return { ...e, startTime: e.startTime + shift, endTime: e.endTime + shift };
    };
    await record('createEvent, 8 clients', async () =>
      line(await measure('create', n(4000), 8, (i) => gql(port, CREATE, { e: create('one')(i) }))),
    );
    const BATCH = 'mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }';
    await record('createEvents of 1000, 2 clients (events/s)', async () =>
      line(
        await measure(
          'batch',
          n(20),
          2,
          (b) => gql(port, BATCH, { es: Array.from({ length: 1000 }, (_, i) => create('many')(b * 1000 + i)) }),
          1000,
        ),
      ),
    );

    // /healthz while 4 clients ask for the facets of all 30 days, again and again.
    const FACETS = `query($f: EventFilter) { tagKeys(filter: $f, first: 200) { key count }
      tagValues(key: "service", filter: $f, first: 50) { value count } }`;
    await record('/healthz while 4 clients run 30-day facet queries', async () => {
      let loading = true;
      let facetQueries = 0;
      let facetFailures = 0;
      const facetLoad = Array.from({ length: 4 }, async () => {
        while (loading) {
          await gql(port, FACETS, { f: { from: START, to: END } }).then(
            () => facetQueries++,
            () => facetFailures++,
          );
        }
      });
      const health = await measure('healthz', 500, 1, () => call(port, 'GET', '/healthz'));
      loading = false;
      await Promise.all(facetLoad);
      return `${line(health)} (${facetQueries} facet queries meanwhile, ${facetFailures} failed)`;
    });

    await record('live changes', () =>
      measureLiveChanges(port, SUBSCRIBERS, CHANGES, (i, tag) => {
        const event = create(`${tag}-event`)(i);
        return gql(port, CREATE, { e: { ...event, tags: { ...event.tags, run: [tag] } } });
      }),
    );

    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    await record('server RSS after the run', async () => `${f(Number(rss) / 1024)} MiB`);
    if (!MONGODB_URI) {
      const file = join(dataset().dataDir, DATABASE_FILE);
      const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
      await record('database file', async () => `${f(bytes / 2 ** 20)} MiB (${f(bytes / EVENTS)} bytes per event)`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    agent.destroy();
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nmachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `store: ${MONGODB_URI ? `MongoDB protocol at ${MONGODB_URI}` : 'embedded SQLite'}, ${EVENTS} events over ${DAYS} days\n`,
  );
  console.log('| line | figure |');
  console.log('| --- | --- |');
  for (const [name, figure] of rows) console.log(`| ${name} | ${figure} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
