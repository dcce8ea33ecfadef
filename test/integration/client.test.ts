/** The typed client against the real server, including retries over a faulty network. */
import { createServer, connect, type Server } from 'node:net';
import { EtsClient } from 'ets-client';
import { startTestEts, uniqueId, untilSubscribers, type TestEts } from '../helpers/ets';

let ets: TestEts;
let client: EtsClient;
beforeAll(async () => {
  ets = await startTestEts();
  client = new EtsClient({ url: ets.url, backoffMs: 10 });
});
afterAll(() => ets.stop());

it('creates, reads, merges, updates, replaces and deletes', async () => {
  const id = uniqueId('client');
  const created = await client.create({ id, tags: { service: ['web'] }, startTime: '12/05/16:10:25:00' });
  expect(created).toMatchObject({ id, startTime: '2016-12-05T10:25:00.000Z', revision: 1 });
  expect(await client.get(id)).toEqual(created);
  expect((await client.merge({ id, tags: { status: ['success'] } })).tags).toEqual({
    service: ['web'],
    status: ['success'],
  });
  expect((await client.update({ id, description: 'patched' })).description).toBe('patched');
  expect(await client.replace({ id, description: 'new' })).toMatchObject({ description: 'new', tags: {}, revision: 4 });
  expect((await client.delete(id)).id).toBe(id);
  expect(await client.get(id)).toBeNull();
  expect((await client.merge({ id: `${id}-up`, description: 'x' }, { upsert: true })).revision).toBe(1);
});

it("reports the server's code and field, and does not retry them", async () => {
  const id = uniqueId('client');
  await client.create({ id });
  await expect(client.create({ id })).rejects.toMatchObject({ code: 'CONFLICT', retryable: false });
  await expect(client.create({ tags: { service: [] } })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'event.tags.service',
  });
  await expect(client.merge({ id: uniqueId('missing') })).rejects.toMatchObject({
    name: 'EtsError',
    code: 'NOT_FOUND',
  });
});

it('creates many, each item with its own outcome', async () => {
  const id = uniqueId('client');
  const results = await client.createMany([{ id }, { id }, { id: `${id}-2`, startTime: 'soon' }]);
  expect(results[0]).toMatchObject({ index: 0, event: { id } });
  expect(results[1]).toMatchObject({ index: 1, error: { code: 'CONFLICT' } });
  expect(results[2]).toMatchObject({ index: 2, error: { code: 'BAD_USER_INPUT', field: 'events[2].startTime' } });
});

it('lists every page through an async iterator, and draws trees', async () => {
  const run = uniqueId('pages');
  const events = Array.from({ length: 250 }, (_, i) => ({
    id: `${run}-${i}`,
    tags: { run: [run] },
    startTime: i * 1000,
  }));
  await client.createMany(events);
  const seen: string[] = [];
  for await (const event of client.list({ tags: { run: [run] } }, { pageSize: 100 })) seen.push(event.id);
  expect(seen).toHaveLength(250);
  expect(seen[0]).toBe(`${run}-249`);
  expect(new Set(seen).size).toBe(250);

  await client.createMany([
    { id: `${run}-root` },
    { id: `${run}-child`, parentId: `${run}-root` },
    { id: `${run}-grandchild`, parentId: `${run}-child` },
  ]);
  const tree = await client.tree(`${run}-root`, 1);
  expect(tree?.children.map((c) => c.event.id)).toEqual([`${run}-child`]);
  expect(tree?.children[0]?.children).toEqual([]);
  const deep = await client.tree(`${run}-root`);
  expect(deep?.children[0]?.children[0]?.event.id).toBe(`${run}-grandchild`);
  expect(await client.tree(uniqueId('none'))).toBeNull();
});

it('tails live changes until aborted', async () => {
  const run = uniqueId('tail');
  const abort = new AbortController();
  const kinds: string[] = [];
  const tailing = (async () => {
    for await (const change of client.tail({ tags: { run: [run] } }, abort.signal)) {
      kinds.push(`${change.kind} ${change.event.id}`);
      if (kinds.length === 2) abort.abort();
    }
  })();
  await untilSubscribers(ets, 1);
  await client.create({ id: `${run}-a`, tags: { run: [run] } });
  await client.merge({ id: `${run}-a`, description: 'done' });
  await tailing;
  expect(kinds).toEqual([`CREATED ${run}-a`, `UPDATED ${run}-a`]);
});

describe('over a network that drops connections', () => {
  /** A TCP proxy to the server that cuts the first `drops` connections and counts requests. */
  async function faultyProxy(drops: number): Promise<{ url: string; requests: () => number; server: Server }> {
    const target = new URL(ets.url);
    let seen = 0;
    let requests = 0;
    const server = createServer((socket) => {
      if (seen++ < drops) return socket.destroy();
      const upstream = connect(Number(target.port), target.hostname);
      socket.on('data', (chunk: Buffer) => (requests += chunk.toString('latin1').split('POST /graphql').length - 1));
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, requests: () => requests, server };
  }

  it('retries network errors with back-off and then succeeds', async () => {
    const proxy = await faultyProxy(2);
    try {
      const flaky = new EtsClient({ url: proxy.url, retries: 3, backoffMs: 10 });
      const id = uniqueId('retry');
      expect((await flaky.create({ id })).id).toBe(id);
      expect(proxy.requests()).toBe(1); // the two cut connections never carried a request through
    } finally {
      proxy.server.close();
    }
  });

  it('gives up after its retries with a NETWORK error', async () => {
    const proxy = await faultyProxy(100);
    try {
      const flaky = new EtsClient({ url: proxy.url, retries: 2, backoffMs: 10 });
      await expect(flaky.get('x')).rejects.toMatchObject({ code: 'NETWORK', retryable: true });
    } finally {
      proxy.server.close();
    }
  });

  it('does not retry a CONFLICT', async () => {
    const proxy = await faultyProxy(0);
    try {
      const direct = new EtsClient({ url: proxy.url, retries: 3, backoffMs: 10 });
      const id = uniqueId('once');
      await direct.create({ id });
      await expect(direct.create({ id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(proxy.requests()).toBe(2);
    } finally {
      proxy.server.close();
    }
  });
});
