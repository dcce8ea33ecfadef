/**
 * The request log: one line per request, at its end, naming the route, the status, the
 * time, the caller's token, the GraphQL operation and the error code, read from the pino
 * output of a real server on the store under test.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import pino from 'pino';
import { startEts, type RunningEts } from '../../src/start';
import { dataOf, gqlAt, testConfig, uniqueId } from '../helpers/ets';

interface LogLine {
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}

describe('the request log', () => {
  const lines: LogLine[] = [];
  let ets: RunningEts;
  beforeAll(async () => {
    const config = testConfig({ mongodbUri: process.env.MONGODB_URI || undefined });
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    ets = await startEts(config, { logger, database: `ets_test_${randomUUID().slice(0, 8)}` });
  });
  afterAll(async () => {
    await ets.stop();
    await rm(ets.config.dataDir, { recursive: true, force: true });
  });

  const completed = () => lines.filter((line) => line.msg === 'request completed');
  const lineOf = (match: (line: LogLine) => boolean): LogLine => {
    const found = completed().filter(match);
    expect(found).toHaveLength(1);
    return found[0] as LogLine;
  };

  it('is one line per request, at its end, with the route, status, time, token, operation and error code', async () => {
    const before = completed().length;
    const name = `log-bot-${randomUUID().slice(0, 8)}`;
    const token = dataOf(
      await gqlAt<{ createToken: { secret: string } }>(
        ets.url,
        'mutation MakeToken($n: String!) { createToken(name: $n, scopes: [WRITE]) { secret } }',
        { n: name },
      ),
    ).createToken.secret;
    const create = 'mutation CreateLogged($e: EventInput!) { createEvent(event: $e) { id } }';
    dataOf(await gqlAt(ets.url, create, { e: { id: uniqueId('log') } }, { token }));
    const bad = await gqlAt(ets.url, create, { e: { tags: { service: 'not a list' } } }, { token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await gqlAt(ets.url, 'query Broken { noSuchField }');
    dataOf(await gqlAt(ets.url, '{ __typename }'));
    const missing = uniqueId('missing');
    expect((await fetch(`${ets.url}/api/v1/event/${missing}`)).status).toBe(404);
    const refused = await fetch(`${ets.url}/api/v1/event/${missing}`, {
      headers: { authorization: 'Bearer ets_0000000000000000_nope' },
    });
    expect(refused.status).toBe(401);
    expect((await fetch(`${ets.url}/healthz`)).status).toBe(200);

    // Eight requests, eight lines: nothing when a request comes in, one each when it is answered.
    expect(completed().length - before).toBe(8);
    expect(lines.filter((line) => line.msg === 'incoming request')).toEqual([]);
    const ids = completed().map((line) => line.reqId);
    expect(new Set(ids).size).toBe(ids.length);

    const made = lineOf((line) => line.operation === 'CreateLogged' && line.code === undefined);
    expect(made).toMatchObject({
      method: 'POST',
      route: '/graphql',
      status: 200,
      token: name,
      operationType: 'mutation',
    });
    expect(typeof made.ms).toBe('number');
    expect(lineOf((line) => line.operation === 'CreateLogged' && line.code !== undefined)).toMatchObject({
      token: name,
      operationType: 'mutation',
      code: 'BAD_USER_INPUT',
    });
    expect(lineOf((line) => line.operation === 'MakeToken')).toMatchObject({ token: '(anonymous)' });
    expect(lineOf((line) => line.operation === 'Broken')).toMatchObject({
      operationType: 'query',
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(lineOf((line) => line.route === '/graphql' && line.operation === null)).toMatchObject({
      operationType: 'query',
      token: '(anonymous)',
    });
    expect(lineOf((line) => line.url === `/api/v1/event/${missing}` && line.status === 404)).toMatchObject({
      method: 'GET',
      route: '/api/v1/event/:id',
      token: '(anonymous)',
      code: 'NOT_FOUND',
    });
    // A token that is refused never becomes the caller.
    const unauthenticated = lineOf((line) => line.status === 401);
    expect(unauthenticated).toMatchObject({ route: '/api/v1/event/:id', code: 'UNAUTHENTICATED' });
    expect(unauthenticated).not.toHaveProperty('token');
    // Public routes have no caller to name.
    expect(lineOf((line) => line.route === '/healthz')).not.toHaveProperty('token');
  });
});
