/** createEvent, createEvents, replace / update / merge / delete / restore over HTTP. */
import { dataOf, EVENT_FIELDS, startTestEts, uniqueId, type TestEts } from '../helpers/ets';
import { CreateEventMutation, type EventInput } from '../helpers/operations';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(() => ets.stop());

const GET = `query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} revisions { revision ${EVENT_FIELDS} } } }`;
const write = (mutation: 'replaceEvent' | 'updateEvent' | 'mergeEvent') =>
  `mutation($e: EventInput!, $u: Boolean) { ${mutation}(event: $e, upsert: $u) { ${EVENT_FIELDS} } }`;

async function create(event: EventInput) {
  return dataOf(await ets.gql(CreateEventMutation, { event })).createEvent;
}
async function get(id: string) {
  return dataOf(await ets.gql(GET, { id })).event;
}

describe('createEvent', () => {
  it('stores the seed event and returns it in UTC with milliseconds', async () => {
    const id = uniqueId('seed');
    const event = await create({
      id,
      startTime: '12/05/16:10:25:00',
      endTime: '12/05/16:10:26:00',
      description: 'This is a Concrete event',
      detailUrls: { graphite: 'http//graphite' },
      tags: { source: ['concrete'], author: ['yusuket@example.com', 'saroj@example.com'], bug_number: ['MON-1234'] },
    });
    expect(event).toMatchObject({
      id,
      parentId: null,
      startTime: '2016-12-05T10:25:00.000Z',
      endTime: '2016-12-05T10:26:00.000Z',
      detailUrls: { graphite: 'http//graphite' },
      tags: { source: ['concrete'], author: ['yusuket@example.com', 'saroj@example.com'], bug_number: ['MON-1234'] },
      revision: 1,
    });
    expect(event.createdAt).toBe(event.updatedAt);
    expect(await get(id)).toMatchObject({ ...event, revisions: [] });
  });

  it('generates a uuid v4 id and uses now for missing times', async () => {
    const before = Date.now();
    const event = await create({});
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.startTime).toBe(event.endTime);
    expect(Date.parse(event.startTime)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(event.startTime)).toBeLessThanOrEqual(Date.now());
  });

  it('uses one given time for both', async () => {
    const event = await create({ endTime: 1480933500000 });
    expect([event.startTime, event.endTime]).toEqual(['2016-12-05T10:25:00.000Z', '2016-12-05T10:25:00.000Z']);
  });

  it('reads epoch seconds (10 digits) as seconds over GraphQL and REST, never as 1970', async () => {
    const event = await create({ id: uniqueId('secs'), startTime: 1480933500, endTime: '1480933560' });
    expect(event).toMatchObject({ startTime: '2016-12-05T10:25:00.000Z', endTime: '2016-12-05T10:26:00.000Z' });
    const rest = await fetch(`${ets.url}/api/v1/event/`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: { id: uniqueId('secs'), start_time: 1480933500 } }),
    });
    expect(((await rest.json()) as { start_time: string }).start_time).toBe('2016-12-05T10:25:00+00:00');
  });

  it('refuses an existing id with CONFLICT and keeps the stored event', async () => {
    const id = uniqueId();
    await create({ id, description: 'first' });
    const response = await ets.gql(CreateEventMutation, { event: { id, description: 'second' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await get(id)).description).toBe('first');
  });

  it('keeps user keys with dots, dollars, spaces and unicode unchanged and queryable', async () => {
    const id = uniqueId();
    const tags = { 'a.b': ['x.y'], $gt: ['{"$gt": ""}'], 'with space': ['v'], ключ: ['значение'] };
    const detailUrls = { 'graphite.main': 'http//graphite', $where: 'https://x' };
    const event = await create({ id, tags, detailUrls });
    expect(event.tags).toEqual(tags);
    expect(Object.keys(event.tags)).toEqual(['a.b', '$gt', 'with space', 'ключ']);
    expect(event.detailUrls).toEqual(detailUrls);
    for (const [key, value] of [
      ['a.b', 'x.y'],
      ['$gt', '{"$gt": ""}'],
      ['ключ', 'значение'],
      ['with space', 'v'],
    ] as const) {
      const found = dataOf(
        await ets.gql('query($t: TagMap) { events(filter: {tags: $t}) { nodes { id } } }', {
          t: JSON.parse(`{${JSON.stringify(key)}: [${JSON.stringify(value)}]}`),
        }),
      );
      expect(found.events.nodes).toEqual([{ id }]);
    }
  });
});

describe('bad input', () => {
  let writtenBefore = 0;
  beforeAll(async () => {
    writtenBefore = dataOf(await ets.gql('{ events(first: 0) { totalCount } }')).events.totalCount;
  });

  it.each<[Record<string, unknown>, string]>([
    [{ id: '' }, 'event.id'],
    [{ id: 'x'.repeat(101) }, 'event.id'],
    [{ startTime: 'yesterday' }, 'event.startTime'],
    [{ startTime: 'None' }, 'event.startTime'],
    [{ startTime: '' }, 'event.startTime'],
    [{ endTime: 1.5 }, 'event.endTime'],
    [{ tags: { service: [] } }, 'event.tags.service'],
    [{ tags: { service: 'zon-web' } }, 'event.tags.service'],
    [{ tags: { service: ['a', 'a'] } }, 'event.tags.service'],
    [{ detailUrls: { ci: 42 } }, 'event.detailUrls.ci'],
    [{ description: 'x'.repeat(70_000) }, 'event.description'],
    [{ startTime: 2000, endTime: 1000 }, 'event.startTime'],
    [{ id: 'self', parentId: 'self' }, 'event.parentId'],
  ])('%p is BAD_USER_INPUT naming %s, and nothing is written', async (input, field) => {
    const id = uniqueId('bad');
    // The variables are wrong on purpose: sent as text, past the document's types.
    const response = await ets.gql(String(CreateEventMutation), { event: { id, ...input } });
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0]?.message).toContain(field);
    const count = dataOf(await ets.gql('{ events(first: 0) { totalCount } }')).events.totalCount;
    expect(count).toBe(writtenBefore);
  });

  it('a tag map that is not an object is BAD_USER_INPUT', async () => {
    const response = await ets.gql(String(CreateEventMutation), { event: { tags: ['service'] } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('TagMap: must be a JSON object');
  });

  it('reports a bad literal in the query text as BAD_USER_INPUT too', async () => {
    const response = await ets.gql('mutation { createEvent(event: {startTime: "not a time"}) { id } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.startTime' });
    expect(response.errors?.[0]?.message).toMatch(/event\.startTime: must be an ISO 8601 time/);
  });

  it('refuses a parent that would close a cycle', async () => {
    const a = uniqueId();
    const b = uniqueId();
    await create({ id: a });
    await create({ id: b, parentId: a });
    const response = await ets.gql(write('updateEvent'), { e: { id: a, parentId: b } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.parentId' });
    expect((await get(a)).parentId).toBeNull();
  });
});

describe('createEvents', () => {
  it('creates every valid event and says which failed and why', async () => {
    const taken = uniqueId();
    await create({ id: taken });
    const ok = [uniqueId(), uniqueId()];
    const batch = dataOf(
      await ets.gql(
        `mutation($es: [EventInput!]!) { createEvents(events: $es) {
           createdCount failedCount results { index event { id parentId } error { code message field } } } }`,
        {
          es: [
            { id: ok[0], tags: { service: ['a'] } },
            { id: taken },
            { id: ok[1], parentId: ok[0] },
            { id: 'x', startTime: 'soon' },
            { id: ok[0] },
          ],
        },
      ),
    ).createEvents;
    expect(batch.createdCount).toBe(2);
    expect(batch.failedCount).toBe(3);
    expect(batch.results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(batch.results[0].event).toEqual({ id: ok[0], parentId: null });
    expect(batch.results[1].error).toMatchObject({ code: 'CONFLICT', field: 'events[1].id' });
    expect(batch.results[2].event).toEqual({ id: ok[1], parentId: ok[0] });
    expect(batch.results[3].error.message).toContain('events[3].startTime: must be an ISO 8601 time');
    expect(batch.results[3].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events[3].startTime' });
    expect(batch.results[4].error).toMatchObject({ code: 'CONFLICT', field: 'events[4].id' });
    expect((await get(ok[1] as string)).parentId).toBe(ok[0]);
    expect(await get('x')).toBeNull();
  });
});

describe('replace, update and merge', () => {
  it('replace makes the event exactly the input, keeping id and createdAt', async () => {
    const id = uniqueId();
    const first = await create({
      id,
      parentId: 'p',
      description: 'd',
      tags: { a: ['1'] },
      startTime: 1000,
      endTime: 2000,
    });
    const replaced = dataOf(
      await ets.gql(write('replaceEvent'), { e: { id, tags: { b: ['2'] }, startTime: 5000 } }),
    ).replaceEvent;
    expect(replaced).toMatchObject({
      id,
      parentId: null,
      sourceId: null,
      description: '',
      detailUrls: {},
      tags: { b: ['2'] },
      startTime: new Date(5000).toISOString(),
      endTime: new Date(5000).toISOString(),
      createdAt: first.createdAt,
      revision: 2,
    });
  });

  it('update overwrites given fields and keeps the others', async () => {
    const id = uniqueId();
    await create({ id, description: 'd', tags: { a: ['1'] }, detailUrls: { ci: 'u' } });
    const updated = dataOf(await ets.gql(write('updateEvent'), { e: { id, description: 'new' } })).updateEvent;
    expect(updated).toMatchObject({ description: 'new', tags: { a: ['1'] }, detailUrls: { ci: 'u' }, revision: 2 });
  });

  it("merge applies the bots' rules", async () => {
    const id = uniqueId();
    await create({
      id,
      description: 'deploy zon-web',
      tags: { author: ['a'] },
      detailUrls: { ci: 'u1' },
      startTime: 10_000,
      endTime: 20_000,
    });
    const merged = dataOf(
      await ets.gql(write('mergeEvent'), {
        e: {
          id,
          parentId: 'commit-1',
          sourceId: 'jenkins-77',
          description: ' done ',
          tags: { author: ['b', 'a'], status: ['success'] },
          detailUrls: { ci: 'u2', pr: 'p' },
          startTime: 5_000,
          endTime: 15_000,
        },
      }),
    ).mergeEvent;
    expect(merged).toMatchObject({
      parentId: 'commit-1',
      sourceId: 'jenkins-77',
      description: 'deploy zon-web\ndone',
      tags: { author: ['a', 'b'], status: ['success'] },
      detailUrls: { ci: 'u2', pr: 'p' },
      startTime: new Date(5_000).toISOString(),
      endTime: new Date(20_000).toISOString(),
      revision: 2,
    });
    const clash = await ets.gql(write('mergeEvent'), { e: { id, parentId: 'commit-2', description: 'never' } });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'event.parentId' });
    const sourceClash = await ets.gql(write('mergeEvent'), { e: { id, sourceId: 'jenkins-78' } });
    expect(sourceClash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'event.sourceId' });
    expect(await get(id)).toMatchObject({
      parentId: 'commit-1',
      sourceId: 'jenkins-77',
      description: 'deploy zon-web\ndone',
      revision: 2,
    });
  });

  it('an upserting merge trims the description as a merge into an event would', async () => {
    const id = uniqueId();
    const created = dataOf(
      await ets.gql(write('mergeEvent'), { e: { id, description: '  started  ' }, u: true }),
    ).mergeEvent;
    expect(created.description).toBe('started');
  });

  it('a merge that adds nothing makes no new revision', async () => {
    const id = uniqueId();
    await create({ id, tags: { a: ['1'] } });
    const again = dataOf(await ets.gql(write('mergeEvent'), { e: { id, tags: { a: ['1'] } } })).mergeEvent;
    expect(again.revision).toBe(1);
  });

  it.each(['replaceEvent', 'updateEvent', 'mergeEvent'] as const)(
    '%s: a missing event is NOT_FOUND, created with upsert',
    async (mutation) => {
      const id = uniqueId();
      const missing = await ets.gql(write(mutation), { e: { id, description: 'x' } });
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await get(id)).toBeNull();
      const created = dataOf(await ets.gql(write(mutation), { e: { id, description: 'x' }, u: true }))[mutation];
      expect(created).toMatchObject({ id, description: 'x', revision: 1 });
    },
  );

  it('needs an id', async () => {
    const response = await ets.gql(write('mergeEvent'), { e: { description: 'x' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.id' });
  });

  it('keeps every earlier version as a revision', async () => {
    const id = uniqueId();
    await create({ id, description: 'v1' });
    await ets.gql(write('updateEvent'), { e: { id, description: 'v2' } });
    await ets.gql(write('mergeEvent'), { e: { id, description: 'v3', tags: { k: ['v'] } } });
    const event = await get(id);
    expect(event.revision).toBe(3);
    expect(event.description).toBe('v2\nv3');
    expect(event.revisions.map((r: { revision: number; description: string }) => [r.revision, r.description])).toEqual([
      [1, 'v1'],
      [2, 'v2'],
    ]);
    expect(event.revisions[0].tags).toEqual({});
  });
});

describe('updateEvent is a JSON Merge Patch (RFC 7386) on tags and detailUrls', () => {
  const UPDATE = write('updateEvent');
  const update = async (event: Record<string, unknown>) => dataOf(await ets.gql(UPDATE, { e: event })).updateEvent;
  const deploy = (id: string) =>
    create({
      id,
      description: 'deploy zon-web',
      tags: { service: ['zon-web'], status: ['pending'], author: ['a@example.com'] },
      detailUrls: { ci: 'https://ci/1', logs: 'https://logs/1' },
    });

  it('replaces a given tag key and keeps the others (moving a status)', async () => {
    const id = uniqueId();
    await deploy(id);
    expect(await update({ id, tags: { status: ['success'] } })).toMatchObject({
      tags: { service: ['zon-web'], status: ['success'], author: ['a@example.com'] },
      detailUrls: { ci: 'https://ci/1', logs: 'https://logs/1' },
      description: 'deploy zon-web',
      revision: 2,
    });
    expect((await get(id)).revisions.map((r: { tags: unknown }) => r.tags)).toEqual([
      { service: ['zon-web'], status: ['pending'], author: ['a@example.com'] },
    ]);
  });

  it('removes a tag key given as null or [], a link given as null, in variables and in literals', async () => {
    const id = uniqueId();
    await deploy(id);
    expect(await update({ id, tags: { status: null, author: [] }, detailUrls: { logs: null } })).toMatchObject({
      tags: { service: ['zon-web'] },
      detailUrls: { ci: 'https://ci/1' },
    });
    const literal = `mutation { updateEvent(event: {id: ${JSON.stringify(id)}, tags: {service: null, env: ["prod"]}}) { tags } }`;
    expect(dataOf(await ets.gql(literal)).updateEvent.tags).toEqual({ env: ['prod'] });
  });

  it('sets new keys and links, and clears a whole map with null', async () => {
    const id = uniqueId();
    await deploy(id);
    const next = await update({ id, tags: { env: ['prod'] }, detailUrls: { pr: 'https://pr/9', ci: 'https://ci/2' } });
    expect(Object.keys(next.tags)).toEqual(['service', 'status', 'author', 'env']);
    expect(next.detailUrls).toEqual({ ci: 'https://ci/2', logs: 'https://logs/1', pr: 'https://pr/9' });
    expect(await update({ id, tags: null, detailUrls: null })).toMatchObject({ tags: {}, detailUrls: {} });
  });

  it('refuses what is not a patch, naming the field and the rule, and writes nothing', async () => {
    const id = uniqueId();
    await deploy(id);
    const refused = async (event: Record<string, unknown>) =>
      (await ets.gql(UPDATE, { e: { id, ...event } })).errors?.[0];
    expect(await refused({ tags: { status: 'success' } })).toMatchObject({
      message: 'event.tags.status: must be a list of strings, or null or [] to remove the key',
      extensions: { code: 'BAD_USER_INPUT', field: 'event.tags.status' },
    });
    expect((await refused({ detailUrls: { ci: ['x'] } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'event.detailUrls.ci',
    });
    expect((await get(id)).revision).toBe(1);
  });

  it('keeps null and [] refused by create, replace and merge', async () => {
    const id = uniqueId();
    await deploy(id);
    for (const mutation of ['replaceEvent', 'mergeEvent'] as const) {
      const response = await ets.gql(write(mutation), { e: { id, tags: { status: null } } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.tags.status' });
    }
    const created = await ets.gql(CreateEventMutation, { event: { id: uniqueId(), tags: { status: [] } } });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.tags.status' });
    expect((await get(id)).revision).toBe(1);
  });

  it('creates the patched empty event on upsert', async () => {
    const id = uniqueId();
    const created = dataOf(
      await ets.gql(UPDATE, { e: { id, tags: { status: ['ok'], gone: null }, detailUrls: { ci: null } }, u: true }),
    ).updateEvent;
    expect(created).toMatchObject({ id, tags: { status: ['ok'] }, detailUrls: {}, revision: 1 });
  });

  it('holds the patched event to the limits as stored', async () => {
    const id = uniqueId();
    await create({ id, tags: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, ['v']])) });
    const response = await ets.gql(UPDATE, { e: { id, tags: { k0: null, one: ['more'], two: ['more'] } } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event.tags' });
    expect((await update({ id, tags: { k0: null, one: ['more'] } })).revision).toBe(2);
  });

  describe('with a namespaced token', () => {
    // Tokens change who may write: a server of its own.
    let secured: TestEts;
    let jenkins: string;
    beforeAll(async () => {
      secured = await startTestEts();
      const token = `mutation($n: String!, $s: [Scope!]!, $ns: TagMap) {
        createToken(name: $n, scopes: $s, namespace: $ns) { secret } }`;
      const admin = dataOf(await secured.gql(token, { n: 'admin', s: ['ADMIN'] })).createToken.secret as string;
      jenkins = dataOf(await secured.gql(token, { n: 'jenkins', s: ['WRITE'], ns: { source: ['jenkins'] } }, admin))
        .createToken.secret;
    });
    afterAll(() => secured.stop());

    it('may move a tag of its own event but not remove the namespace tag, which writes nothing', async () => {
      const id = uniqueId();
      const created = await secured.gql(
        CreateEventMutation,
        { event: { id, tags: { source: ['jenkins'], status: ['pending'] } } },
        jenkins,
      );
      expect(created.errors).toBeUndefined();
      const moved = await secured.gql(UPDATE, { e: { id, tags: { status: ['success'] } } }, jenkins);
      expect(dataOf(moved).updateEvent.tags).toEqual({ source: ['jenkins'], status: ['success'] });
      for (const tags of [{ source: null }, { source: [] }, { source: ['other'] }]) {
        const refused = await secured.gql(UPDATE, { e: { id, tags } }, jenkins);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'event.tags' });
      }
      expect(dataOf(await secured.gql(GET, { id }, jenkins)).event).toMatchObject({
        revision: 2,
        tags: { source: ['jenkins'], status: ['success'] },
      });
    });
  });
});

describe('deleteEvent and restoreEvent', () => {
  it('returns the deleted event, hides it from every read, and can bring it back', async () => {
    const parent = uniqueId();
    const id = uniqueId();
    await create({ id: parent, tags: { t: [parent] } });
    await create({ id, parentId: parent, tags: { t: [parent] }, description: 'kept' });
    const deleted = dataOf(
      await ets.gql(`mutation($id: ID!) { deleteEvent(id: $id) { ${EVENT_FIELDS} } }`, { id }),
    ).deleteEvent;
    expect(deleted).toMatchObject({ id, description: 'kept' });
    expect(await get(id)).toBeNull();
    const reads = dataOf(
      await ets.gql(
        `query($p: ID!, $t: TagMap) {
           event(id: $p) { children { id } }
           events(filter: {tags: $t}) { totalCount nodes { id } }
           eventTree(id: $p) { children { event { id } } } }`,
        { p: parent, t: { t: [parent] } },
      ),
    );
    expect(reads.event.children).toEqual([]);
    expect(reads.events).toEqual({ totalCount: 1, nodes: [{ id: parent }] });
    expect(reads.eventTree.children).toEqual([]);

    const again = await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const restored = dataOf(
      await ets.gql(`mutation($id: ID!) { restoreEvent(id: $id) { ${EVENT_FIELDS} } }`, { id }),
    ).restoreEvent;
    expect(restored).toMatchObject({
      id,
      parentId: parent,
      description: 'kept',
      createdAt: deleted.createdAt,
      revision: 3,
    });
    expect((await get(id)).description).toBe('kept');
  });

  it('a deleted id can be created anew, with a history of its own', async () => {
    const id = uniqueId();
    await create({ id, description: 'old' });
    await ets.gql(write('updateEvent'), { e: { id, description: 'old 2' } });
    await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id });
    const fresh = await create({ id, description: 'new' });
    expect(fresh.revision).toBe(1);
    expect((await get(id)).revisions).toEqual([]);
    const restore = await ets.gql('mutation($id: ID!) { restoreEvent(id: $id) { id } }', { id });
    expect(restore.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('limits of the event as stored', () => {
  const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e, upsert: true) { revision } }';
  const GET = 'query($id: ID!) { event(id: $id) { revision description detailUrls } }';

  it('refuses a merge whose appended description would pass the limit, naming the field, writing nothing', async () => {
    const id = uniqueId('grow');
    const chunk = (i: number) => `${i}`.padEnd(30_000, 'x');
    dataOf(await ets.gql(MERGE, { e: { id, description: chunk(1) } }));
    dataOf(await ets.gql(MERGE, { e: { id, description: chunk(2) } }));
    const third = await ets.gql(MERGE, { e: { id, description: chunk(3) } });
    expect(third.errors?.[0]).toMatchObject({
      message: expect.stringContaining('at most 65536 bytes'),
      extensions: { code: 'BAD_USER_INPUT', field: 'event.description' },
    });
    expect(dataOf(await ets.gql(GET, { id })).event.revision).toBe(2);
  });

  it('refuses a merge whose overlaid detail URLs would pass the limit', async () => {
    const id = uniqueId('links');
    const urls = (from: number) =>
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`link${from + i}`, `https://ci.example.com/${i}`]));
    dataOf(await ets.gql(MERGE, { e: { id, detailUrls: urls(0) } }));
    const second = await ets.gql(MERGE, { e: { id, detailUrls: urls(60) } });
    expect(second.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'event.detailUrls' });
    const stored = dataOf(await ets.gql(GET, { id })).event;
    expect([stored.revision, Object.keys(stored.detailUrls).length]).toEqual([1, 60]);
  });
});

it('takes "__proto__" as a tag key in a GraphQL JSON body as REST and literals do, and gives it back', async () => {
  const id = uniqueId('proto');
  const body = `{"query": "mutation($e: EventInput!) { createEvent(event: $e) { id tags } }",
    "variables": {"e": {"id": "${id}", "tags": {"__proto__": ["x"], "constructor": ["y"]}}}}`;
  const response = await fetch(`${ets.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  expect([response.status, text]).toEqual([
    200,
    `{"data":{"createEvent":{"id":"${id}","tags":{"__proto__":["x"],"constructor":["y"]}}}}\n`,
  ]);
  // Object.prototype is untouched: no other object sees the key.
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  const read = await fetch(`${ets.url}/api/v1/event/${id}`);
  expect(JSON.stringify(((await read.json()) as { tags: unknown }).tags)).toBe(
    '{"__proto__":["x"],"constructor":["y"]}',
  );
});

it('refuses to restore an event whose parent came to descend from it while it was deleted', async () => {
  const a = uniqueId('a');
  const b = uniqueId('b');
  dataOf(await ets.gql(CreateEventMutation, { event: { id: b } }));
  dataOf(await ets.gql(CreateEventMutation, { event: { id: a, parentId: b } }));
  dataOf(await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id: a }));
  dataOf(await ets.gql('mutation($e: EventInput!) { updateEvent(event: $e) { id } }', { e: { id: b, parentId: a } }));
  const restored = await ets.gql('mutation($id: ID!) { restoreEvent(id: $id) { id } }', { id: a });
  expect(restored.errors?.[0]).toMatchObject({
    message: expect.stringContaining('would be its own ancestor'),
    extensions: { code: 'BAD_USER_INPUT', field: 'id' },
  });
  expect(dataOf(await ets.gql('query($id: ID!) { event(id: $id) { id } }', { id: a })).event).toBeNull();
});
