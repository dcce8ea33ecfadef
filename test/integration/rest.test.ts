/** The REST compatibility API over HTTP against the real store: every route, rule and status. */
import { startTestEts, uniqueId, type TestEts } from '../helpers/ets';

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
      start_time: '2016-12-05T10:25:00.000Z',
      end_time: '2016-12-05T10:26:00.000Z',
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
    const before = (await call('GET', '/api/v1/event/?count=0')).body.count;
    const reply = await call('PUT', '/api/v1/event/', body);
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe(field);
    expect(reply.body.message.startsWith(`${field}: `)).toBe(true);
    expect(Object.keys(reply.body).sort()).toEqual(['code', 'field', 'message']); // nothing else, no stack
    expect((await call('GET', '/api/v1/event/?count=0')).body.count).toBe(before);
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
      start_time: new Date(5_000).toISOString(),
      end_time: new Date(20_000).toISOString(),
      revision: 2,
    });
    const again = await post('merge', { id, description: 'done' });
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
      parent_id: null,
      description: '',
      tags: { b: ['2'] },
      detail_urls: {},
      start_time: '2026-11-27T09:00:00.000Z',
      end_time: '2026-11-27T09:00:00.000Z',
      created_at: created.created_at,
      revision: 2,
    });
  });

  it.each(['merge', 'update'])('%s: a missing event is 404 without insert, created with insert', async (operation) => {
    const id = uniqueId();
    expect((await post(operation, { id, description: 'x' })).status).toBe(404);
    expect((await call('GET', `/api/v1/event/${id}`)).status).toBe(404);
    const created = await post(operation, { id, description: 'x' }, true);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id, description: 'x', revision: 1 });
  });

  it('answers 400 to an unknown operation, a bad insert flag or a missing id', async () => {
    const unknown = await post('upsert', { id: uniqueId() });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ field: 'operation' });
    expect(unknown.body.message).toContain('"upsert"');
    const badInsert = await call('POST', '/api/v1/event/', { operation: 'merge', event: { id: 'x' }, insert: 'yes' });
    expect(badInsert.status).toBe(400);
    expect(badInsert.body).toMatchObject({ field: 'insert' });
    const noId = await post('merge', { description: 'x' });
    expect(noId.status).toBe(400);
    expect(noId.body).toMatchObject({ field: 'event.id' });
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
    expect((await call('GET', `/api/v1/event/${e('missing')}/children`)).status).toBe(404);
  });

  it('GET /{id}/trace walks from the event up to the root', async () => {
    const reply = await call('GET', `/api/v1/event/${e('a1')}/trace`);
    expect(reply.body.map((x: { id: string }) => x.id)).toEqual([e('a1'), e('a'), e('root')]);
    expect((await call('GET', `/api/v1/event/${e('missing')}/trace`)).status).toBe(404);
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

  it('pages with count and page, page 0 first', async () => {
    const pages = await Promise.all(
      [0, 1, 2, 3].map((page) => call('GET', `/api/v1/event/?tag=run:${run}&count=3&page=${page}`)),
    );
    expect(pages.map(ids)).toEqual([[9, 8, 7], [6, 5, 4], [3, 2, 1], [0]]);
    expect(pages.every((p) => p.body.count === 10)).toBe(true);
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
    ['tag=novalue', 'tag'],
    ['use_update_time=maybe', 'use_update_time'],
  ])('answers 400 to %s naming %s', async (params, field) => {
    const reply = await call('GET', `/api/v1/event/?${params}`);
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe(field);
  });
});

describe('DELETE /api/v1/event/{id}/delete', () => {
  it('returns the deleted event, which is then gone; a second delete is 404', async () => {
    const id = uniqueId();
    await put({ id, description: 'bye' });
    const reply = await call('DELETE', `/api/v1/event/${id}/delete`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, description: 'bye' });
    expect((await call('GET', `/api/v1/event/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/v1/event/${id}/delete`)).status).toBe(404);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every route', async () => {
    const reply = await call('GET', '/api/v1/openapi.json');
    expect(reply.body.openapi).toMatch(/^3\./);
    expect(Object.keys(reply.body.paths).sort()).toEqual([
      '/api/v1/event/',
      '/api/v1/event/{id}',
      '/api/v1/event/{id}/children',
      '/api/v1/event/{id}/delete',
      '/api/v1/event/{id}/impact',
      '/api/v1/event/{id}/trace',
    ]);
    expect(Object.keys(reply.body.paths['/api/v1/event/']).sort()).toEqual(['get', 'post', 'put']);
  });
});
