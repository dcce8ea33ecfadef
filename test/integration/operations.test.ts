/**
 * Running ETS: health endpoints, GraphiQL without a CDN, the embedded store keeping data
 * across restarts and coming back after a crash, and the store going away and returning.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEts, type RunningEts } from '../../src/start';
import { isRunning as running, startFerretdb, type EmbeddedStore } from '../../src/store/embedded-store';
import { ferretdbPath } from '../../src/store/ferretdb-binary';
import { dataOf, gqlAt, startTestEts, testConfig, uniqueId } from '../helpers/ets';
import { until } from '../helpers/wait';

const silent = pino({ level: 'silent' });

const gql = (url: string, query: string, variables?: Record<string, unknown>) => gqlAt(url, query, variables);

/** Polls (bounded) until `check` holds; the store needs a moment to come back. */
const eventually = (check: () => Promise<boolean>) =>
  until(check, 'the store back', { timeoutMs: 30_000, everyMs: 250 });

describe('HTTP endpoints', () => {
  it('serves healthz, readyz and GraphiQL from its own files', async () => {
    const ets = await startTestEts();
    try {
      expect(await (await fetch(`${ets.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${ets.url}/readyz`);
      expect(ready.status).toBe(200);
      const page = await fetch(`${ets.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
      expect(assets.length).toBeGreaterThanOrEqual(4);
      expect((await fetch(`${ets.url}/graphiql/constructor`)).status).toBe(404);
      for (const asset of assets) {
        expect(asset.startsWith('/')).toBe(true); // served here, no CDN
        const response = await fetch(`${ets.url}${asset}`);
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      // A client's GET query still reaches GraphQL.
      const get = await fetch(`${ets.url}/graphql?query=${encodeURIComponent('{ event(id: "none") { id } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(await get.json()).toEqual({ data: { event: null } });
    } finally {
      await ets.stop();
    }
  });
});

describe('embedded store', () => {
  it('keeps data across a restart of the service', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ets-persist-'));
    const config = testConfig({ mongodbUri: undefined, dataDir });
    const id = uniqueId();
    let ets: RunningEts = await startEts(config, { logger: silent });
    try {
      expect(ets.embedded?.kind).toBe('ferretdb-sqlite');
      dataOf(
        await gql(ets.url, 'mutation($e: EventInput!) { createEvent(event: $e) { id } }', {
          e: { id, tags: { k: ['v'] } },
        }),
      );
    } finally {
      await ets.stop();
    }
    ets = await startEts(config, { logger: silent });
    try {
      const found = dataOf(await gql(ets.url, 'query($id: ID!) { event(id: $id) { id tags } }', { id }));
      expect(found.event).toEqual({ id, tags: { k: ['v'] } });

      // The store's process dies: ETS restarts it and answers again, losing nothing.
      process.kill(ets.embedded?.pid() as number, 'SIGKILL');
      await eventually(
        async () => (await gql(ets.url, 'query($id: ID!) { event(id: $id) { id } }', { id })).data?.event?.id === id,
      );
    } finally {
      await ets.stop();
    }
  });
});

describe('embedded store after ETS was killed outright', () => {
  it('stops the FerretDB the killed ETS left behind before starting a new one on the same files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ets-orphan-'));
    const script = `
      const pino = require('pino');
      const { startFerretdb } = require('./src/store/embedded-store');
      const { ferretdbPath } = require('./src/store/ferretdb-binary');
      startFerretdb(ferretdbPath(), ${JSON.stringify(dataDir)}, pino({ level: 'silent' }))
        .then((store) => console.log('pid ' + store.pid()));`;
    const owner = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const orphan = await new Promise<number>((resolve, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => {
        const pid = /pid (\d+)/.exec(chunk.toString())?.[1];
        if (pid) resolve(Number(pid));
      });
      owner.once('exit', () => reject(new Error('the owner exited before starting FerretDB')));
    });
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    expect(running(orphan)).toBe(true);

    try {
      const store = await startFerretdb(ferretdbPath(), dataDir, silent);
      try {
        expect(running(orphan)).toBe(false);
        expect(store.pid()).not.toBe(orphan);
      } finally {
        await store.stop();
      }
    } finally {
      if (running(orphan)) process.kill(orphan, 'SIGKILL');
    }
  });
});

describe('store outage', () => {
  let store: EmbeddedStore;
  let ets: RunningEts;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ets-outage-'));
    store = await startFerretdb(ferretdbPath(), dataDir, silent);
    ets = await startEts(testConfig({ mongodbUri: store.uri, dataDir }), { logger: silent });
  });
  afterAll(async () => {
    await ets.stop();
    await store.stop();
  });

  it('answers with a clear error while the store is away and recovers by itself', async () => {
    const id = uniqueId();
    dataOf(await gql(ets.url, 'mutation($e: EventInput!) { createEvent(event: $e) { id } }', { e: { id } }));
    const port = Number(new URL(store.uri).port);
    await store.stop();

    const down = await gql(ets.url, 'mutation($e: EventInput!) { createEvent(event: $e) { id } }', {
      e: { id: uniqueId() },
    });
    expect(down.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toBe('the event store is unavailable, try again shortly');
    expect((await fetch(`${ets.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${ets.url}/healthz`)).status).toBe(200);

    store = await startFerretdb(ferretdbPath(), dataDir, silent, port);
    await eventually(async () => (await fetch(`${ets.url}/readyz`)).status === 200);
    const back = dataOf(await gql(ets.url, 'query($id: ID!) { event(id: $id) { id } }', { id }));
    expect(back.event).toEqual({ id });
  });
});
