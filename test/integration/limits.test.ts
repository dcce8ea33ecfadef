/** The request limits, each set low here, refused with an error that names the limit. */
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { dataOf, startTestEts, type TestEts } from '../helpers/ets';
import { until } from '../helpers/wait';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts({
    env: {
      ETS_MAX_BODY_BYTES: '4096',
      ETS_MAX_BATCH: '3',
      ETS_MAX_PAGE_SIZE: '5',
      ETS_MAX_QUERY_DEPTH: '6',
      ETS_MAX_QUERY_COST: '200',
      ETS_MAX_ALIASES: '2',
      ETS_MAX_WS_CONNECTIONS: '3',
      ETS_MAX_SUBSCRIPTIONS: '2',
    },
  });
});
afterAll(() => ets.stop());

async function post(path: string, body: string, method = 'POST') {
  const response = await fetch(`${ets.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

it('refuses a body over ETS_MAX_BODY_BYTES, on GraphQL and REST', async () => {
  const description = 'x'.repeat(5000);
  const graphql = await post(
    '/graphql',
    JSON.stringify({
      query: 'mutation($e: EventInput!) { createEvent(event: $e) { id } }',
      variables: { e: { description } },
    }),
  );
  expect(graphql).toEqual({
    status: 413,
    body: {
      errors: [
        {
          message: 'the request body is larger than the limit of 4096 bytes (ETS_MAX_BODY_BYTES)',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    },
  });
  const rest = await post('/api/v1/event/', JSON.stringify({ event: { description } }), 'PUT');
  expect(rest).toEqual({
    status: 413,
    body: {
      message: 'the request body is larger than the limit of 4096 bytes (ETS_MAX_BODY_BYTES)',
      code: 'PAYLOAD_TOO_LARGE',
    },
  });
});

it('refuses a batch over ETS_MAX_BATCH as a whole', async () => {
  const response = await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
    es: [{}, {}, {}, {}],
  });
  expect(response.errors?.[0]).toMatchObject({
    message: 'events: must have at most 3 events per batch',
    extensions: { code: 'BAD_USER_INPUT', field: 'events' },
  });
});

it('refuses a page over ETS_MAX_PAGE_SIZE', async () => {
  const response = await ets.gql('{ events(first: 6) { totalCount } }');
  expect(response.errors?.[0]).toMatchObject({
    message: 'first: must be an integer from 0 to 5 (the page size limit)',
    extensions: { code: 'BAD_USER_INPUT', field: 'first' },
  });
  const rest = await fetch(`${ets.url}/api/v1/event/?tag=a:b&count=6`);
  expect(rest.status).toBe(400);
  expect(await rest.json()).toMatchObject({ field: 'count' });
});

it('refuses GraphQL documents too deep, too costly or with too many aliases, before running them', async () => {
  const deep = await ets.gql('{ event(id: "a") { parent { parent { parent { parent { parent { id } } } } } } }');
  expect(deep.status).toBe(400);
  expect(deep.errors?.[0]?.message).toBe(
    'the query depth 7 is over the limit of 6 (ETS_MAX_QUERY_DEPTH); nest fewer selections',
  );
  const costly = await ets.gql('{ events(first: 5) { nodes { children { children { id } } } } }');
  expect(costly.errors?.[0]?.message).toMatch(
    /^the query cost \(objects it may return\) \d+ is over the limit of 200 \(ETS_MAX_QUERY_COST\)/,
  );
  const aliased = await ets.gql('{ a: viewer { token } b: viewer { token } c: viewer { token } }');
  expect(aliased.errors?.[0]?.message).toBe(
    'the number of aliases 3 is over the limit of 2 (ETS_MAX_ALIASES); send fewer aliased fields',
  );
});

it('costs a page size sent as a variable at the value sent, not at its default, on HTTP and graphql-ws', async () => {
  // first: 1 costs 1 × (1 + 1 × (1 + 10 × (1 + 10))) = 112; first: 5 costs 560.
  const query = 'query($n: Int = 1) { events(first: $n) { nodes { children { children { id } } } } }';
  expect(dataOf(await ets.gql(query)).events.nodes).toEqual([]);
  const sent = await ets.gql(query, { n: 5 });
  expect(sent.status).toBe(400);
  expect(sent.errors).toEqual([
    {
      message:
        'the query cost (objects it may return) 560 is over the limit of 200 (ETS_MAX_QUERY_COST); ask for smaller pages or fewer nested lists',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'ETS_MAX_QUERY_COST' },
    },
  ]);

  const client = createClient({
    url: `${ets.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const outcome = (variables: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query, variables },
          { next: (result) => resolve(result), error: resolve, complete: () => resolve(undefined) },
        );
      });
    expect(await outcome({ n: 1 })).toEqual({ data: { events: { nodes: [] } } });
    expect(await outcome({ n: 5 })).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^the query cost \(objects it may return\) 560 is over the limit of 200/),
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'ETS_MAX_QUERY_COST' },
      }),
    ]);
  } finally {
    await client.dispose();
  }
});

it('applies the depth limit to subscriptions too', async () => {
  const client = createClient({
    url: `${ets.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { eventChanged { event { parent { parent { parent { parent { id } } } } } } }' },
        { next: () => {}, error: resolve, complete: () => resolve(undefined) },
      );
    });
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('ETS_MAX_QUERY_DEPTH') })]);
  } finally {
    await client.dispose();
  }
});

it('refuses batched operations in one HTTP request', async () => {
  const response = await post(
    '/graphql',
    JSON.stringify([{ query: '{ viewer { token } }' }, { query: '{ viewer { token } }' }]),
  );
  expect(response.status).toBe(400);
  expect(JSON.stringify(response.body)).toContain('batch');
});

it('keeps introspection working under these limits, and wrote nothing along the way', async () => {
  const introspection = dataOf(await ets.gql(getIntrospectionQuery()));
  expect(introspection.__schema.queryType.name).toBe('Query');
  expect(dataOf(await ets.gql('{ events(first: 0) { totalCount } }')).events.totalCount).toBe(0);
});

it('measures a fragment bomb in one pass and refuses it, on HTTP and graphql-ws, the server answering all along', async () => {
  // Each fragment spreads the next twice: walked spread by spread this is 2^40 selections.
  const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  const bomb = `query { ...F0 } ${levels.join(' ')} fragment F40 on Query { viewer { token } }`;
  const http = await post('/graphql', JSON.stringify({ query: bomb }));
  expect(http.body.errors?.[0]).toMatchObject({
    message: expect.stringMatching(/^the query cost .* \(ETS_MAX_QUERY_COST\)/),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'ETS_MAX_QUERY_COST' },
  });
  expect((await fetch(`${ets.url}/healthz`)).status).toBe(200);

  const client = createClient({
    url: `${ets.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const refused = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: bomb }, { next: () => undefined, error: resolve, complete: () => resolve(undefined) });
    });
    expect(JSON.stringify(refused)).toContain('ETS_MAX_QUERY_COST');
  } finally {
    await client.dispose();
  }
});

it('refuses a negative size as bad input naming the argument, given in the query or as a variable', async () => {
  // Over the cost limit with a large page beside it: a negative size does not lower the cost.
  const costly = '{ events(first: 1000) { nodes { children { children { id } } } } ';
  const over = await post(
    '/graphql',
    JSON.stringify({ query: `${costly} event(id: "a") { ancestors(limit: -2147483648) { id } } }` }),
  );
  expect(over.body.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ limit: 'ETS_MAX_QUERY_COST' }) }),
  ]);
  const literal = await post('/graphql', JSON.stringify({ query: '{ events(first: -5) { nodes { id } } }' }));
  const variable = await post(
    '/graphql',
    JSON.stringify({ query: 'query($n: Int) { events(first: $n) { nodes { id } } }', variables: { n: -5 } }),
  );
  for (const response of [literal, variable]) {
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) }),
    ]);
  }
});

it('answers a persisted query whose hash is not its text as the client error it is', async () => {
  const response = await post(
    '/graphql',
    JSON.stringify({
      query: '{ viewer { token } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    }),
  );
  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([
    expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }),
  ]);
});

describe('websockets', () => {
  const wsUrl = () => `${ets.url.replace(/^http/, 'ws')}/graphql`;
  const SUBSCRIBE = 'subscription { eventChanged { kind } }';

  it('caps live operations per connection, naming ETS_MAX_SUBSCRIPTIONS', async () => {
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const errors: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        client.subscribe(
          { query: SUBSCRIBE },
          { next: () => undefined, error: (e) => errors.push(e), complete: () => undefined },
        );
      }
      await until(() => errors.length === 1, 'the third subscription refused');
      expect(JSON.stringify(errors[0])).toContain('ETS_MAX_SUBSCRIPTIONS');
    } finally {
      await client.dispose();
    }
  });

  it('caps connections per address, naming ETS_MAX_WS_CONNECTIONS', async () => {
    const open = (): Promise<{ socket: WebSocket; status: number }> =>
      new Promise((resolve) => {
        const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
        socket.on('open', () => resolve({ socket, status: 101 }));
        socket.on('unexpected-response', (_request, response) => resolve({ socket, status: response.statusCode ?? 0 }));
        socket.on('error', () => undefined);
      });
    const sockets = [await open(), await open(), await open()];
    try {
      expect(sockets.map((s) => s.status)).toEqual([101, 101, 101]);
      expect((await open()).status).toBe(429);
    } finally {
      for (const { socket } of sockets) socket.close();
    }
  });
});

it('counts operations on a socket against the rate of their caller, as HTTP requests are', async () => {
  const limited = await startTestEts({ env: { ETS_RATE_LIMIT: '1', ETS_RATE_BURST: '3' } });
  const client = createClient({
    url: `${limited.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const outcomes = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<string>((resolve) =>
            client.subscribe(
              { query: '{ viewer { token } }' },
              { next: () => resolve('answered'), error: (e) => resolve(JSON.stringify(e)), complete: () => undefined },
            ),
          ),
      ),
    );
    expect(outcomes.filter((o) => o === 'answered').length).toBeLessThanOrEqual(4);
    expect(outcomes.some((o) => o.includes('ETS_RATE_LIMIT'))).toBe(true);
  } finally {
    await client.dispose();
    await limited.stop();
  }
});
