/**
 * GraphQL over HTTP as clients expect it, against the real server: urql and Apollo Client
 * with their defaults (queries by GET), mutations refused by GET, cross-site simple POSTs
 * refused, the access rules on GET, subscriptions sent to the websocket, and the
 * graphql-http audit of the GraphQL-over-HTTP spec.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, fetchExchange } from '@urql/core';
import { createClient } from 'graphql-ws';
import { auditServer } from 'graphql-http';
import WebSocket from 'ws';
import { dataOf, startTestEts, uniqueId, untilSubscribers, type TestEts } from '../helpers/ets';

const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id } }';
const GET_EVENT = 'query($id: ID!) { event(id: $id) { id description } }';
const SUBSCRIPTION = 'subscription { eventChanged { kind event { id } } }';

interface Answer {
  data?: unknown;
  errors: Array<{ message: string; extensions: { code: string } }>;
}
const answerOf = async (response: Response) => (await response.json()) as Answer;

/** fetch, keeping the method and URL of each request the client under test sends. */
function recordingFetch(sent: Array<{ method: string; url: string }>): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url });
    return fetch(input, init);
  };
}

const getPath = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
const graphqlUrl = (ets: TestEts, query: string) => `${ets.url}${getPath(query)}`;

async function stored(ets: TestEts, id: string): Promise<unknown> {
  return dataOf(await ets.gql(GET_EVENT, { id })).event;
}

/** A request with exactly these headers (fetch adds some, Host and Accept among them). */
function rawRequest(
  ets: TestEts,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; contentType?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${ets.url}${path}`, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body: text }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

// A fresh loopback server runs open (no token yet): anyone who reaches it may write, which
// is what a page on another site would try through a visitor's browser.
describe('an open server, over HTTP', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts();
  });
  afterAll(() => ets.stop());

  it('serves urql with its defaults: a query goes by GET, a mutation by POST', async () => {
    const sent: Array<{ method: string; url: string }> = [];
    const client = new Client({ url: `${ets.url}/graphql`, exchanges: [fetchExchange], fetch: recordingFetch(sent) });
    const id = uniqueId('urql');
    const created = await client.mutation(CREATE, { e: { id, description: 'written by urql' } }).toPromise();
    expect(created.error).toBeUndefined();
    expect(created.data).toEqual({ createEvent: { id } });
    const read = await client.query(GET_EVENT, { id }).toPromise();
    expect(read.error).toBeUndefined();
    expect(read.data).toEqual({ event: { id, description: 'written by urql' } });
    expect(sent.map(({ method }) => method)).toEqual(['POST', 'GET']);
    expect(new URL(sent[1]!.url).searchParams.get('variables')).toBe(JSON.stringify({ id }));
  });

  it('serves Apollo Client with queries by GET (useGETForQueries)', async () => {
    const sent: Array<{ method: string; url: string }> = [];
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${ets.url}/graphql`, useGETForQueries: true, fetch: recordingFetch(sent) }),
      cache: new InMemoryCache(),
    });
    const id = uniqueId('apollo');
    await client.mutate({ mutation: gql(CREATE), variables: { e: { id, description: 'written by Apollo Client' } } });
    const read = await client.query({ query: gql(GET_EVENT), variables: { id } });
    expect(read.data).toEqual({ event: { __typename: 'Event', id, description: 'written by Apollo Client' } });
    expect(sent.map(({ method }) => method)).toEqual(['POST', 'GET']);
  });

  it('answers a query by GET from curl or a link, with no headers at all', async () => {
    const id = uniqueId('get');
    dataOf(await ets.gql(CREATE, { e: { id, description: 'read by GET' } }));
    const response = await fetch(
      `${graphqlUrl(ets, GET_EVENT)}&variables=${encodeURIComponent(JSON.stringify({ id }))}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { event: { id, description: 'read by GET' } } });
  });

  it('refuses a mutation by GET with 405 and Allow: POST, and writes nothing', async () => {
    const id = uniqueId('get-mutation');
    // What an <img src> on another site would send.
    const response = await fetch(graphqlUrl(ets, `mutation { createEvent(event: { id: "${id}" }) { id } }`));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await answerOf(response)).errors).toEqual([
      {
        message: 'GET requests only support query operations, not mutation operations',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect(await stored(ets, id)).toBeNull();
  });

  it('refuses the POSTs a page on another site can send without a preflight, and writes nothing', async () => {
    const id = uniqueId('csrf');
    const mutation = `mutation { createEvent(event: { id: "${id}" }) { id } }`;
    // A form of another site: its origin is refused outright (transport/cors.ts).
    const crossSite = await fetch(`${ets.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example.com', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: mutation }),
    });
    expect(crossSite.status).toBe(403);
    // Whatever the origin says (or a browser that sends none), the body must be JSON.
    const bodies: Array<[string | undefined, string]> = [
      ['text/plain', JSON.stringify({ query: mutation })],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--`,
      ],
      [undefined, JSON.stringify({ query: mutation })],
    ];
    for (const [contentType, body] of bodies) {
      const response = await fetch(`${ets.url}/graphql`, {
        method: 'POST',
        headers: contentType ? { 'content-type': contentType } : {},
        body: contentType ? body : new Blob([body]), // a Blob without a type sends no content-type
      });
      expect([contentType, response.status]).toEqual([contentType, 415]);
      expect((await answerOf(response)).errors[0]).toEqual({
        message: expect.stringMatching(/^a POST to \/graphql takes a JSON body \(content-type: application\/json\)/),
        extensions: { code: 'BAD_REQUEST' },
      });
    }
    expect(await stored(ets, id)).toBeNull();
  });

  it('answers a subscription sent over HTTP with an error naming the websocket, where graphql-ws serves it', async () => {
    const response = await fetch(`${ets.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'subscriptions are served over a websocket at /graphql (graphql-ws, subprotocol graphql-transport-ws), ' +
            'not over HTTP: use a graphql-ws client (GraphiQL at /graphql does)',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });

    const client = createClient({
      url: `${ets.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const changes = client.iterate<{ eventChanged: { kind: string; event: { id: string } } }>({
        query: SUBSCRIPTION,
      });
      const first = changes.next();
      await untilSubscribers(ets, 1);
      const id = uniqueId('ws');
      dataOf(await ets.gql(CREATE, { e: { id } }));
      expect((await first).value).toEqual({ data: { eventChanged: { kind: 'CREATED', event: { id } } } });
      await changes.return?.();
    } finally {
      await client.dispose();
    }
  });

  it('passes the graphql-http audit of the GraphQL-over-HTTP spec, warnings and notices included', async () => {
    const results = await auditServer({ url: `${ets.url}/graphql` });
    expect(results.length).toBeGreaterThan(50);
    const notOk = results.filter((result) => result.status !== 'ok');
    expect(notOk.map(({ status, id, name }) => `${status} ${id}: ${name}`)).toEqual([]);
  });

  it('answers request errors 200 to application/json and 400 to anything else, with the codes Apollo gives', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['parse', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
      ['validation', { query: '{ nothingHere }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['variables', { query: GET_EVENT, variables: {} }, 'BAD_USER_INPUT'],
      [
        'operation',
        { query: 'query A { viewer { token } } query B { viewer { token } }' },
        'OPERATION_RESOLUTION_FAILURE',
      ],
    ];
    const answers = [];
    for (const [what, body, code] of cases) {
      for (const accept of ['application/json', 'application/graphql-response+json', '*/*', undefined]) {
        const headers = { 'content-type': 'application/json', ...(accept && { accept }) };
        const response = await rawRequest(ets, 'POST', '/graphql', headers, JSON.stringify(body));
        const answer = JSON.parse(response.body) as Answer;
        expect(answer.errors[0]?.extensions.code).toBe(code);
        expect(answer).not.toHaveProperty('data');
        answers.push([what, accept, response.status, response.contentType]);
      }
    }
    const json = 'application/json; charset=utf-8';
    const graphqlResponse = 'application/graphql-response+json; charset=utf-8';
    expect(answers).toEqual(
      cases.flatMap(([what]) => [
        [what, 'application/json', 200, json],
        [what, 'application/graphql-response+json', 400, graphqlResponse],
        [what, '*/*', 400, graphqlResponse],
        [what, undefined, 400, graphqlResponse],
      ]),
    );
    // A request that is not well-formed GraphQL-over-HTTP stays a 400, whatever is accepted.
    const malformed = await fetch(`${ets.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ qeury: '{ viewer { token } }' }),
    });
    expect(malformed.status).toBe(400);
  });
});

describe('the access rules, on GET as on POST', () => {
  it('reads as the token a GET brings, and refuses a GET without one where reads need it', async () => {
    const ets = await startTestEts({ env: { ETS_AUTH: 'all' } });
    try {
      const admin = (await readFile(join(ets.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
      const reader = dataOf(
        await ets.gql('mutation { createToken(name: "get-reader", scopes: [READ]) { secret } }', {}, admin),
      ).createToken.secret as string;
      const viewer = graphqlUrl(ets, '{ viewer { token scopes } }');
      const withToken = await fetch(viewer, { headers: { authorization: `Bearer ${reader}` } });
      expect(await withToken.json()).toEqual({ data: { viewer: { token: 'get-reader', scopes: ['READ'] } } });
      const anonymous = await fetch(graphqlUrl(ets, '{ events(first: 1) { totalCount } }'));
      expect((await answerOf(anonymous)).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      const badToken = await fetch(viewer, { headers: { authorization: 'Bearer ets_0000000000000000_nope' } });
      expect(badToken.status).toBe(401);
    } finally {
      await ets.stop();
    }
  });

  it('refuses a GET for a name that is not a loopback one while the loopback server is open', async () => {
    const ets = await startTestEts();
    try {
      const port = new URL(ets.url).port;
      const viewer = getPath('{ viewer { token } }');
      const rebound = await rawRequest(ets, 'GET', viewer, { host: `rebind.evil.example:${port}` });
      expect(rebound.status).toBe(403);
      expect(rebound.body).toContain('are refused by this loopback server');
      const local = await rawRequest(ets, 'GET', viewer, { host: `localhost:${port}` });
      expect([local.status, JSON.parse(local.body)]).toEqual([200, { data: { viewer: { token: null } } }]);
    } finally {
      await ets.stop();
    }
  });
});
