/**
 * `npm run bench`: the GraphQL path against the raw driver, on one store, in one run.
 * Loads a synthetic data set, starts ETS as its own process, then measures each line both
 * ways. Store: MONGODB_URI when set, else the embedded FerretDB/SQLite in a temp folder.
 *
 *   BENCH_EVENTS (100000) size of the data set    BENCH_QUERIES (20) queries per side
 *   BENCH_CREATES (2000) single creates per side  BENCH_BATCHES (40) batches of 100 per side
 *   BENCH_SUBSCRIBERS (100) live subscribers      BENCH_CHANGES (1000) changes they receive
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { createEvent } from '../src/domain/rules';
import { readEventQuery } from '../src/domain/query';
import { toDocument, type EventDocument } from '../src/store/event-document';
import { eventFilter, PAGE_ORDER } from '../src/store/event-filter';
import { startEmbeddedStore } from '../src/store/embedded-store';
import { DAYS, random, SERVICES, START, syntheticEvent } from './dataset';
import { measureLiveChanges } from './live';
import { measure, type Measurement } from './measure';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const EVENTS = env('BENCH_EVENTS', 100_000);
const CREATES = env('BENCH_CREATES', 2_000);
const BATCHES = env('BENCH_BATCHES', 40);
const QUERIES = env('BENCH_QUERIES', 20);
const SUBSCRIBERS = env('BENCH_SUBSCRIBERS', 100);
const CHANGES = env('BENCH_CHANGES', 1000);

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(port: number, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 || text.includes('"errors"'))
            reject(new Error(`GraphQL failed: ${text.slice(0, 300)}`));
          else resolve(text);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitForReady(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const ok = await new Promise<boolean>((resolve) => {
        request({ host: '127.0.0.1', port, path: '/readyz' }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
          .on('error', () => resolve(false))
          .end();
      });
      if (ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('ETS did not become ready');
}

function row(http: Measurement, raw: Measurement): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toPrecision(2));
  return `| ${http.name} | ${f(http.rate)}/s, p50 ${f(http.p50)} ms, p99 ${f(http.p99)} ms | ${f(raw.rate)}/s, p50 ${f(raw.p50)} ms, p99 ${f(raw.p99)} ms | ${(raw.rate / http.rate).toFixed(2)}x | ${(http.p50 / raw.p50).toFixed(2)}x |`;
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startEmbeddedStore(await mkdtemp(join(tmpdir(), 'ets-bench-')), logger);
  const base = process.env.MONGODB_URI ?? (embedded?.uri as string);
  const database = `ets_bench_${Date.now()}`;
  const client = await new MongoClient(base, { maxPoolSize: 50 }).connect();
  const build = (await client.db('admin').command({ buildInfo: 1 })) as { version: string; ferretdbVersion?: string };
  const storeName = build.ferretdbVersion ? `FerretDB ${build.ferretdbVersion}` : `MongoDB ${build.version}`;
  const raw = client.db(database).collection<EventDocument>('events');

  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const uri = base.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, MONGODB_URI: uri, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForReady(port);
    console.log(`store: ${storeName}; loading ${EVENTS} events…`);
    const next = random(42);
    const loadStart = Date.now();
    for (let n = 0; n < EVENTS; n += 1000) {
      const batch = Array.from({ length: Math.min(1000, EVENTS - n) }, (_, i) =>
        toDocument(syntheticEvent(n + i, next)),
      );
      await raw.insertMany(batch, { ordered: false });
    }
    console.log(`loaded in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    const rows: string[] = [];
    const create = (prefix: string) => (i: number) => syntheticEvent(i, random(i + 7), prefix);
    const input = (e: ReturnType<typeof syntheticEvent>) => ({
      id: e.id,
      parentId: e.parentId,
      sourceId: e.sourceId,
      startTime: e.startTime.getTime(),
      endTime: e.endTime.getTime(),
      description: e.description,
      detailUrls: e.detailUrls,
      tags: e.tags,
    });

    const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id revision } }';
    const httpCreate = await measure('createEvent vs insertOne', CREATES, 8, (i) =>
      post(port, JSON.stringify({ query: CREATE, variables: { e: input(create('http-one')(i)) } })),
    );
    const rawCreate = await measure('insertOne', CREATES, 8, (i) => {
      const e = create('raw-one')(i);
      return raw.insertOne(toDocument(createEvent(e.id, { ...e }, new Date())));
    });
    rows.push(row(httpCreate, rawCreate));

    const BATCH = 'mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }';
    const batchOf = (prefix: string, b: number) => Array.from({ length: 100 }, (_, i) => create(prefix)(b * 100 + i));
    const httpBatch = await measure(
      'createEvents(100) vs insertMany(100), events',
      BATCHES,
      2,
      (b) => post(port, JSON.stringify({ query: BATCH, variables: { es: batchOf('http-many', b).map(input) } })),
      100,
    );
    const rawBatch = await measure(
      'insertMany',
      BATCHES,
      2,
      (b) =>
        raw.insertMany(
          batchOf('raw-many', b).map((e) => toDocument(createEvent(e.id, { ...e }, new Date()))),
          { ordered: false },
        ),
      100,
    );
    rows.push(row(httpBatch, rawBatch));

    const windows = Array.from({ length: QUERIES }, (_, q) => {
      const day = START + (q % DAYS) * 86_400_000;
      return { service: SERVICES[(q * 7) % SERVICES.length] as string, from: day, to: day + 86_400_000 };
    });
    const EVENTS_QUERY = `query($f: EventFilter) { events(filter: $f, first: 100) {
      nodes { id parentId startTime endTime description detailUrls tags createdAt updatedAt revision } } }`;
    const httpQuery = await measure('events(1 tag, 1 day, first 100) vs find', QUERIES, 1, (q) => {
      const w = windows[q] as (typeof windows)[number];
      return post(
        port,
        JSON.stringify({
          query: EVENTS_QUERY,
          variables: { f: { tags: { service: [w.service] }, from: w.from, to: w.to } },
        }),
      );
    });
    const rawQuery = await measure('find', QUERIES, 1, (q) => {
      const w = windows[q] as (typeof windows)[number];
      const filter = eventFilter(readEventQuery({ tags: { service: [w.service] }, from: w.from, to: w.to }));
      return raw.find(filter).sort(PAGE_ORDER).limit(101).toArray();
    });
    rows.push(row(httpQuery, rawQuery));

    const live = await measureLiveChanges(port, SUBSCRIBERS, CHANGES, (i, tag) => {
      const event = input(create(`${tag}-event`)(i));
      return post(
        port,
        JSON.stringify({ query: CREATE, variables: { e: { ...event, tags: { ...event.tags, run: [tag] } } } }),
      );
    });

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `\nmachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(
      `store: ${storeName}, ${EVENTS} events loaded; ${CREATES} creates, ${BATCHES} batches, ${QUERIES} queries per side\n`,
    );
    console.log('| line | GraphQL over HTTP | raw driver | throughput ratio (raw/GraphQL) | p50 ratio (GraphQL/raw) |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const line of rows) console.log(line);
    console.log(`\nlive changes: ${live}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await client
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await embedded?.stop();
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
