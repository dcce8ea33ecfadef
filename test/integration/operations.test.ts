/**
 * Running ETS: health endpoints, GraphiQL without a CDN, the embedded store keeping data
 * across restarts in owner-only files, and a MongoDB store going away and returning.
 */
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEts, type RunningEts } from '../../src/start';
import { ferretdbPath } from '../../scripts/ferretdb/binary';
import { dataOf, gqlAt, startTestEts, testConfig, testStoreKind, uniqueId } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';
import { startFerretdb, type FerretdbProcess } from '../helpers/ferretdb';
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
      // Its own files and its one inline script only, never framed.
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const tree = await fetch(`${ets.url}/event/none/`);
      expect(tree.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
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
  it('keeps data across a restart, in owner-only files, ready as soon as it serves', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ets-persist-'));
    const config = testConfig({ mongodbUri: undefined, dataDir });
    const id = uniqueId();
    let ets: RunningEts = await startEts(config, { logger: silent });
    try {
      expect(ets.store.kind).toBe('sqlite');
      dataOf(
        await gqlAt(ets.url, CreateEventMutation, {
          event: { id, tags: { k: ['v'] }, description: 'kept across restarts' },
        }),
      );
    } finally {
      await ets.stop();
    }
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(dataDir))
      expect([name, (await stat(join(dataDir, name))).mode & 0o777]).toEqual([name, 0o600]);

    ets = await startEts(config, { logger: silent });
    try {
      expect((await fetch(`${ets.url}/readyz`)).status).toBe(200);
      const found = dataOf(
        await gql(
          ets.url,
          'query($id: ID!) { event(id: $id) { id tags } events(filter: {search: "ACROSS"}) { nodes { id } } }',
          { id },
        ),
      );
      expect(found.event).toEqual({ id, tags: { k: ['v'] } });
      expect(found.events.nodes).toEqual([{ id }]);
    } finally {
      await ets.stop();
    }
  });

  it('says so when the data folder holds the data of the earlier FerretDB-based store', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ets-earlier-'));
    await mkdir(join(dataDir, 'ferretdb'));
    await writeFile(join(dataDir, 'ferretdb', 'ets.sqlite'), '');
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const ets = await startEts(testConfig({ mongodbUri: undefined, dataDir }), { logger });
    try {
      const warning = lines
        .map((line) => JSON.parse(line) as { msg: string })
        .find((l) => /earlier embedded store/.test(l.msg));
      expect(warning?.msg).toContain(join(dataDir, 'ferretdb'));
      expect(warning?.msg).toContain('ets export');
    } finally {
      await ets.stop();
    }
  });
});

// The embedded store cannot go away on its own; a MongoDB store can.
const describeOnMongodb = testStoreKind() === 'mongodb' ? describe : describe.skip;

describeOnMongodb('MongoDB store outage', () => {
  let store: FerretdbProcess;
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
    dataOf(await gqlAt(ets.url, CreateEventMutation, { event: { id } }));
    const port = Number(new URL(store.uri).port);
    await store.stop();

    const down = await gqlAt(ets.url, CreateEventMutation, {
      event: { id: uniqueId() },
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
