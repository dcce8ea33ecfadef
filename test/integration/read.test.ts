/** events (filters, order, pagination, totalCount), parent / children / ancestors, eventTree. */
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(() => ets.stop());

const EVENTS = `query($f: EventFilter, $first: Int, $after: String) {
  events(filter: $f, first: $first, after: $after) {
    totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } }`;

async function createAll(events: Array<Record<string, unknown>>): Promise<void> {
  const result = dataOf(
    await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { failedCount } }', { es: events }),
  );
  expect(result.createEvents.failedCount).toBe(0);
}

async function ids(filter: Record<string, unknown>, first = 100): Promise<string[]> {
  return dataOf(await ets.gql(EVENTS, { f: filter, first })).events.nodes.map((n: { id: string }) => n.id);
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString();

describe('events filters', () => {
  // Each describe works in its own tag namespace, so files and tests can run in any order.
  const run = uniqueId('run');
  const e = (name: string) => `${run}-${name}`;
  beforeAll(() =>
    createAll([
      {
        id: e('web-ok'),
        startTime: at(10),
        endTime: at(20),
        description: 'Deploy of ZON-WEB',
        tags: { run: [run], service: ['web'], status: ['success'] },
      },
      {
        id: e('web-fail'),
        startTime: at(30),
        endTime: at(31),
        description: 'deploy (a+)+ failed',
        tags: { run: [run], service: ['web'], status: ['fail'] },
      },
      {
        id: e('api-ok'),
        startTime: at(40),
        endTime: at(40),
        description: 'api rollout',
        tags: { run: [run], service: ['api'], status: ['success'] },
      },
      {
        id: e('both'),
        parentId: e('web-ok'),
        startTime: at(0),
        endTime: at(100),
        description: 'config flip',
        tags: { run: [run], service: ['web', 'api'], type: ['config'] },
      },
    ]),
  );

  it('orders by start time, newest first', async () => {
    expect(await ids({ tags: { run: [run] } })).toEqual([e('api-ok'), e('web-fail'), e('web-ok'), e('both')]);
  });

  it('ANDs across keys and ORs within a key', async () => {
    expect(await ids({ tags: { run: [run], service: ['web'], status: ['success'] } })).toEqual([e('web-ok')]);
    expect(await ids({ tags: { run: [run], status: ['success', 'fail'] } })).toEqual([
      e('api-ok'),
      e('web-fail'),
      e('web-ok'),
    ]);
  });

  it('excludes every event carrying any listed pair', async () => {
    expect(await ids({ tags: { run: [run] }, excludeTags: { status: ['fail'], type: ['config'] } })).toEqual([
      e('api-ok'),
      e('web-ok'),
    ]);
  });

  it('matches events whose interval overlaps [from, to)', async () => {
    // web-ok runs 10..20, both 0..100: both overlap 15..16; api-ok at 40 is outside.
    expect(await ids({ tags: { run: [run] }, from: at(15), to: at(16) })).toEqual([e('web-ok'), e('both')]);
    // to is exclusive, from inclusive
    expect(await ids({ tags: { run: [run] }, from: at(40), to: at(41) })).toEqual([e('api-ok'), e('both')]);
    expect(await ids({ tags: { run: [run] }, from: at(31), to: at(40) })).toEqual([e('web-fail'), e('both')]);
  });

  it('filters on the update time with timeField UPDATE', async () => {
    const before = new Date().toISOString();
    await ets.gql('mutation($e: EventInput!) { mergeEvent(event: $e) { id } }', {
      e: { id: e('api-ok'), description: 'touched' },
    });
    expect(await ids({ tags: { run: [run] }, timeField: 'UPDATE', from: before })).toEqual([e('api-ok')]);
    expect(await ids({ tags: { run: [run] }, timeField: 'EVENT', from: before })).toEqual([]);
  });

  it('filters by parent', async () => {
    expect(await ids({ parentId: e('web-ok') })).toEqual([e('both')]);
  });

  it('searches descriptions case-insensitively and literally', async () => {
    expect(await ids({ tags: { run: [run] }, search: 'zon-web' })).toEqual([e('web-ok')]);
    expect(await ids({ tags: { run: [run] }, search: 'DEPLOY' })).toEqual([e('web-fail'), e('web-ok')]);
    expect(await ids({ tags: { run: [run] }, search: '(a+)+' })).toEqual([e('web-fail')]);
    expect(await ids({ tags: { run: [run] }, search: '.*' })).toEqual([]);
  });

  it('rejects a bad filter with the field named', async () => {
    const response = await ets.gql(EVENTS, { f: { from: at(10), to: at(5) } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const badFirst = await ets.gql(EVENTS, { first: 5000 });
    expect(badFirst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('pagination', () => {
  const run = uniqueId('page');
  const total = 250;
  beforeAll(() =>
    // Many events share a start time, so the id breaks ties.
    createAll(
      Array.from({ length: total }, (_, i) => ({
        id: `${run}-${String(i).padStart(3, '0')}`,
        startTime: at(i % 7),
        tags: { run: [run] },
      })),
    ),
  );

  it('walks every event exactly once while new events arrive, with a stable totalCount per query', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = dataOf(await ets.gql(EVENTS, { f: { tags: { run: [run] } }, first: 100, after })).events;
      if (pages === 0) expect(page.totalCount).toBe(total);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      expect(page.edges.at(-1)?.cursor ?? null).toBe(page.pageInfo.endCursor);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      // New events, both newer and older than the cursor, arrive between pages.
      await createAll([
        { id: `${run}-new-${pages}-a`, startTime: at(100), tags: { run: [run], late: ['yes'] } },
        { id: `${run}-new-${pages}-b`, startTime: at(0), tags: { run: [run], late: ['yes'] } },
      ]);
      pages++;
    } while (after);
    const original = seen.filter((id) => !id.includes('-new-'));
    expect(original).toHaveLength(total);
    expect(new Set(original).size).toBe(total);
    // ordered by start time desc, then id desc
    const expected = Array.from({ length: total }, (_, i) => ({ id: `${run}-${String(i).padStart(3, '0')}`, t: i % 7 }))
      .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1))
      .map((x) => x.id);
    expect(original).toEqual(expected);
  });

  it('rejects a cursor it did not make', async () => {
    const response = await ets.gql(EVENTS, { after: 'garbage' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('relations', () => {
  const run = uniqueId('tree');
  const e = (name: string) => `${run}-${name}`;
  // root → a → a1 → a1x ; root → b
  beforeAll(() =>
    createAll([
      { id: e('root'), startTime: at(0) },
      { id: e('a'), parentId: e('root'), startTime: at(1) },
      { id: e('b'), parentId: e('root'), startTime: at(2) },
      { id: e('a1'), parentId: e('a'), startTime: at(3) },
      { id: e('a1x'), parentId: e('a1'), startTime: at(4) },
      { id: e('orphan'), parentId: e('missing'), startTime: at(5) },
    ]),
  );

  it('resolves parent, children and ancestors (parent first)', async () => {
    const data = dataOf(
      await ets.gql(
        `query($id: ID!, $o: ID!) {
           event(id: $id) { parent { id } children { id } ancestors { id } limited: ancestors(limit: 1) { id } }
           root: event(id: $o) { parentId parent { id } ancestors { id } } }`,
        { id: e('a1'), o: e('orphan') },
      ),
    );
    expect(data.event).toEqual({
      parent: { id: e('a') },
      children: [{ id: e('a1x') }],
      ancestors: [{ id: e('a') }, { id: e('root') }],
      limited: [{ id: e('a') }],
    });
    expect(data.root).toEqual({ parentId: e('missing'), parent: null, ancestors: [] });
  });

  it('draws the subtree, maxDepth 1 being the root and its direct children', async () => {
    const TREE = `query($id: ID!, $d: Int) { eventTree(id: $id, maxDepth: $d) {
      event { id } depth truncated children { event { id } depth truncated children { event { id } depth truncated children { event { id } depth truncated } } } } }`;
    const one = dataOf(await ets.gql(TREE, { id: e('root'), d: 1 })).eventTree;
    expect(one.children.map((c: any) => [c.event.id, c.depth, c.children, c.truncated])).toEqual([
      [e('b'), 1, [], false],
      [e('a'), 1, [], true],
    ]);
    const whole = dataOf(await ets.gql(TREE, { id: e('root') })).eventTree;
    expect(whole.truncated).toBe(false);
    expect(whole.children[1].children[0].children[0]).toEqual({ event: { id: e('a1x') }, depth: 3, truncated: false });
    expect(dataOf(await ets.gql(TREE, { id: e('missing') })).eventTree).toBeNull();
  });
});

it('reads the most recent `last` earlier versions of an event, oldest first, and refuses more than 1000', async () => {
  const id = uniqueId('many-versions');
  dataOf(await ets.gql(CreateEventMutation, { event: { id, description: 'v1' } }));
  for (let i = 2; i <= 6; i++) {
    dataOf(
      await ets.gql('mutation($e: EventInput!) { updateEvent(event: $e) { id } }', { e: { id, description: `v${i}` } }),
    );
  }
  const query = 'query($id: ID!, $n: Int) { event(id: $id) { revision revisions(last: $n) { revision description } } }';
  const two = dataOf(await ets.gql(query, { id, n: 2 })).event;
  expect(two).toEqual({
    revision: 6,
    revisions: [
      { revision: 4, description: 'v4' },
      { revision: 5, description: 'v5' },
    ],
  });
  const all = dataOf(await ets.gql('query($id: ID!) { event(id: $id) { revisions { revision } } }', { id })).event;
  expect(all.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3, 4, 5]);
  const tooMany = await ets.gql(query, { id, n: 1001 });
  expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
});
