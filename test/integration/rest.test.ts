/**
 * The REST compatibility API over HTTP against the real store: every route, rule and status,
 * and, in "as the original answered", each place where ETS once answered otherwise than
 * Zillow's Tycho (the original ETS) and now answers as it did.
 */
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(() => ets.stop());

interface Reply {
  status: number;
  body: any;
  type: string;
}

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${ets.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
}

const put = (event: Record<string, unknown>) => call('PUT', '/api/v1/event/', { event });
const post = (operation: unknown, event: Record<string, unknown>, insert?: boolean) =>
  call('POST', '/api/v1/event/', { operation, event, ...(insert === undefined ? {} : { insert }) });

describe('PUT /api/v1/event/', () => {
  it('creates the seed event and answers with snake_case JSON', async () => {
    const id = uniqueId('seed');
    const reply = await put({
      id,
      source_id: 'concrete-3443333',
      parent_id: '111f1f77bcf86cd799439011',
      start_time: '12/05/16:10:25:00',
      end_time: '12/05/16:10:26:00',
      description: 'This is a Concrete event',
      detail_urls: { graphite: 'http//graphite' },
      tags: { source: ['concrete'], author: ['yusuket@example.com', 'saroj@example.com'] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id,
      source_id: 'concrete-3443333',
      parent_id: '111f1f77bcf86cd799439011',
      start_time: '2016-12-05T10:25:00+00:00',
      end_time: '2016-12-05T10:26:00+00:00',
      detail_urls: { graphite: 'http//graphite' },
      tags: { source: ['concrete'], author: ['yusuket@example.com', 'saroj@example.com'] },
      revision: 1,
    });
    expect((await call('GET', `/api/v1/event/${id}`)).body).toEqual(reply.body);
  });

  it('answers 400 naming the duplicate id, and keeps the first event', async () => {
    const id = uniqueId();
    await put({ id, description: 'first' });
    const reply = await put({ id, description: 'second' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'CONFLICT', field: 'event.id' });
    expect(reply.body.message).toContain(id);
    expect((await call('GET', `/api/v1/event/${id}`)).body.description).toBe('first');
  });

  it.each<[unknown, string]>([
    [{ event: { start_time: 'None' } }, 'event.start_time'],
    [{ event: { start_time: '' } }, 'event.start_time'],
    [{ event: { start_time: 'next tuesday' } }, 'event.start_time'],
    [{ event: { parentId: 'camelCase is not REST' } }, 'event.parentId'],
    [{ event: { source_id: 7 } }, 'event.source_id'],
    [{ event: { tags: { service: 'zon-web' } } }, 'event.tags.service'],
    [{ event: { id: 'x'.repeat(101) } }, 'event.id'],
    [{ event: 'not an object' }, 'event'],
    [{}, 'event'],
    [[1, 2], 'body'],
  ])('answers 400 to %j naming %s, writing nothing', async (body, field) => {
    const before = (await call('GET', '/api/v1/event/?count=0')).body.total_count;
    const reply = await call('PUT', '/api/v1/event/', body);
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe(field);
    expect(reply.body.message.startsWith(`${field}: `)).toBe(true);
    expect(Object.keys(reply.body).sort()).toEqual(['code', 'field', 'message']); // nothing else, no stack
    expect((await call('GET', '/api/v1/event/?count=0')).body.total_count).toBe(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await call('PUT', '/api/v1/event/', '{"event": {');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: 'body: must be JSON', code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('reads JSON sent without a JSON content type, as old bots do', async () => {
    const id = uniqueId();
    const response = await fetch(`${ets.url}/api/v1/event/`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ event: { id } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(id);
  });

  it('ignores the server-set fields a bot sends back', async () => {
    const id = uniqueId();
    const reply = await put({ id, revision: 99, created_at: 'whenever', updated_at: 'x' });
    expect(reply.status).toBe(200);
    expect(reply.body.revision).toBe(1);
  });

  it.each(['a/b', '100%', 'ünïcødé', '🚀'.repeat(100), 'quote"<script>'])(
    'serves the id %s on every route',
    async (id) => {
      const path = encodeURIComponent(id);
      expect((await put({ id, parent_id: 'its-parent' })).status).toBe(200);
      expect((await call('GET', `/api/v1/event/${path}`)).body.id).toBe(id);
      expect((await call('GET', `/api/v1/event/${path}/trace`)).body.map((e: { id: string }) => e.id)).toEqual([id]);
      const page = await call('GET', `/event/${path}/`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('<script>');
      expect((await call('DELETE', `/api/v1/event/${path}/delete`)).status).toBe(200);
    },
  );
});

describe('POST /api/v1/event/', () => {
  it('merges with the rules bots rely on, keeping the old version as a revision', async () => {
    const id = uniqueId();
    await put({
      id,
      description: 'deploy',
      tags: { author: ['a'] },
      detail_urls: { ci: '1' },
      start_time: 10_000,
      end_time: 20_000,
    });
    const reply = await post('merge', {
      id,
      parent_id: 'commit-1',
      source_id: 'jenkins-1',
      description: ' done ',
      tags: { author: ['b', 'a'], status: ['success'] },
      detail_urls: { ci: '2', pr: '3' },
      start_time: 5_000,
      end_time: 15_000,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      parent_id: 'commit-1',
      source_id: 'jenkins-1',
      description: 'deploy\ndone',
      tags: { author: ['a', 'b'], status: ['success'] },
      detail_urls: { ci: '2', pr: '3' },
      start_time: '1970-01-01T00:00:05+00:00',
      end_time: '1970-01-01T00:00:20+00:00',
      revision: 2,
    });
    const again = await post('merge', { id, description: 'done', start_time: 5_000 });
    expect(again.body.revision).toBe(2); // nothing new: no new revision
  });

  it.each(['parent_id', 'source_id'])('refuses a merge that changes %s with 400, changing nothing', async (field) => {
    const id = uniqueId();
    await put({ id, [field]: 'one' });
    const reply = await post('merge', { id, [field]: 'two', description: 'never' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'CONFLICT', field: `event.${field}` });
    expect(reply.body.message).toContain(`already has ${field} "one"`);
    expect((await call('GET', `/api/v1/event/${id}`)).body).toMatchObject({
      [field]: 'one',
      description: '',
      revision: 1,
    });
  });

  it('update replaces the event with brand new data', async () => {
    const id = uniqueId();
    const created = (await put({ id, parent_id: 'p', description: 'old', tags: { a: ['1'] } })).body;
    const reply = await post('update', { id, tags: { b: ['2'] }, start_time: '2026-11-27T10:00:00+01:00' });
    expect(reply.body).toMatchObject({
      id,
      parent_id: '',
      description: '',
      tags: { b: ['2'] },
      detail_urls: {},
      start_time: '2026-11-27T09:00:00+00:00',
      end_time: '2026-11-27T09:00:00+00:00',
      created_at: created.created_at,
      revision: 2,
    });
  });

  it.each(['merge', 'update'])('%s: a missing event is created with insert', async (operation) => {
    const id = uniqueId();
    const created = await post(operation, { id, description: 'x' }, true);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id, description: 'x', revision: 1 });
    expect((await call('GET', `/api/v1/event/${id}`)).body).toEqual(created.body);
  });

  it('answers 400 to an unknown operation or a bad insert flag', async () => {
    const unknown = await post('upsert', { id: uniqueId() });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ field: 'operation' });
    expect(unknown.body.message).toContain('"upsert"');
    const badInsert = await call('POST', '/api/v1/event/', { operation: 'merge', event: { id: 'x' }, insert: 'yes' });
    expect(badInsert.status).toBe(400);
    expect(badInsert.body).toMatchObject({ field: 'insert' });
  });

  it('keeps every concurrent merge', async () => {
    const id = uniqueId();
    await put({ id });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post('merge', { id, tags: { v: [`v${i}`] } })),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const event = (await call('GET', `/api/v1/event/${id}`)).body;
    expect(event.tags.v).toHaveLength(20);
    expect(event.revision).toBe(21);
  });
});

describe('reading one event and its relations', () => {
  const run = uniqueId('rel');
  const e = (name: string) => `${run}-${name}`;
  // root → a → a1 ; root → b
  beforeAll(async () => {
    await put({ id: e('root'), start_time: 1000, tags: { status: ['success'] }, description: 'commit <b>bold</b>' });
    await put({
      id: e('a'),
      parent_id: e('root'),
      start_time: 2000,
      detail_urls: { ci: 'https://ci.example.com/1', odd: 'javascript:alert(1)' },
    });
    await put({ id: e('b'), parent_id: e('root'), start_time: 3000 });
    await put({ id: e('a1'), parent_id: e('a'), start_time: 4000, tags: { status: ['fail'] } });
  });

  it('GET /{id} answers 404 with a message for a missing event', async () => {
    const reply = await call('GET', `/api/v1/event/${e('missing')}`);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(reply.body.message).toContain(e('missing'));
  });

  it('GET /{id}/children lists the direct children, newest first', async () => {
    const reply = await call('GET', `/api/v1/event/${e('root')}/children`);
    expect(reply.body.map((x: { id: string }) => x.id)).toEqual([e('b'), e('a')]);
  });

  it('GET /{id}/trace walks from the event up to the root', async () => {
    const reply = await call('GET', `/api/v1/event/${e('a1')}/trace`);
    expect(reply.body.map((x: { id: string }) => x.id)).toEqual([e('a1'), e('a'), e('root')]);
  });

  it('GET /{id}/impact answers the tree below the event', async () => {
    const reply = await call('GET', `/api/v1/event/${e('root')}/impact`);
    const ids = (node: any): unknown => [node.event.id, node.children.map(ids)];
    expect(ids(reply.body)).toEqual([
      e('root'),
      [
        [e('b'), []],
        [e('a'), [[e('a1'), []]]],
      ],
    ]);
    expect((await call('GET', `/api/v1/event/${e('missing')}/impact`)).status).toBe(404);
  });

  it('GET /event/{id}/ draws the whole tree around the event as HTML', async () => {
    const reply = await call('GET', `/event/${e('a')}/`);
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/text\/html/);
    for (const id of [e('root'), e('a'), e('b'), e('a1')]) expect(reply.body).toContain(`id="${id}"`);
    expect(reply.body).toMatch(new RegExp(`class="node current" id="${e('a')}"`));
    expect(reply.body).toContain('commit &lt;b&gt;bold&lt;/b&gt;'); // escaped, not markup
    expect(reply.body).toContain('href="https://ci.example.com/1"');
    expect(reply.body).not.toContain('href="javascript:');
    expect(reply.body).toContain('status-fail');
    const missing = await call('GET', `/event/${e('missing')}/`);
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/text\/plain/);
  });

  it('GET / answers with a page', async () => {
    const reply = await call('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/text\/html/);
    expect(reply.body).toContain('/graphql');
  });
});

describe('GET /api/v1/event/ (the list)', () => {
  const run = uniqueId('list');
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString();
  beforeAll(async () => {
    // starts 0..9 minutes, each lasting 5 minutes
    for (let i = 0; i < 10; i++) {
      await put({
        id: `${run}-${i}`,
        start_time: at(i),
        end_time: at(i + 5),
        tags: { run: [run], parity: [i % 2 ? 'odd' : 'even'], ...(i < 3 && { low: ['yes'] }) },
      });
    }
  });
  const ids = (reply: Reply) => reply.body.result.map((x: { id: string }) => Number(x.id.split('-').at(-1)));

  it('filters by tags (all keys, any value of a key) and sorts newest first', async () => {
    const reply = await call('GET', `/api/v1/event/?tag=run:${run}&tag=parity:odd`);
    expect(ids(reply)).toEqual([9, 7, 5, 3, 1]);
    expect(reply.body.count).toBe(5);
    const anyOf = await call('GET', `/api/v1/event/?tag=run:${run}&tag=low:yes&tag=parity:odd&tag=parity:even`);
    expect(ids(anyOf)).toEqual([2, 1, 0]);
  });

  it('matches an event whose start or end lies in [frm, to)', async () => {
    // [minute 12, minute 14): starts 7..9 end at 12..14 → 7 and 8 end inside; none starts inside
    const reply = await call('GET', `/api/v1/event/?tag=run:${run}&frm=${at(12)}&to=${at(14)}`);
    expect(ids(reply)).toEqual([8, 7]);
    // frm inclusive, to exclusive: 9 starts at minute 9 and 4 ends then; 5 ends at 10, outside
    const edges = await call('GET', `/api/v1/event/?tag=run:${run}&frm=${at(9)}&to=${at(10)}`);
    expect(ids(edges)).toEqual([9, 4]);
    // epoch milliseconds work too
    const epoch = await call('GET', `/api/v1/event/?tag=run:${run}&frm=${Date.parse(at(12))}&to=${Date.parse(at(14))}`);
    expect(ids(epoch)).toEqual([8, 7]);
    // an offset whose "+" was not URL-encoded
    const plus = await call(
      'GET',
      `/api/v1/event/?tag=run:${run}&frm=2026-11-01T01:12:00+01:00&to=2026-11-01T01:14:00+01:00`,
    );
    expect(ids(plus)).toEqual([8, 7]);
    // only one bound: everything that starts or ends at or after minute 13
    const open = await call('GET', `/api/v1/event/?tag=run:${run}&frm=${at(13)}`);
    expect(ids(open)).toEqual([9, 8]);
    // an event that spans the whole window, starting before and ending after it, does not match
    const inside = await call('GET', `/api/v1/event/?tag=run:${run}&frm=${at(6)}&to=${at(7)}`);
    expect(ids(inside)).toEqual([6, 1]); // not 3, which runs from 3 to 8: no endpoint in [6, 7)
  });

  it('pages with count and page, page 1 first; count is what the answer holds, total_count all', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4, 5].map((page) => call('GET', `/api/v1/event/?tag=run:${run}&count=3&page=${page}`)),
    );
    expect(pages.map(ids)).toEqual([[9, 8, 7], [6, 5, 4], [3, 2, 1], [0], []]);
    expect(pages.map((p) => p.body.count)).toEqual([3, 3, 3, 1, 0]);
    expect(pages.every((p) => p.body.total_count === 10)).toBe(true);
    expect(ids(await call('GET', `/api/v1/event/?tag=run:${run}&count=3`))).toEqual([9, 8, 7]); // page 1 by default
  });

  it('filters on the update time with use_update_time', async () => {
    const before = new Date().toISOString();
    await post('merge', { id: `${run}-4`, description: 'touched' });
    const reply = await call('GET', `/api/v1/event/?tag=run:${run}&use_update_time=true&frm=${before}`);
    expect(ids(reply)).toEqual([4]);
  });

  it.each([
    ['frm=None', 'frm'],
    ['frm=', 'frm'],
    ['to=soon', 'to'],
    ['frm=2026-01-02&to=2026-01-01', 'to'],
    ['frm=2026-01-01&frm=None', 'frm'],
    ['count=1&count=2', 'count'],
    ['tag=k:', 'tag'],
    ['count=-1', 'count'],
    ['count=5000', 'count'],
    ['page=x', 'page'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=10002', 'page'],
    ['tag=parent_id:a&tag=parent_id:b', 'tag'],
    ['tag=novalue', 'tag'],
    ['use_update_time=maybe', 'use_update_time'],
  ])('answers 400 to %s naming %s', async (params, field) => {
    const reply = await call('GET', `/api/v1/event/?${params}`);
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe(field);
  });
});

describe('DELETE /api/v1/event/{id}/delete', () => {
  it('deletes the event, which is then gone from every read', async () => {
    const id = uniqueId();
    await put({ id, description: 'bye', parent_id: 'its-parent' });
    expect((await call('DELETE', `/api/v1/event/${id}/delete`)).status).toBe(200);
    expect((await call('GET', `/api/v1/event/${id}`)).status).toBe(404);
    expect(
      (await call('GET', '/api/v1/event/its-parent/children')).body.map((x: { id: string }) => x.id),
    ).not.toContain(id);
  });
});

describe('as the original answered (Tycho, whose docs are the seed)', () => {
  const total = async () => (await call('GET', '/api/v1/event/?count=0')).body.total_count as number;

  it('numbers pages from 1 and refuses page 0, naming page', async () => {
    const run = uniqueId('pages');
    for (const i of [1, 2, 3]) await put({ id: `${run}-${i}`, start_time: i * 1000, tags: { run: [run] } });
    const first = await call('GET', `/api/v1/event/?tag=run:${run}&count=2&page=1`);
    expect(first.body.result.map((x: { id: string }) => x.id)).toEqual([`${run}-3`, `${run}-2`]);
    const zero = await call('GET', `/api/v1/event/?tag=run:${run}&count=2&page=0`);
    expect([zero.status, zero.body.field]).toEqual([400, 'page']);
    expect(zero.body.message).toBe('page: must be from 1 to 10001 (the first page is 1)');
  });

  it('answers count as the events in this answer and the total as total_count', async () => {
    const run = uniqueId('count');
    for (const i of [1, 2, 3]) await put({ id: `${run}-${i}`, tags: { run: [run] } });
    const reply = await call('GET', `/api/v1/event/?tag=run:${run}&count=2`);
    expect(reply.body).toMatchObject({ count: 2, total_count: 3 });
    expect(reply.body.result).toHaveLength(2);
  });

  it('holds 100 events a page when count is not given', async () => {
    const run = uniqueId('default-count');
    const events = Array.from({ length: 101 }, (_, i) => ({ id: `${run}-${i}`, tags: { run: [run] } }));
    dataOf(
      await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', { es: events }),
    );
    const reply = await call('GET', `/api/v1/event/?tag=run:${run}`);
    expect([reply.body.count, reply.body.total_count]).toEqual([100, 101]);
  });

  it.each(['merge', 'update'])(
    '%s of an event without an id answers it with a new id, storing it only with insert',
    async (operation) => {
      const before = await total();
      const dry = await post(operation, { description: 'no id yet', tags: { source: ['bot'] } });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ description: 'no id yet', tags: { source: ['bot'] }, revision: 1 });
      expect(dry.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect((await call('GET', `/api/v1/event/${dry.body.id}`)).status).toBe(404);
      expect(await total()).toBe(before);

      const stored = await post(operation, { description: 'no id yet' }, true);
      expect(stored.status).toBe(200);
      expect((await call('GET', `/api/v1/event/${stored.body.id}`)).body).toEqual(stored.body);
      expect(stored.body.id).not.toBe(dry.body.id);
    },
  );

  it.each(['merge', 'update'])(
    '%s of a missing event without insert answers it, storing nothing',
    async (operation) => {
      const id = uniqueId();
      const reply = await post(operation, { id, description: 'x' }, false);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id, description: 'x', revision: 1 });
      expect((await call('GET', `/api/v1/event/${id}`)).status).toBe(404);
    },
  );

  it('still refuses a bad event that would not be stored, naming the field', async () => {
    const reply = await post('merge', { start_time: 'next tuesday' });
    expect([reply.status, reply.body.field]).toEqual([400, 'event.start_time']);
  });

  it('merges when no operation is given', async () => {
    const id = uniqueId();
    await put({ id, tags: { status: ['pending'] } });
    const reply = await call('POST', '/api/v1/event/', { event: { id, tags: { status: ['success'] } } });
    expect(reply.status).toBe(200);
    expect(reply.body.tags).toEqual({ status: ['pending', 'success'] });
  });

  it('moves the end of an event to now when a merge gives no times (the deploy that finished)', async () => {
    const id = uniqueId();
    await put({ id, start_time: '2016-12-05T10:25:00Z' });
    const before = Date.now();
    const reply = await post('merge', { id, tags: { status: ['success'] } });
    expect(reply.body.start_time).toBe('2016-12-05T10:25:00+00:00');
    expect(Date.parse(reply.body.end_time)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(reply.body.end_time)).toBeLessThanOrEqual(Date.now());
  });

  it('writes "" for no parent and no source, and reads "" back as none', async () => {
    const id = uniqueId();
    const created = await put({ id, parent_id: '', source_id: '' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ parent_id: '', source_id: '' });
    // A bot sends back what it read: a merge with "" keeps the stored parent.
    const child = uniqueId();
    await put({ id: child, parent_id: id });
    const merged = await post('merge', { ...created.body, id: child, description: 'again' });
    expect(merged.body).toMatchObject({ parent_id: id, source_id: '' });
  });

  it("writes times as Python's isoformat did and reads Python's str(datetime)", async () => {
    const id = uniqueId();
    const reply = await put({ id, start_time: '2018-12-31 18:38:52.345000+00:00', end_time: '2018-12-31 18:58:52' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      start_time: '2018-12-31T18:38:52.345000+00:00',
      end_time: '2018-12-31T18:58:52+00:00',
    });
    const window = await call('GET', `/api/v1/event/?frm=2018-12-31 18:38:52&to=2018-12-31 18:38:53`);
    expect(window.body.result.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('splits one tag parameter on commas', async () => {
    const run = uniqueId('comma');
    await put({ id: `${run}-both`, tags: { run: [run], env: ['prod'] } });
    await put({ id: `${run}-one`, tags: { run: [run], env: ['dev'] } });
    const reply = await call('GET', `/api/v1/event/?tag=run:${run},env:prod`);
    expect(reply.body.result.map((x: { id: string }) => x.id)).toEqual([`${run}-both`]);
  });

  it('selects the children of an id with tag=parent_id:ID', async () => {
    const parent = uniqueId('parent');
    await put({ id: `${parent}-child`, parent_id: parent });
    await put({ id: `${parent}-other`, parent_id: `${parent}-x` });
    const reply = await call('GET', `/api/v1/event/?tag=parent_id:${parent}`);
    expect(reply.body.result.map((x: { id: string }) => x.id)).toEqual([`${parent}-child`]);
  });

  it('lists the children of an id that is not an event, and answers [] for its trace', async () => {
    const parent = uniqueId('never-sent');
    await put({ id: `${parent}-deploy`, parent_id: parent });
    const children = await call('GET', `/api/v1/event/${parent}/children`);
    expect([children.status, children.body.map((x: { id: string }) => x.id)]).toEqual([200, [`${parent}-deploy`]]);
    expect(await call('GET', `/api/v1/event/${uniqueId()}/children`)).toMatchObject({ status: 200, body: [] });
    expect(await call('GET', `/api/v1/event/${parent}/trace`)).toMatchObject({ status: 200, body: [] });
    expect((await call('GET', `/api/v1/event/${parent}/impact`)).status).toBe(404);
  });

  it('answers the whole impact of a chain deeper than 10 levels', async () => {
    const run = uniqueId('deep');
    for (let i = 0; i <= 12; i++) await put({ id: `${run}-${i}`, ...(i > 0 && { parent_id: `${run}-${i - 1}` }) });
    let node = (await call('GET', `/api/v1/event/${run}-0/impact`)).body;
    let depth = 0;
    while (node.children.length > 0) [node, depth] = [node.children[0], depth + 1];
    expect([node.event.id, depth]).toEqual([`${run}-12`, 12]);
  });

  it('answers a delete with its message, and a missing event with a 400 naming the id', async () => {
    const id = uniqueId();
    await put({ id });
    const reply = await call('DELETE', `/api/v1/event/${id}/delete`);
    expect([reply.status, reply.body]).toEqual([200, { message: `Event: ${id} deleted successfully` }]);
    const again = await call('DELETE', `/api/v1/event/${id}/delete`);
    expect([again.status, again.body]).toEqual([
      400,
      { message: `Can not delete event with id: ${id}`, code: 'NOT_FOUND' },
    ]);
  });

  it('answers its liveness probe at /monitor/ping', async () => {
    expect(await call('GET', '/monitor/ping')).toMatchObject({ status: 200, body: {} });
  });
});
