/**
 * eventChanged over graphql-ws against the real store (and real Redis for several
 * instances): order, filters, many subscribers, a stuck subscriber, and clean-up.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';
import { EVENT_CHANGED, subscribe } from '../helpers/subscriber';

const REDIS_URL = process.env.ETS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Polls (bounded) until the instance has `count` live subscribers. */
async function untilSubscribers(ets: TestEts, count: number): Promise<void> {
  for (let i = 0; i < 400 && ets.ets.feed.size !== count; i++) await new Promise((r) => setTimeout(r, 25));
  expect(ets.ets.feed.size).toBe(count);
}

const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id } }';
const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e) { id } }';
const DELETE = 'mutation($id: ID!) { deleteEvent(id: $id) { id } }';
const BATCH = 'mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }';

describe('one instance', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts();
  });
  afterAll(() => ets.stop());

  it('streams created, updated and deleted events matching the filter, in order', async () => {
    const run = uniqueId('sub');
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } });
    await untilSubscribers(ets, 1);
    const id = `${run}-a`;
    dataOf(await ets.gql(CREATE, { e: { id: `${run}-other`, tags: { run: ['someone else'] } } }));
    dataOf(await ets.gql(CREATE, { e: { id, tags: { run: [run] } } }));
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
    dataOf(await ets.gql(CREATE, { e: { id: `${run}-a`, tags: { run: [run] } } }));
    expect((await ets.gql(CREATE, { e: { id: `${run}-a`, tags: { run: [run] } } })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect(
      (await ets.gql(MERGE, { e: { id: `${run}-missing`, tags: { run: [run] } } })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    // a merge that changes nothing is no change either
    dataOf(await ets.gql(MERGE, { e: { id: `${run}-a`, tags: { run: [run] } } }));
    dataOf(await ets.gql(CREATE, { e: { id: `${run}-b`, tags: { run: [run] } } }));
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
      await ets.gql(CREATE, {
        e: {
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

  it('disconnects a subscriber that stops reading, without holding up writes or others', async () => {
    const run = uniqueId('stuck');
    // A client that subscribes and then never reads again.
    const stuck = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => stuck.once('open', resolve));
    stuck.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => stuck.once('message', resolve));
    stuck.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: EVENT_CHANGED, variables: { f: { tags: { run: [run] } } } },
      }),
    );
    const healthy = await subscribe(ets.url, { tags: { run: [run] } });
    await untilSubscribers(ets, 2);
    (stuck as unknown as { _socket: { pause(): void } })._socket.pause();

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
    await untilSubscribers(ets, 1); // the stuck one was cut off
    expect(ets.ets.subscriptions.clients).toBeLessThanOrEqual(2);
    stuck.terminate();
    await healthy.close();
  });

  it('leaves nothing behind after 1,000 connect / subscribe / disconnect cycles', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cycle = async () => {
      const s = await subscribe(ets.url, { tags: { run: ['leak'] } });
      await s.close();
    };
    for (let i = 0; i < 50; i++) await cycle(); // warm up
    await untilSubscribers(ets, 0);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i += 10) await Promise.all(Array.from({ length: 10 }, cycle));
    await untilSubscribers(ets, 0);
    for (let i = 0; i < 400 && ets.ets.subscriptions.clients > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(ets.ets.subscriptions.clients).toBe(0);
    gc();
    const grownMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    // server and clients share this process: a leak of even 1 KiB per cycle would show as 1 MiB+
    expect(grownMiB).toBeLessThan(8);
  });
});

describe('several instances through Redis', () => {
  let a: TestEts;
  let b: TestEts;
  beforeAll(async () => {
    a = await startTestEts(undefined, { redisUrl: REDIS_URL });
    b = await startTestEts(a.database, { redisUrl: REDIS_URL });
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
    dataOf(await b.gql(CREATE, { e: { id, tags: { run: [run] } } }));
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
});
