/**
 * eventChanged over graphql-ws against the real store (and real Redis for several
 * instances): order, filters, many subscribers, a stuck subscriber, and clean-up.
 */
import Redis from 'ioredis';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { matchesQuery } from '../../src/domain/changes';
import { readEventQuery } from '../../src/domain/query';
import { dataOf, startTestEts, uniqueId, untilSubscribers, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';
import { until } from '../helpers/wait';
import { EVENT_CHANGED, subscribe } from '../helpers/subscriber';

const REDIS_URL = process.env.ETS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Polls (bounded) until the instance has `count` live subscribers. */
const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e) { id } }';
const DELETE = 'mutation($id: ID!) { deleteEvent(id: $id) { id } }';
const BATCH = 'mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }';

describe('one instance', () => {
  let ets: TestEts;
  beforeAll(async () => {
    // Hundreds of subscribers come from this one address.
    ets = await startTestEts({ env: { ETS_MAX_WS_CONNECTIONS: '1000' } });
  });
  afterAll(() => ets.stop());

  it('streams created, updated and deleted events matching the filter, in order', async () => {
    const run = uniqueId('sub');
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } });
    await untilSubscribers(ets, 1);
    const id = `${run}-a`;
    dataOf(await ets.gql(CreateEventMutation, { event: { id: `${run}-other`, tags: { run: ['someone else'] } } }));
    dataOf(await ets.gql(CreateEventMutation, { event: { id, tags: { run: [run] } } }));
    dataOf(await ets.gql(MERGE, { e: { id, description: 'done' } }));
    dataOf(await ets.gql(DELETE, { id }));
    const changes = await subscriber.waitFor(3);
    expect(changes.map((c) => [c.kind, c.event.id, c.event.revision])).toEqual([
      ['CREATED', id, 1],
      ['UPDATED', id, 2],
      ['DELETED', id, 2],
    ]);
    expect(changes[1]?.event.description).toBe('done');
    await subscriber.close();
    await untilSubscribers(ets, 0);
  });

  it('announces only what the store acknowledged: a refused write announces nothing', async () => {
    const run = uniqueId('refused');
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } });
    await untilSubscribers(ets, 1);
    dataOf(await ets.gql(CreateEventMutation, { event: { id: `${run}-a`, tags: { run: [run] } } }));
    expect(
      (await ets.gql(CreateEventMutation, { event: { id: `${run}-a`, tags: { run: [run] } } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('CONFLICT');
    expect(
      (await ets.gql(MERGE, { e: { id: `${run}-missing`, tags: { run: [run] } } })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    // a merge that changes nothing is no change either
    dataOf(await ets.gql(MERGE, { e: { id: `${run}-a`, tags: { run: [run] } } }));
    dataOf(await ets.gql(CreateEventMutation, { event: { id: `${run}-b`, tags: { run: [run] } } }));
    const changes = await subscriber.waitFor(2);
    expect(changes.map((c) => [c.kind, c.event.id])).toEqual([
      ['CREATED', `${run}-a`],
      ['CREATED', `${run}-b`],
    ]);
    await subscriber.close();
    await untilSubscribers(ets, 0);
  });

  it('applies the same filter rules as events()', async () => {
    const run = uniqueId('filter');
    const filters = {
      exclude: { tags: { run: [run] }, excludeTags: { status: ['fail'] } },
      parent: { parentId: `${run}-root` },
      search: { tags: { run: [run] }, search: 'ROLLBACK' },
      window: { tags: { run: [run] }, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
    };
    const subscribers = await Promise.all(Object.values(filters).map((f) => subscribe(ets.url, f)));
    await untilSubscribers(ets, subscribers.length);
    const events = [
      { id: `${run}-root`, tags: { run: [run], status: ['fail'] }, startTime: '2026-01-01T10:00:00Z' },
      {
        id: `${run}-child`,
        parentId: `${run}-root`,
        tags: { run: [run] },
        description: 'a rollback',
        startTime: '2026-03-01T00:00:00Z',
      },
      { id: `${run}-long`, tags: { run: [run] }, startTime: '2025-12-31T00:00:00Z', endTime: '2026-01-05T00:00:00Z' },
    ];
    dataOf(await ets.gql(BATCH, { es: events }));
    // A marker every subscriber receives, so that nothing is still on its way.
    dataOf(
      await ets.gql(CreateEventMutation, {
        event: {
          id: `${run}-end`,
          parentId: `${run}-root`,
          tags: { run: [run] },
          description: 'rollback end',
          startTime: '2026-01-01T12:00:00Z',
        },
      }),
    );
    // Each subscriber's last change is the marker, so waiting for its count sees everything.
    const expected = [
      [`${run}-child`, `${run}-long`, `${run}-end`],
      [`${run}-child`, `${run}-end`],
      [`${run}-child`, `${run}-end`],
      [`${run}-root`, `${run}-long`, `${run}-end`],
    ];
    const seen = await Promise.all(
      subscribers.map(async (s, i) => (await s.waitFor(expected[i]?.length ?? 0)).map((c) => c.event.id)),
    );
    expect(seen).toEqual(expected);
    await Promise.all(subscribers.map((s) => s.close()));
  });

  it('gives each of 200 concurrent subscribers every matching change', async () => {
    const run = uniqueId('many');
    const subscribers = await Promise.all(
      Array.from({ length: 200 }, () => subscribe(ets.url, { tags: { run: [run] } })),
    );
    await untilSubscribers(ets, 200);
    dataOf(
      await ets.gql(BATCH, { es: Array.from({ length: 5 }, (_, i) => ({ id: `${run}-${i}`, tags: { run: [run] } })) }),
    );
    const all = await Promise.all(subscribers.map((s) => s.waitFor(5)));
    for (const changes of all)
      expect(changes.map((c) => c.event.id)).toEqual(Array.from({ length: 5 }, (_, i) => `${run}-${i}`));
    await Promise.all(subscribers.map((s) => s.close()));
    await untilSubscribers(ets, 0);
  });

  /** A raw graphql-ws client that subscribes and can then stop reading its socket. */
  async function rawSubscriber(filter: Record<string, unknown>) {
    const socket = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: Array<{ type: string; payload?: any }> = [];
    let closeCode: number | undefined;
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.on('close', (code) => (closeCode = code));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: EVENT_CHANGED, variables: { f: filter } } }),
    );
    const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    return { socket, messages, closeCode: () => closeCode, pause: () => raw.pause(), resume: () => raw.resume() };
  }

  it('cuts off subscribers that stop reading, without holding up writes or others', async () => {
    const run = uniqueId('stuck');
    const filter = { tags: { run: [run] } };
    const stuck = await rawSubscriber(filter); // stops reading for good
    const slow = await rawSubscriber(filter); // stops reading, then reads again
    const healthy = await subscribe(ets.url, filter);
    await untilSubscribers(ets, 3);
    stuck.pause();
    slow.pause();

    // 1,500 changes of 16 KiB: far more than the socket buffers and the 1,000-change stream hold.
    const description = 'x'.repeat(16 * 1024);
    for (let b = 0; b < 5; b++) {
      const batch = Array.from({ length: 300 }, (_, i) => ({
        id: `${run}-${b}-${i}`,
        tags: { run: [run] },
        description,
      }));
      expect(dataOf(await ets.gql(BATCH, { es: batch })).createEvents.createdCount).toBe(300);
    }
    expect((await healthy.waitFor(1500)).length).toBe(1500);
    await untilSubscribers(ets, 1); // both streams were ended at once, their backlogs dropped

    // The slow one reads again: it gets what was already on its way, then the error.
    slow.resume();
    await until(() => slow.messages.some((m) => m.type === 'complete'), 'the slow subscriber told its stream is over');
    const last = slow.messages.filter((m) => m.type !== 'ka' && m.type !== 'ping').slice(-2);
    expect(last[0]?.payload.errors[0].extensions.code).toBe('SLOW_SUBSCRIBER');
    expect(last[0]?.payload.errors[0].message).toContain('fell more than 1000 changes behind');
    expect(last[1]?.type).toBe('complete');
    expect(slow.messages.length).toBeLessThan(1500);

    // The stuck one never reads: after a grace period its connection is closed and cut.
    for (let i = 0; i < 800 && ets.ets.subscriptions.clients > 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(ets.ets.subscriptions.clients).toBe(2);
    stuck.socket.terminate();
    slow.socket.close();
    await healthy.close();
  });

  it('leaves nothing behind after 1,000 connect / subscribe / disconnect cycles', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cycle = async () => {
      const s = await subscribe(ets.url, { tags: { run: ['leak'] } });
      await s.close();
    };
    // Clients that vanish without closing, while their subscription waits for a change.
    const vanish = async () => {
      const raw = await rawSubscriber({ tags: { run: ['leak'] } });
      raw.socket.terminate();
    };
    for (let i = 0; i < 50; i++) await cycle(); // warm up
    await untilSubscribers(ets, 0);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const resourcesBefore = process.getActiveResourcesInfo().length;
    for (let i = 0; i < 1000; i += 10)
      await Promise.all(Array.from({ length: 10 }, (_, j) => (j % 2 ? cycle() : vanish())));
    await untilSubscribers(ets, 0);
    await until(() => ets.ets.subscriptions.clients === 0, 'every socket closed');
    expect(ets.ets.subscriptions.clients).toBe(0);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore);
    gc();
    const grownMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    // Server and clients share this process; 4 MiB over 1,000 cycles is 4 KiB a cycle at most.
    expect(grownMiB).toBeLessThan(4);
  });

  it('matches changes exactly as events() selects events', async () => {
    const run = uniqueId('same');
    const fixtures = [
      {
        id: `${run}-a`,
        tags: { run: [run], status: ['fail'], team: ['x'] },
        description: 'Deploy a.b',
        startTime: '2026-01-01T00:00:00Z',
        endTime: '2026-01-01T01:00:00Z',
      },
      {
        id: `${run}-b`,
        parentId: `${run}-a`,
        tags: { run: [run], status: ['success'] },
        description: 'axb ΟΔΟΣ',
        startTime: '2026-01-01T01:00:00Z',
      },
      {
        id: `${run}-c`,
        tags: { run: [run] },
        description: '(a+)+ rollback',
        startTime: '2026-01-02T00:00:00Z',
        endTime: '2026-01-03T00:00:00Z',
      },
    ];
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } });
    await untilSubscribers(ets, 1);
    dataOf(await ets.gql(BATCH, { es: fixtures }));
    const stored = (await subscriber.waitFor(3)).map((c) => c.event.id);
    expect(stored).toEqual(fixtures.map((f) => f.id));
    await subscriber.close();
    const events = await Promise.all(fixtures.map((f) => ets.ets.store.events.findById(f.id)));
    const filters: Array<Record<string, unknown>> = [
      { excludeTags: { status: ['fail'] } },
      { excludeTags: { absent: ['x'] } },
      { tags: { status: ['fail', 'success'], team: ['x'] } },
      { parentId: `${run}-a` },
      { search: 'a.b' },
      { search: 'DEPLOY' },
      { search: 'οδοσ' },
      { search: '(a+)+' },
      { from: '2026-01-01T01:00:00Z', to: '2026-01-02T00:00:00Z' },
      { from: '2026-01-01T00:30:00Z', to: '2026-01-01T01:00:00Z' },
      { to: '2026-01-01T00:00:00Z' },
      { from: '2026-01-03T00:00:00Z' },
      { timeField: 'UPDATE', from: '2026-01-01T00:00:00Z' },
    ];
    for (const filter of filters) {
      const full = { ...filter, tags: { ...((filter.tags as object) ?? {}), run: [run] } };
      const selected = dataOf(
        await ets.gql('query($f: EventFilter) { events(filter: $f) { nodes { id } } }', { f: full }),
      )
        .events.nodes.map((n: { id: string }) => n.id)
        .sort();
      const matched = events
        .filter((event) => event && matchesQuery(event, readEventQuery(full)))
        .map((event) => event?.id)
        .sort();
      expect([filter, matched]).toEqual([filter, selected]);
    }
  });
});

describe('several instances through Redis', () => {
  let a: TestEts;
  let b: TestEts;
  beforeAll(async () => {
    a = await startTestEts({ redisUrl: REDIS_URL });
    b = await startTestEts({ sameDataAs: a, redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('a subscriber on A receives, in order, what is written through B', async () => {
    const run = uniqueId('redis');
    const subscriber = await subscribe(a.url, { tags: { run: [run] } });
    await untilSubscribers(a, 1);
    const id = `${run}-x`;
    dataOf(await b.gql(CreateEventMutation, { event: { id, tags: { run: [run] } } }));
    dataOf(await b.gql(MERGE, { e: { id, tags: { status: ['success'] } } }));
    dataOf(await b.gql(DELETE, { id }));
    const changes = await subscriber.waitFor(3);
    expect(changes.map((c) => [c.kind, c.event.id, c.event.revision])).toEqual([
      ['CREATED', id, 1],
      ['UPDATED', id, 2],
      ['DELETED', id, 2],
    ]);
    expect(changes[1]?.event.tags).toEqual({ run: [run], status: ['success'] });
    await subscriber.close();
  });

  it('tells subscribers when the Redis connection drops, and works again once it is back', async () => {
    const run = uniqueId('gap');
    const before = await subscribe(a.url, { tags: { run: [run] } });
    await untilSubscribers(a, 1);
    // Redis drops every pub/sub connection, as when it restarts.
    const admin = new Redis(REDIS_URL);
    await admin.client('KILL', 'TYPE', 'pubsub');
    admin.disconnect();
    await until(() => before.errors.length > 0, 'the subscriber told of the interruption');
    expect((before.errors[0] as { extensions?: { code?: string } }).extensions?.code).toBe('FEED_INTERRUPTED');
    await untilSubscribers(a, 0);
    await before.close();

    // ioredis reconnects and subscribes again by itself; a new subscriber gets changes.
    const after = await subscribe(a.url, { tags: { run: [run] } });
    await untilSubscribers(a, 1);
    for (let attempt = 0; attempt < 40 && after.received.length === 0; attempt++) {
      dataOf(await b.gql(CreateEventMutation, { event: { id: `${run}-${attempt}`, tags: { run: [run] } } }));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(after.received.length).toBeGreaterThan(0);
    await after.close();
  });
});
