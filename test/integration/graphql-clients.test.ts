/**
 * The API as GraphQL clients use it, over HTTP against the real server: Apollo Client's
 * normalized cache (every object with an id is one cache entry), Relay cursor connections
 * paged both ways with Apollo's relayStylePagination, and node(id:) for each Node type.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(() => ets.stop());

/** Apollo Client as its docs set it up for a Relay-style API, with a cache of its own. */
function apolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${ets.url}/graphql` }),
    cache: new InMemoryCache({
      possibleTypes: { Node: ['Event', 'EventRevision'] },
      typePolicies: { Query: { fields: { events: relayStylePagination(['filter']) } } },
    }),
  });
}

async function createEvents(events: Array<Record<string, unknown>>): Promise<void> {
  const created = dataOf(
    await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { failedCount } }', { es: events }),
  );
  expect(created.createEvents.failedCount).toBe(0);
}

async function update(event: Record<string, unknown>): Promise<void> {
  dataOf(await ets.gql('mutation($e: EventInput!) { updateEvent(event: $e) { revision } }', { e: event }));
}

interface Revision {
  id: string;
  eventId: string;
  revision: number;
  description: string;
}

const REVISIONS: TypedDocumentNode<{ event: { id: string; revision: number; revisions: Revision[] } | null }> = gql`
  query Revisions($id: ID!) {
    event(id: $id) {
      id
      revision
      revisions {
        id
        eventId
        revision
        description
      }
    }
  }
`;

describe("Apollo Client's normalized cache", () => {
  it('keeps every revision of an event apart, as the server answered them', async () => {
    const id = uniqueId('revised');
    await createEvents([{ id, description: 'v1' }]);
    await update({ id, description: 'v2' });
    await update({ id, description: 'v3' });

    const client = apolloClient();
    const { data } = await client.query({ query: REVISIONS, variables: { id } });
    const expected = [
      [1, 'v1'],
      [2, 'v2'],
    ];
    expect(data?.event?.revisions.map((r) => [r.revision, r.description])).toEqual(expected);
    // Read back through the cache: one entry per revision, not one for all of them.
    const cached = client.readQuery({ query: REVISIONS, variables: { id } });
    expect(cached?.event?.revisions.map((r) => [r.revision, r.description])).toEqual(expected);
    expect(new Set(cached?.event?.revisions.map((r) => r.id)).size).toBe(2);
    expect(cached?.event?.revisions.every((r) => r.eventId === id && r.id !== id)).toBe(true);
    const entries = Object.keys(client.cache.extract() as object).filter((key) => key.startsWith('EventRevision:'));
    expect(entries).toHaveLength(2);
  });

  it('gives a recreated event revisions with ids of their own', async () => {
    const id = uniqueId('recreated');
    await createEvents([{ id, description: 'first life' }]);
    await update({ id, description: 'first life, changed' });
    const before = dataOf(await ets.gql(REVISIONS.loc!.source.body, { id })).event.revisions as Revision[];
    dataOf(await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id }));
    await createEvents([{ id, description: 'second life' }]);
    await update({ id, description: 'second life, changed' });
    const after = dataOf(await ets.gql(REVISIONS.loc!.source.body, { id })).event.revisions as Revision[];
    expect(after.map((r) => r.description)).toEqual(['second life']);
    expect(after[0]?.id).not.toBe(before[0]?.id);
  });
});

const NODE = `query($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Event { description revision }
    ... on EventRevision { eventId revision description }
  } }`;

describe('node(id:)', () => {
  it('reads back an Event by its id and an EventRevision by its id', async () => {
    const id = uniqueId('node');
    await createEvents([{ id, description: 'v1' }]);
    await update({ id, description: 'v2' });
    const [revision] = dataOf(await ets.gql(REVISIONS.loc!.source.body, { id })).event.revisions as Revision[];

    expect(dataOf(await ets.gql(NODE, { id })).node).toEqual({
      __typename: 'Event',
      id,
      description: 'v2',
      revision: 2,
    });
    expect(dataOf(await ets.gql(NODE, { id: revision!.id })).node).toEqual({
      __typename: 'EventRevision',
      id: revision!.id,
      eventId: id,
      revision: 1,
      description: 'v1',
    });
  });

  it('is null for an id that names nothing: no event, no such revision, a deleted event', async () => {
    const id = uniqueId('gone');
    await createEvents([{ id, description: 'v1' }]);
    await update({ id, description: 'v2' });
    const [revision] = dataOf(await ets.gql(REVISIONS.loc!.source.body, { id })).event.revisions as Revision[];
    // The same id spelled for revision 2, the current version: not an earlier one.
    const current = Buffer.from(
      Buffer.from(revision!.id, 'base64')
        .toString()
        .replace(/^EventRevision:1:/, 'EventRevision:2:'),
    ).toString('base64');

    expect(dataOf(await ets.gql(NODE, { id: uniqueId('missing') })).node).toBeNull();
    expect(dataOf(await ets.gql(NODE, { id: current })).node).toBeNull();
    dataOf(await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id }));
    expect(dataOf(await ets.gql(NODE, { id })).node).toBeNull();
    expect(dataOf(await ets.gql(NODE, { id: revision!.id })).node).toBeNull();
  });

  it('finds in Apollo Client the very cache entries the revisions list made', async () => {
    const id = uniqueId('cached');
    await createEvents([{ id, description: 'v1' }]);
    await update({ id, description: 'v2' });
    const client = apolloClient();
    const { data } = await client.query({ query: REVISIONS, variables: { id } });
    const revisionId = data!.event!.revisions[0]!.id;
    const node = await client.query({ query: gql(NODE), variables: { id: revisionId } });
    expect(node.data).toMatchObject({ node: { __typename: 'EventRevision', id: revisionId, description: 'v1' } });
    // One entry for the revision, whichever query brought it.
    const entries = Object.keys(client.cache.extract() as object).filter((key) => key.startsWith('EventRevision:'));
    expect(entries).toEqual([client.cache.identify({ __typename: 'EventRevision', id: revisionId })]);
    expect(client.readQuery({ query: REVISIONS, variables: { id } })?.event?.revisions).toEqual(data!.event!.revisions);
  });
});

interface Page {
  events: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const EVENTS: TypedDocumentNode<Page> = gql`
  query Events($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

const ids = (page: Page | undefined) => page?.events.edges.map((edge) => edge.node.id);

/** A query watched as a UI watches it: its first result, and the watch, for fetchMore. */
async function watch(client: ApolloClient, variables: Record<string, unknown>) {
  const query = client.watchQuery({ query: EVENTS, variables });
  let subscription: { unsubscribe(): void } | undefined;
  const first = await new Promise<Page | undefined>((resolve, reject) => {
    subscription = query.subscribe({
      next: (result) => {
        if (!result.loading) resolve(result.data as Page | undefined);
      },
      error: reject,
    });
  });
  return { query, first, stop: () => subscription?.unsubscribe() };
}

/**
 * Five events per run, e4 the newest: the list is e4 e3 e2 e1 e0. Each filter is read by
 * another index on the embedded store (tag rows, children, the time window).
 */
describe.each([
  ['a tag', 1981, (run: string) => ({ tags: { run: [run] } })],
  ['a parent', 1983, (run: string) => ({ parentId: `${run}-root` })],
  // Each case has a year of its own, and no other test writes events before 1990.
  [
    'a time window',
    1985,
    (_: string, year: number) => ({ from: `${year}-01-01T00:00:00Z`, to: `${year + 1}-01-01T00:00:00Z` }),
  ],
])('Relay pagination with %s', (_, year, filterOf) => {
  const run = uniqueId('page');
  const filter = filterOf(run, year);
  const e = (n: number) => `${run}-e${n}`;
  const all = [e(4), e(3), e(2), e(1), e(0)];

  beforeAll(async () => {
    await createEvents([{ id: `${run}-root`, startTime: `${year - 1}-06-01T00:00:00Z` }]);
    await createEvents(
      [0, 1, 2, 3, 4].map((n) => ({
        id: e(n),
        parentId: `${run}-root`,
        // e1 and e2 start at the same instant: their order is the id's.
        startTime: `${year}-03-0${n === 2 ? 2 : n + 1}T10:00:00Z`,
        tags: { run: [run] },
      })),
    );
  });

  const both = { hasNextPage: true, hasPreviousPage: true };
  it.each([
    {
      way: 'forwards with first/after',
      size: { first: 2 },
      from: (pageInfo: Page['events']['pageInfo']) => ({ after: pageInfo.endCursor }),
      pages: [[e(4), e(3)], [e(2), e(1)], [e(0)]],
      // Before the second page's `after` cursor lie e4 and e3.
      pageInfos: [{ hasNextPage: true, hasPreviousPage: false }, both, { hasNextPage: false, hasPreviousPage: true }],
    },
    {
      way: 'backwards with last/before',
      size: { last: 2 },
      from: (pageInfo: Page['events']['pageInfo']) => ({ before: pageInfo.startCursor }),
      pages: [[e(1), e(0)], [e(3), e(2)], [e(4)]],
      // After the second page's `before` cursor lie e1 and e0.
      pageInfos: [{ hasNextPage: false, hasPreviousPage: true }, both, { hasNextPage: true, hasPreviousPage: false }],
    },
  ])('pages $way, merged in the cache in order', async ({ size, from, pages, pageInfos }) => {
    const client = apolloClient();
    const { query, first, stop } = await watch(client, { filter, ...size });
    let page = first;
    for (const [i, expected] of pages.entries()) {
      if (i > 0) page = (await query.fetchMore({ variables: from(page!.events.pageInfo) })).data as Page | undefined;
      expect(ids(page)).toEqual(expected);
      expect(page?.events.pageInfo).toMatchObject(pageInfos[i]!);
    }
    // Read back through the cache: relayStylePagination's merge of the three pages.
    const merged = client.readQuery({ query: EVENTS, variables: { filter, ...size } });
    expect(ids(merged ?? undefined)).toEqual(all);
    expect(merged?.events.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    stop();
  });

  it('takes both cursors as the two ends of a page, read from either end', async () => {
    const page = async (variables: Record<string, unknown>) =>
      dataOf(await ets.gql<Page>(EVENTS.loc!.source.body, { filter, ...variables })).events;
    const edges = (await page({ first: 5 })).edges;
    const cursor = (id: string) => edges.find((edge) => edge.node.id === id)!.cursor;
    const idsOf = (connection: Page['events']) => connection.edges.map((edge) => edge.node.id);

    const forwards = await page({ after: cursor(e(3)), before: cursor(e(0)), first: 1 });
    expect(idsOf(forwards)).toEqual([e(2)]);
    // More inside the window (e1), and before the `after` cursor's event (e4).
    expect(forwards.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const backwards = await page({ after: cursor(e(4)), before: cursor(e(1)), last: 1 });
    expect(idsOf(backwards)).toEqual([e(2)]);
    // More inside the window (e3), and after the `before` cursor's event (e0).
    expect(backwards.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(backwards.pageInfo.startCursor).toBe(cursor(e(2)));
    expect(backwards.pageInfo.endCursor).toBe(cursor(e(2)));
    // As Relay's spec words it, the cursors' own events do not count: none lies before e4 or after e0.
    const whole = await page({ after: cursor(e(4)), before: cursor(e(0)), last: 10 });
    expect(idsOf(whole)).toEqual([e(3), e(2), e(1)]);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });
});

describe('connection arguments', () => {
  const errorOf = async (variables: Record<string, unknown>) =>
    (await ets.gql(EVENTS.loc!.source.body, variables)).errors?.[0]?.extensions;

  it('refuses first with last, and cursors it did not make, naming the argument', async () => {
    expect(await errorOf({ first: 1, last: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    expect(await errorOf({ last: 1, before: 'nonsense' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    expect(await errorOf({ last: 1001 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    expect(await errorOf({ last: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it('answers the first 50 when neither first nor last is given, and null cursors for an empty page', async () => {
    const run = uniqueId('fifty');
    await createEvents(Array.from({ length: 51 }, (_, i) => ({ id: `${run}-${i}`, tags: { run: [run] } })));
    const page = dataOf(await ets.gql<Page>(EVENTS.loc!.source.body, { filter: { tags: { run: [run] } } })).events;
    expect(page.edges).toHaveLength(50);
    expect(page.pageInfo.hasNextPage).toBe(true);
    // A page of none still tells whether there is more, as Relay's spec has it.
    const none = async (size: Record<string, number>) =>
      dataOf(await ets.gql<Page>(EVENTS.loc!.source.body, { filter: { tags: { run: [run] } }, ...size })).events;
    expect((await none({ first: 0 })).pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect((await none({ last: 0 })).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = dataOf(await ets.gql<Page>(EVENTS.loc!.source.body, { filter: { tags: { run: [uniqueId()] } } }));
    expect(empty.events.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
