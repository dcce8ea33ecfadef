/**
 * Tokens and who may do what, over HTTP (GraphQL and REST), graphql-ws and the CLI:
 * secure by default, scopes, namespaces, revocation, changedBy, CORS and the rate limit.
 */
import { readFile, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { EtsClient } from 'ets-client';
import { runEts } from '../helpers/cli';
import { dataOf, startTestEts, uniqueId, type GraphQLResponse, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';
import { subscribe } from '../helpers/subscriber';

const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e) { id tags revision changedBy } }';
const REPLACE = 'mutation($e: EventInput!) { replaceEvent(event: $e) { id tags } }';
const GET = 'query($id: ID!) { event(id: $id) { id tags revision changedBy revisions { revision changedBy } } }';
const CREATE_TOKEN = `mutation($n: String!, $s: [Scope!]!, $ns: TagMap) {
  createToken(name: $n, scopes: $s, namespace: $ns) { secret token { name scopes namespace createdBy } } }`;

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

async function rest(
  ets: TestEts,
  method: string,
  path: string,
  { token, body, headers }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${ets.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** A request with a Host header of its own (fetch may not set one). */
function requestWithHost(ets: TestEts, host: string, token?: string): Promise<{ status: number; body: string }> {
  const headers = { host, ...(token && { authorization: `Bearer ${token}` }) };
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${ets.url}/api/v1/event/?tag=a:b`, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The close code and reason the server ends a graphql-ws connection with after connection_init. */
function connectWith(ets: TestEts, payload: unknown): Promise<{ code: number; reason: string; acked: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let acked = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') {
        acked = true;
        socket.close(1000);
      }
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), acked }));
    socket.on('error', reject);
  });
}

/** Makes a token over GraphQL, with the given token's rights (none: anonymous). */
async function makeToken(
  ets: TestEts,
  name: string,
  scopes: string[],
  { by, namespace }: { by?: string; namespace?: Record<string, string[]> } = {},
): Promise<{ secret: string; token: Record<string, unknown> }> {
  return dataOf(await ets.gql(CREATE_TOKEN, { n: name, s: scopes, ns: namespace }, by)).createToken;
}

// Each test of a fresh server gets a server of its own: what one does to it (the first
// token) must not decide what the next one sees.
describe('a fresh server listening on loopback', () => {
  let ets: TestEts;
  beforeEach(async () => {
    ets = await startTestEts();
  });
  afterEach(() => ets.stop());

  it('runs open while no token exists, and says so through viewer', async () => {
    const viewer = dataOf(await ets.gql('{ viewer { token scopes } }'));
    expect(viewer.viewer).toEqual({ token: null, scopes: ['READ', 'WRITE', 'ADMIN'] });
    const created = dataOf(await ets.gql(CreateEventMutation, { event: { id: uniqueId() } }));
    expect(created.createEvent.changedBy).toBeNull();
  });

  it('while open, serves only loopback names: another one is a DNS-rebinding page', async () => {
    const port = new URL(ets.url).port;
    const rebound = await requestWithHost(ets, `rebind.evil.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(
      /requests without a token for host rebind\.evil\.example:\d+ are refused by this loopback server/,
    );
    expect((await requestWithHost(ets, `localhost:${port}`)).status).toBe(200);
  });

  it('asks writes for a token once the first one exists; reads stay open', async () => {
    dataOf(await ets.gql(CreateEventMutation, { event: { id: uniqueId() } }));
    const first = await makeToken(ets, 'admin', ['ADMIN']);
    expect(first.secret).toMatch(/^ets_/);
    expect(first.token).toEqual({ name: 'admin', scopes: ['ADMIN'], namespace: null, createdBy: null });

    const refused = await ets.gql(CreateEventMutation, { event: { id: uniqueId() } });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toBe('writing needs a token with the write scope');
    const restRefused = await rest(ets, 'PUT', '/api/v1/event/', { body: { event: { id: uniqueId() } } });
    expect(restRefused.status).toBe(401);
    expect(restRefused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(dataOf(await ets.gql('{ events(first: 1) { totalCount } }')).events.totalCount).toBe(1);
    expect(dataOf(await ets.gql('{ viewer { scopes } }')).viewer.scopes).toEqual(['READ']);
  });

  it('still refuses rebound names while reads are open, unless a token comes along', async () => {
    const admin = (await makeToken(ets, 'admin', ['ADMIN'])).secret;
    const port = new URL(ets.url).port;
    expect((await requestWithHost(ets, `rebind.evil.example:${port}`)).status).toBe(403);
    expect((await requestWithHost(ets, `rebind.evil.example:${port}`, admin)).status).toBe(200);
    expect((await requestWithHost(ets, `127.0.0.1:${port}`)).status).toBe(200);
    // A websocket for a rebound name is refused at the handshake.
    const refused = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
        headers: { host: `rebind.evil.example:${port}` },
      });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        resolve(101);
      });
      socket.on('error', () => undefined);
    });
    expect(refused).not.toBe(101);
  });
});

// These tests share one server and its four tokens; none changes what another reads.
describe('a server with tokens', () => {
  let ets: TestEts;
  let admin: string;
  let writer: string;
  let reader: string;
  let jenkins: string;
  beforeAll(async () => {
    ets = await startTestEts();
    admin = (await makeToken(ets, 'admin', ['ADMIN'])).secret;
    writer = (await makeToken(ets, 'writer', ['WRITE'], { by: admin })).secret;
    reader = (await makeToken(ets, 'reader', ['READ'], { by: admin })).secret;
    jenkins = (await makeToken(ets, 'jenkins', ['WRITE'], { by: admin, namespace: { source: ['jenkins'] } })).secret;
  });
  afterAll(() => ets.stop());

  it('creates tokens with an admin token only', async () => {
    const made = await makeToken(ets, 'maker', ['WRITE'], { by: admin });
    expect(made.token.createdBy).toBe('admin');

    const byWriter = await ets.gql(CREATE_TOKEN, { n: 'sneaky', s: ['ADMIN'] }, writer);
    expect(codeOf(byWriter)).toBe('FORBIDDEN');
    expect(byWriter.errors?.[0]?.message).toBe('token "writer" does not have the admin scope');
    const taken = await ets.gql(CREATE_TOKEN, { n: 'writer', s: ['READ'] }, admin);
    expect(codeOf(taken)).toBe('CONFLICT');
    const badName = await ets.gql(CREATE_TOKEN, { n: 'has space', s: ['READ'] }, admin);
    expect(badName.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('records on every version which token made it', async () => {
    const id = uniqueId();
    expect(
      dataOf(await ets.gql(CreateEventMutation, { event: { id, tags: { k: ['1'] } } }, writer)).createEvent.changedBy,
    ).toBe('writer');
    dataOf(await ets.gql(MERGE, { e: { id, tags: { k: ['2'] } } }, admin));
    const event = dataOf(await ets.gql(GET, { id })).event;
    expect(event).toMatchObject({ revision: 2, changedBy: 'admin', revisions: [{ revision: 1, changedBy: 'writer' }] });
    const restEvent = await rest(ets, 'GET', `/api/v1/event/${id}`);
    expect(restEvent.body.changed_by).toBe('admin');
  });

  it('forbids writes to a read token: FORBIDDEN, 403 on REST, and nothing written', async () => {
    const id = uniqueId();
    const refused = await ets.gql(CreateEventMutation, { event: { id } }, reader);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'token "reader" does not have the write scope',
      extensions: { code: 'FORBIDDEN' },
    });
    const restRefused = await rest(ets, 'PUT', '/api/v1/event/', { token: reader, body: { event: { id } } });
    expect(restRefused.status).toBe(403);
    expect(dataOf(await ets.gql(GET, { id }, reader)).event).toBeNull();
    expect(codeOf(await ets.gql('{ tokens { name } }', {}, reader))).toBe('FORBIDDEN');
  });

  describe('a token limited to a namespace', () => {
    it('writes only events carrying its tags', async () => {
      const outside = await ets.gql(
        CreateEventMutation,
        { event: { id: uniqueId(), tags: { source: ['human'] } } },
        jenkins,
      );
      expect(outside.errors?.[0]).toMatchObject({
        message: 'token "jenkins" may only write events tagged source=jenkins',
        extensions: { code: 'FORBIDDEN', field: 'event.tags' },
      });
      const inside = await ets.gql(
        CreateEventMutation,
        { event: { id: uniqueId(), tags: { source: ['jenkins'] } } },
        jenkins,
      );
      expect(inside.data?.createEvent.changedBy).toBe('jenkins');
    });

    it("cannot rewrite or delete a human's event, nor move its own out", async () => {
      const human = uniqueId('human');
      dataOf(await ets.gql(CreateEventMutation, { event: { id: human, tags: { source: ['human'] } } }, writer));
      const merged = await ets.gql(MERGE, { e: { id: human, tags: { source: ['jenkins'] } } }, jenkins);
      expect(merged.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', field: 'event.id' });
      const deleted = await rest(ets, 'DELETE', `/api/v1/event/${encodeURIComponent(human)}/delete`, {
        token: jenkins,
      });
      expect(deleted.status).toBe(403);
      expect(dataOf(await ets.gql(GET, { id: human })).event).toMatchObject({
        revision: 1,
        tags: { source: ['human'] },
      });

      const own = uniqueId('ci');
      dataOf(await ets.gql(CreateEventMutation, { event: { id: own, tags: { source: ['jenkins'] } } }, jenkins));
      const movedOut = await ets.gql(REPLACE, { e: { id: own, tags: { source: ['human'] } } }, jenkins);
      expect(movedOut.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', field: 'event.tags' });
      expect(
        dataOf(await ets.gql(MERGE, { e: { id: own, tags: { status: ['ok'] } } }, jenkins)).mergeEvent.revision,
      ).toBe(2);
    });

    it('fails only the items of a batch outside its namespace', async () => {
      const batch = dataOf(
        await ets.gql(
          `mutation($es: [EventInput!]!) { createEvents(events: $es) {
            createdCount failedCount results { index error { code field } } } }`,
          { es: [{ tags: { source: ['jenkins'] } }, { tags: { source: ['other'] } }] },
          jenkins,
        ),
      ).createEvents;
      expect(batch).toMatchObject({ createdCount: 1, failedCount: 1 });
      expect(batch.results[1]).toEqual({ index: 1, error: { code: 'FORBIDDEN', field: 'events[1].tags' } });
    });
  });

  it('refuses malformed, unknown and revoked tokens with UNAUTHENTICATED (401 on REST)', async () => {
    for (const authorization of [
      'Basic YWxhZGRpbjpvcGVu',
      'Bearer',
      'Bearer not-a-token',
      `Bearer ets_${'0'.repeat(16)}_${'A'.repeat(43)}`,
    ]) {
      const response = await rest(ets, 'GET', '/api/v1/event/x', { headers: { authorization } });
      expect({ authorization, status: response.status, code: response.body.code }).toEqual({
        authorization,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    const temporary = (await makeToken(ets, 'temporary', ['WRITE'], { by: admin })).secret;
    expect(dataOf(await ets.gql('{ viewer { token } }', {}, temporary)).viewer.token).toBe('temporary');
    const revoked = dataOf(await ets.gql('mutation { revokeToken(name: "temporary") { name revokedAt } }', {}, admin));
    expect(revoked.revokeToken.revokedAt).toEqual(expect.any(String));
    const after = await ets.gql('{ viewer { token } }', {}, temporary);
    expect(after.errors?.[0]).toMatchObject({
      message: 'token "temporary" was revoked',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(after.status).toBe(401);
    expect((await rest(ets, 'GET', '/api/v1/event/x', { token: temporary })).status).toBe(401);
    expect(codeOf(await ets.gql('mutation { revokeToken(name: "temporary") { name } }', {}, admin))).toBe('CONFLICT');
    expect(codeOf(await ets.gql('mutation { revokeToken(name: "nobody") { name } }', {}, admin))).toBe('NOT_FOUND');
  });

  it('keeps a namespaced token from taking the id of a deleted event it could not have written', async () => {
    const id = uniqueId('human');
    dataOf(await ets.gql(CreateEventMutation, { event: { id, tags: { source: ['human'] } } }, writer));
    dataOf(await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id }, writer));
    const taken = await ets.gql(CreateEventMutation, { event: { id, tags: { source: ['jenkins'] } } }, jenkins);
    expect(taken.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', field: 'event.id' });
    const batch = dataOf(
      await ets.gql(
        'mutation($es: [EventInput!]!) { createEvents(events: $es) { results { error { code field } } } }',
        { es: [{ id, tags: { source: ['jenkins'] } }] },
        jenkins,
      ),
    );
    expect(batch.createEvents.results[0].error).toEqual({ code: 'FORBIDDEN', field: 'events[0].id' });
    // The human's version can still be restored.
    expect(
      dataOf(await ets.gql('mutation($id: ID!) { restoreEvent(id: $id) { id } }', { id }, writer)).restoreEvent.id,
    ).toBe(id);
  });

  it('stores tokens only as hashes, and records their last use', async () => {
    dataOf(await ets.gql('{ viewer { token } }', {}, writer));
    const stored = JSON.stringify(await ets.storedRows('tokens'));
    expect(stored).toContain('"writer"');
    for (const secret of [admin, writer, reader, jenkins]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(22)); // the secret part alone
    }
    const listed = dataOf(await ets.gql('{ tokens { name lastUsedAt revokedAt } }', {}, admin)).tokens;
    // Listed in the order they were made (other tests may have made more after these).
    expect(listed.map((t: { name: string }) => t.name).slice(0, 4)).toEqual(['admin', 'writer', 'reader', 'jenkins']);
    expect(listed.find((t: { name: string }) => t.name === 'writer').lastUsedAt).toEqual(expect.any(String));
  });

  it('ends the open websockets of a token when it is revoked', async () => {
    const secret = (await makeToken(ets, 'socket-bot', ['WRITE'], { by: admin })).secret;
    const socket = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve();
      }),
    );
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } })),
    );
    await acked;
    dataOf(await ets.gql('mutation { revokeToken(name: "socket-bot") { name } }', {}, admin));
    expect(await closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED: token "socket-bot" was revoked' });
  });

  it('takes the token of a subscription from connection_init', async () => {
    const refused = await connectWith(ets, { authorization: 'Bearer nonsense' });
    expect(refused).toMatchObject({ code: 4403, acked: false });
    expect(refused.reason).toMatch(/^UNAUTHENTICATED: /);
    expect(await connectWith(ets, { authorization: `Bearer ${reader}` })).toMatchObject({ acked: true });
    // The client gives up on a refused token at once, with the server's code.
    const tail = new EtsClient({ url: ets.url, token: 'nonsense' }).tail();
    await expect(tail.next()).rejects.toMatchObject({ name: 'EtsError', code: 'UNAUTHENTICATED' });

    const run = uniqueId('run');
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } }, { token: reader });
    try {
      dataOf(await ets.gql(CreateEventMutation, { event: { tags: { run: [run] } } }, writer));
      const [change] = await subscriber.waitFor(1);
      expect(change?.kind).toBe('CREATED');
    } finally {
      await subscriber.close();
    }
  });

  it('manages tokens from the command line', async () => {
    const env = { ETS_TOKEN: admin };
    const created = await runEts(
      ['token', 'create', 'deploy-bot', '--scope', 'write', '--namespace', 'source=deploy'],
      {
        url: ets.url,
        env,
      },
    );
    expect(created).toMatchObject({ code: 0, stderr: 'token "deploy-bot" created; it is shown only this once\n' });
    const secret = created.stdout.trim();
    expect(dataOf(await ets.gql('{ viewer { token scopes namespace } }', {}, secret)).viewer).toEqual({
      token: 'deploy-bot',
      scopes: ['WRITE'],
      namespace: { source: ['deploy'] },
    });
    const listed = await runEts(['token', 'list'], { url: ets.url, env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^deploy-bot\twrite\tsource=deploy\tlast used /m);
    expect(await runEts(['token', 'revoke', 'deploy-bot'], { url: ets.url, env })).toMatchObject({ code: 0 });
    const denied = await runEts(['token', 'list'], { url: ets.url, env: { ETS_TOKEN: writer } });
    expect(denied).toMatchObject({ code: 2, stderr: 'ets: FORBIDDEN: token "writer" does not have the admin scope\n' });
  });
});

describe('ETS_AUTH=all', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts({ env: { ETS_AUTH: 'all' } });
  });
  afterAll(() => ets.stop());

  it('asks reads for a token too, over GraphQL, REST and subscriptions; introspection stays open', async () => {
    expect(codeOf(await ets.gql('{ events { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect((await rest(ets, 'GET', '/api/v1/event/?tag=a:b')).status).toBe(401);
    // The check follows the route, not the spelling of its path.
    expect((await rest(ets, 'GET', '/%61pi/v1/event/?tag=a:b')).status).toBe(401);
    expect(dataOf(await ets.gql('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
    const subscriber = await subscribe(ets.url);
    try {
      await expect(subscriber.waitFor(1)).rejects.toThrow('the subscription completed');
      expect(subscriber.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      await subscriber.close();
    }
  });

  it('streams changes to a subscriber whose connection_init carries a read token', async () => {
    const admin = (await readFile(join(ets.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
    const reader = dataOf(await ets.gql(CREATE_TOKEN, { n: 'reader', s: ['READ'] }, admin)).createToken.secret;
    const run = uniqueId('run');
    const subscriber = await subscribe(ets.url, { tags: { run: [run] } }, { token: reader });
    try {
      dataOf(await ets.gql(CreateEventMutation, { event: { tags: { run: [run] } } }, admin));
      const [change] = await subscriber.waitFor(1);
      expect(change?.kind).toBe('CREATED');
    } finally {
      await subscriber.close();
    }
  });
});

describe('a server listening beyond loopback', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts({ env: { HOST: '0.0.0.0' }, host: '0.0.0.0' });
  });
  afterAll(() => ets.stop());

  it('asks writes for a token from the start, and leaves a first admin token in a private file', async () => {
    expect(codeOf(await ets.gql(CreateEventMutation, { event: { id: uniqueId() } }))).toBe('UNAUTHENTICATED');
    const file = join(ets.ets.config.dataDir, 'first-admin-token');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const first = (await readFile(file, 'utf8')).trim();
    const viewer = dataOf(await ets.gql('{ viewer { token scopes } }', {}, first)).viewer;
    expect(viewer).toEqual({ token: expect.stringMatching(/^first-admin-\d{8}T\d{6}$/), scopes: ['ADMIN'] });
    expect(dataOf(await ets.gql(CreateEventMutation, { event: { id: uniqueId() } }, first)).createEvent.changedBy).toBe(
      viewer.token,
    );
  });
});

describe('browsers on other origins', () => {
  let ets: TestEts;
  const app = 'https://app.example.com';
  beforeAll(async () => {
    ets = await startTestEts({ env: { ETS_CORS_ORIGINS: app } });
  });
  afterAll(() => ets.stop());

  it('lets a configured origin call the API, after a preflight', async () => {
    const preflight = await fetch(`${ets.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: app,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(app);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const query = await rest(ets, 'POST', '/graphql', {
      body: { query: '{ viewer { token } }' },
      headers: { origin: app },
    });
    expect(query.status).toBe(200);
    expect(query.headers.get('access-control-allow-origin')).toBe(app);
  });

  it('refuses writes from any other origin, and its websockets', async () => {
    const id = uniqueId();
    const evil = { origin: 'https://evil.example.com' };
    const post = await fetch(`${ets.url}/api/v1/event/`, {
      method: 'POST',
      headers: { ...evil, 'content-type': 'text/plain' }, // a "simple" request: no preflight
      body: JSON.stringify({ operation: 'merge', insert: true, event: { id } }),
    });
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual({
      message: 'requests from origin https://evil.example.com are not allowed (ETS_CORS_ORIGINS)',
      code: 'FORBIDDEN',
    });
    const read = await fetch(`${ets.url}/api/v1/event/?tag=a:b`, { headers: evil });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const socket = new WebSocket(`${ets.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', evil);
    const status = await new Promise((resolve) =>
      socket.on('unexpected-response', (_, response) => resolve(response.statusCode)),
    );
    expect(status).toBe(401);
    expect(dataOf(await ets.gql(GET, { id })).event).toBeNull();
  });
});

describe('the rate limit', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts({ env: { ETS_RATE_LIMIT: '1', ETS_RATE_BURST: '4' } });
  });
  afterAll(() => ets.stop());

  it('refuses a caller over its rate with 429 and Retry-After, and no one else', async () => {
    // A token of its own: counted apart from the address (its creation costs the address one).
    const token = dataOf(await ets.gql(CREATE_TOKEN, { n: 'own-rate', s: ['READ'] })).createToken.secret;
    const answers = await Promise.all(Array.from({ length: 8 }, () => rest(ets, 'GET', '/api/v1/event/?tag=a:b')));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeGreaterThanOrEqual(4);
    expect(refused[0]?.body).toEqual({
      message: 'too many requests from address 127.0.0.1 (ETS_RATE_LIMIT); retry after 1s',
      code: 'RATE_LIMITED',
    });
    expect(refused[0]?.headers.get('retry-after')).toBe('1');
    // What a client may still send at once (@fastify/rate-limit's headers; the limit is the burst).
    const allowed = answers.find((answer) => answer.status === 200);
    expect(allowed?.headers.get('x-ratelimit-limit')).toBe('4');
    expect(Number(allowed?.headers.get('x-ratelimit-remaining'))).toBeLessThan(4);
    const graphql = await ets.gql('{ viewer { token } }');
    expect(graphql.status).toBe(429);
    expect(codeOf(graphql)).toBe('RATE_LIMITED');
    expect((await rest(ets, 'GET', '/api/v1/event/?tag=a:b', { token })).status).toBe(200);
  });

  it('counts refused tokens against their address, so guessing is limited too', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        rest(ets, 'GET', '/api/v1/event/x', { token: `ets_${String(i).repeat(16)}_${'A'.repeat(43)}` }),
      ),
    );
    expect(guesses.map((guess) => guess.status)).toContain(429);
  });

  it("counts signed webhooks' deliveries by address, so a hook's secret cannot be guessed at speed", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        rest(ets, 'POST', '/hooks/gitlab', { body: {}, headers: { 'x-gitlab-token': `guess-${i}` } }),
      ),
    );
    expect(guesses.map((guess) => guess.status)).toContain(429);
  });
});
