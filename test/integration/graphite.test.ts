/**
 * Graphite's events API over HTTP against the real store: the requests Grafana's Graphite
 * data source sends for annotations (read from grafana's datasource.ts and its Go backend's
 * resource_handler.go), the POSTs of graphite-web's documentation and tests, set operations,
 * Graphite's times, JSONP, bad input, tokens and the page-size limit.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIRST_TOKEN_FILE } from '../../src/first-token';
import { createTokenAt, dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';

let ets: TestEts;
let admin: string;
let writer: string;
let reader: string;

const FIND = `query($f: EventFilter) { events(filter: $f, first: 100) { totalCount nodes {
  id startTime endTime description tags changedBy } } }`;

const basic = (secret: string, user = 'grafana') => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

interface Reply {
  status: number;
  type: string;
  text: string;
  body: any;
}

async function send(
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const response = await fetch(`${ets.url}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, type, text, body: type.includes('json') && text ? JSON.parse(text) : text };
}

/** What `curl -X POST http://graphite/events/ -d '{...}'` sends: JSON, labelled as a form. */
const postEvent = (event: unknown, authorization = `Bearer ${admin}`) =>
  send('POST', '/events/', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });

const getData = (query: string, headers: Record<string, string> = {}) =>
  send('GET', `/events/get_data?${query}`, { headers });

/** The ETS events carrying a tag, as GraphQL lists them. */
async function stored(key: string, value: string) {
  return dataOf(await ets.gql(FIND, { f: { tags: { [key]: [value] } } })).events;
}

/** How many events the server holds. */
async function total(): Promise<number> {
  return dataOf(await ets.gql(FIND, {})).events.totalCount;
}

const secondsAgo = (seconds: number) => Math.floor(Date.now() / 1000) - seconds;

beforeAll(async () => {
  ets = await startTestEts();
  admin = await createTokenAt(ets, 'admin', ['ADMIN']);
  writer = await createTokenAt(ets, 'graphite-bot', ['WRITE'], { source: ['graphite'] }, admin);
  reader = await createTokenAt(ets, 'grafana', ['READ'], undefined, admin);
});
afterAll(() => ets.stop());

describe('POST /events/', () => {
  it("takes graphite-web's documented example and lists it back as graphite-web does", async () => {
    const run = uniqueId('deploy');
    const when = secondsAgo(60);
    const posted = await postEvent({
      what: 'Event - deploy',
      tags: ['deploy', `run:${run}`],
      when,
      data: 'deploy of master branch happened at Wed Jul  6 22:34:41 UTC 2016',
    });
    expect(posted).toMatchObject({ status: 200, text: '' });

    const listed = await getData(`tags=run:${run}&from=-3hours&until=now`);
    expect(listed.status).toBe(200);
    expect(listed.type).toMatch(/^application\/json/);
    expect(listed.body).toEqual([
      {
        when,
        what: 'Event - deploy',
        data: 'deploy of master branch happened at Wed Jul  6 22:34:41 UTC 2016',
        tags: ['deploy', `run:${run}`],
        id: expect.any(Number),
        etsId: expect.any(String),
      },
    ]);
    expect(Number.isSafeInteger(listed.body[0].id)).toBe(true);

    const { nodes } = await stored('run', run);
    expect(nodes).toEqual([
      expect.objectContaining({
        id: listed.body[0].etsId,
        startTime: new Date(when * 1000).toISOString(),
        endTime: new Date(when * 1000).toISOString(),
        description: 'Event - deploy\ndeploy of master branch happened at Wed Jul  6 22:34:41 UTC 2016',
        tags: { tag: ['deploy'], run: [run] },
        changedBy: 'admin',
      }),
    ]);
  });

  it('reads tags as a list, a space-separated string or a comma-separated one, key:value and key=value', async () => {
    const run = uniqueId('tags');
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [
        ['a', 'env=prod', ' kind: Kustomization ', `run:${run}`],
        { tag: ['a'], env: ['prod'], kind: ['Kustomization'] },
      ],
      [`b c service:web run:${run}`, { tag: ['b', 'c'], service: ['web'] }],
      [`"two words", env:staging, run:${run}`, { tag: ['two words'], env: ['staging'] }],
      [['tag:x:y', 'url=https://ci/1', `run:${run}`], { tag: ['x:y'], url: ['https://ci/1'] }],
    ];
    for (const [tags, expected] of cases) {
      const what = uniqueId('what');
      expect((await postEvent({ what, tags })).status).toBe(200);
      const event = (await stored('run', run)).nodes.find((node: any) => node.description === what);
      expect(event.tags).toEqual({ ...expected, run: [run] });
    }
    // Back to flat tags, each reads again as the same ETS tag.
    const listed = await getData(`tags=run:${run}`);
    const flat = listed.body.map((event: { tags: string[] }) => event.tags);
    expect(flat).toContainEqual(['tag:x:y', `url:https://ci/1`, `run:${run}`]);
    expect(flat).toContainEqual(['b', 'c', 'service:web', `run:${run}`]);
  });

  it('takes `when` with a fraction or as digits, and stamps now without one', async () => {
    const run = uniqueId('when');
    const before = Date.now();
    await postEvent({ what: 'fraction', tags: [`run:${run}`], when: 1467844481.25 });
    await postEvent({ what: 'digits', tags: [`run:${run}`], when: '1467844481' });
    await postEvent({ what: 'now', tags: [`run:${run}`] });
    const { nodes } = await stored('run', run);
    const start = (what: string) => nodes.find((node: any) => node.description === what).startTime;
    expect(start('fraction')).toBe('2016-07-06T22:34:41.250Z');
    expect(start('digits')).toBe('2016-07-06T22:34:41.000Z');
    expect(Date.parse(start('now'))).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(start('now'))).toBeLessThanOrEqual(Date.now());
  });

  it.each<[string, string, unknown]>([
    ['tags as an object (graphite-web answers 400 too)', 'tags', { what: 'x', tags: {} }],
    ['a tag that is not a string', 'tags[1]', { what: 'x', tags: ['ok', 7] }],
    ['no what', 'what', { data: 'x' }],
    ['what that is not a string', 'what', { what: 42 }],
    ['data that is not a string', 'data', { what: 'x', data: { a: 1 } }],
    ['when as a word', 'when', { what: 'x', when: 'yesterday' }],
    ['when in milliseconds (past the year 9999)', 'when', { what: 'x', when: 1467844481000000 }],
    ['a tag value past 200 characters', 'tags.k', { what: 'x', tags: [`k:${'v'.repeat(201)}`] }],
    ['a body that is not JSON', 'body', 'what=deploy'],
    ['a body that is a list', 'body', [{ what: 'x' }]],
  ])('refuses %s with 400 naming %s, writing nothing', async (_, field, event) => {
    const before = await total();
    const reply = await postEvent(event);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(reply.body.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
    expect(await total()).toBe(before);
  });
});

describe("Grafana's Graphite data source", () => {
  let service: string;
  // One instant for the whole block, so that no second boundary moves the expected times.
  const origin = Math.floor(Date.now() / 1000);
  const ago = (seconds: number) => origin - seconds;
  beforeAll(async () => {
    // ETS's own events, written over GraphQL, shown by Grafana with tags service:<name>.
    service = uniqueId('web');
    const event = (id: string, start: number, end: number, tags: Record<string, string[]>, description: string) =>
      ets.gql(
        CreateEventMutation,
        {
          event: {
            id,
            startTime: new Date(start * 1000).toISOString(),
            endTime: new Date(end * 1000).toISOString(),
            description,
            tags,
          },
        },
        admin,
      );
    await event(
      `${service}-deploy`,
      ago(7200),
      ago(7100),
      { service: [service], type: ['deploy'] },
      'Deploy v42\nby CI',
    );
    await event(`${service}-flag`, ago(600), ago(600), { service: [service], type: ['flag'] }, 'Flag on');
    await event(`${service}-old`, ago(30 * 3600), ago(30 * 3600), { service: [service] }, 'Yesterday');
    // A long incident that began before the dashboard's window and is still open.
    await event(`${service}-incident`, ago(8 * 3600), ago(60), { service: [service], type: ['incident'] }, 'Outage');
  });

  // Grafana's proxy forwards the browser's request with the data source's Basic auth.
  const proxied = (secret: string) => ({
    accept: 'application/json, text/plain, */*',
    'user-agent': 'Grafana/11.3.0',
    'x-grafana-org-id': '1',
    'x-forwarded-for': '10.0.0.7',
    authorization: basic(secret),
  });

  it('answers the browser mode request (from=-6h&until=now&tags=… unencoded) with the events of the window', async () => {
    // datasource.ts: `/events/get_data?from=${from}&until=${until}&tags=${tags}`, tags joined by a space.
    const reply = await getData(`from=-6h&until=now&tags=service:${service}`, proxied(reader));
    expect(reply.status).toBe(200);
    expect(reply.body.map((event: { etsId: string }) => event.etsId)).toEqual([
      `${service}-incident`,
      `${service}-deploy`,
      `${service}-flag`,
    ]);
    const [incident, deploy, flag] = reply.body;
    expect(deploy).toEqual({
      when: ago(7200),
      what: 'Deploy v42',
      data: 'by CI',
      tags: [`service:${service}`, 'type:deploy'],
      id: expect.any(Number),
      etsId: `${service}-deploy`,
    });
    // Its `when` is its start, before the window, as the interval overlaps it.
    expect(incident.when).toBe(ago(8 * 3600));
    expect(flag.what).toBe('Flag on');
    // What Grafana's Go backend decodes (GraphiteEventsResponse: when int64, what, tags []string, data).
    for (const event of reply.body) {
      expect(Number.isInteger(event.when)).toBe(true);
      expect(typeof event.what).toBe('string');
      expect(typeof event.data).toBe('string');
      expect(event.tags.every((tag: unknown) => typeof tag === 'string')).toBe(true);
    }
  });

  it('answers the same for two tags joined by a space, raw (browser) and form-encoded (Go backend)', async () => {
    const browser = await send('GET', `/events/get_data?from=-6h&until=now&tags=service:${service} type:deploy`, {
      headers: proxied(reader),
    });
    // resource_handler.go: url.Values.Encode() sorts the keys and writes spaces as "+".
    const backend = await send('GET', `/events/get_data?from=-6h&tags=service%3A${service}+type%3Adeploy&until=now`, {
      headers: { authorization: basic(reader), 'user-agent': 'Grafana/12.0.0', 'accept-encoding': 'gzip' },
    });
    for (const reply of [browser, backend]) {
      expect(reply.status).toBe(200);
      expect(reply.body.map((event: { etsId: string }) => event.etsId)).toEqual([`${service}-deploy`]);
    }
  });

  it('reads the translations of Grafana time ranges: -15min, -1mon and epoch seconds of an absolute range', async () => {
    const recent = await getData(`from=-15min&until=now&tags=service:${service}`);
    expect(recent.body.map((event: { etsId: string }) => event.etsId)).toEqual([
      `${service}-incident`,
      `${service}-flag`,
    ]);
    const month = await getData(`from=-1mon&until=now&tags=service:${service}`);
    expect(month.body).toHaveLength(4);
    // An absolute range: translateTime gives unix seconds, one second wider on each side.
    const absolute = await getData(`from=${ago(7201)}&until=${ago(7099)}&tags=service:${service}`);
    expect(absolute.body.map((event: { etsId: string }) => event.etsId)).toEqual([
      `${service}-incident`,
      `${service}-deploy`,
    ]);
  });

  it('reads HH:MM_YYYYMMDD and YYYYMMDD windows in UTC, until inclusive', async () => {
    const run = uniqueId('seed');
    await postEvent({ what: 'seed', tags: [`run:${run}`], when: Date.parse('2016-12-05T10:25:00Z') / 1000 });
    const ids = async (query: string) => (await getData(`${query}&tags=run:${run}`)).body.length;
    expect(await ids('from=10:00_20161205&until=11:00_20161205')).toBe(1);
    expect(await ids('from=20161205&until=20161206')).toBe(1);
    expect(await ids('from=10:25_20161205&until=10:25_20161205')).toBe(1);
    expect(await ids('from=10:26_20161205&until=11:00_20161205')).toBe(0);
    expect(await ids('from=12/05/16&until=12/06/16')).toBe(1);
    // An empty window (from after until) lists nothing, as in graphite-web.
    expect(await ids('from=11:00_20161205&until=10:00_20161205')).toBe(0);
  });

  it('lists everything up to now without from and until, oldest first', async () => {
    const reply = await getData(`tags=service:${service}`);
    expect(reply.body.map((event: { etsId: string }) => event.etsId)).toEqual([
      `${service}-old`,
      `${service}-incident`,
      `${service}-deploy`,
      `${service}-flag`,
    ]);
  });
});

describe('set=union|intersection, as graphite-web tests them (test_tag_sets)', () => {
  let foo: string;
  let bar: string;
  beforeAll(async () => {
    [foo, bar] = [uniqueId('foo'), uniqueId('bar')];
    await postEvent({ what: 'Something happened', data: 'more info', tags: [foo] });
    await postEvent({ what: 'Something else happened', data: 'even more info', tags: [bar] });
    await postEvent({ what: 'A final thing happened', data: 'yet even more info', tags: [foo, bar] });
  });
  const whats = async (query: string) =>
    (await getData(query)).body.map((event: { what: string }) => event.what).sort();

  it('matches every event of one tag by default', async () => {
    expect(await whats(`tags=${foo}`)).toEqual(['A final thing happened', 'Something happened']);
  });
  it('matches the events carrying all tags with intersection', async () => {
    expect(await whats(`tags=${foo}%20${bar}&set=intersection`)).toEqual(['A final thing happened']);
    expect(await whats(`tags=${foo}%20${bar}%20nope&set=intersection`)).toEqual([]);
    expect(await whats(`tags=${foo}%20${bar}`)).toEqual(['A final thing happened']);
  });
  it('matches the events carrying any tag with union', async () => {
    expect(await whats(`tags=${foo}%20${bar}&set=union`)).toEqual([
      'A final thing happened',
      'Something else happened',
      'Something happened',
    ]);
    expect(await whats(`tags=${foo}%20nope&set=union`)).toEqual(['A final thing happened', 'Something happened']);
  });
  it('intersects two values of one key, which one ETS filter cannot', async () => {
    const run = uniqueId('env');
    await postEvent({ what: 'both', tags: [`run:${run}`, 'env:prod', 'env:staging'] });
    await postEvent({ what: 'prod only', tags: [`run:${run}`, 'env:prod'] });
    expect(await whats(`tags=run:${run}%20env:prod%20env:staging`)).toEqual(['both']);
    expect(await whats(`tags=run:${run}%20env:prod`)).toEqual(['both', 'prod only']);
  });
});

describe('jsonp', () => {
  it('wraps the answer in the named function as text/javascript, as graphite-web does', async () => {
    const run = uniqueId('jsonp');
    await postEvent({ what: 'Something happened', data: 'more info', tags: 'other ' + `run:${run}` });
    const reply = await getData(`until=now%2B5min&jsonp=test&tags=run:${run}`, { 'sec-fetch-site': 'same-origin' });
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/javascript/);
    expect(reply.text).toMatch(/^test\(.+\)$/);
    const events = JSON.parse(reply.text.slice(5, -1));
    expect(events).toEqual([expect.objectContaining({ what: 'Something happened', tags: ['other', `run:${run}`] })]);
  });

  it('refuses a callback that is not a function name, and pages of other sites', async () => {
    const bad = await getData('jsonp=alert(1)//');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'jsonp' });
    const crossSite = await getData('jsonp=cb', { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'script' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.message).toMatch(/jsonp answers are not given to pages of another site/);
    const elsewhere = await getData('jsonp=cb', { referer: 'https://evil.example/page' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.message).toMatch(/https:\/\/evil\.example/);
    const ownPage = await getData('jsonp=cb', { referer: `${ets.url}/dashboard`, 'sec-fetch-site': 'same-origin' });
    expect(ownPage.status).toBe(200);
    // A browser without Fetch Metadata, on a page that sends no Referer, could be any site's.
    const unknown = await getData('jsonp=cb');
    expect(unknown.status).toBe(403);
  });
});

describe('bad queries', () => {
  it.each<[string, string, RegExp]>([
    ['from=-15m', 'from', /"m" is not a unit of an offset/],
    ['until=next%20tuesday', 'until', /is not a day Graphite knows/],
    ['from=2024-01-01', 'from', /must be a Graphite time/],
    ['from=20150231', 'from', /2015-02-31 is not a date/],
    ['until=99999999999999', 'until', /between the years 1 and 9999/],
    ['set=both', 'set', /must be union or intersection/],
    [`tags=k:${'v'.repeat(201)}`, 'tags.k', /at most 200 characters/],
  ])('answers 400 to %s naming %s', async (query, field, rule) => {
    const reply = await getData(query);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(reply.body.message).toMatch(rule);
  });
});

describe('tokens', () => {
  it('needs a write token to post, as GraphQL does, and takes it as a bearer or as Basic auth password', async () => {
    const run = uniqueId('auth');
    const event = { what: 'x', tags: [`run:${run}`, 'source:graphite'] };
    expect((await postEvent(event, '')).status).toBe(401);
    const readOnly = await postEvent(event, `Bearer ${reader}`);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.message).toMatch(/token "grafana" does not have the write scope/);
    expect((await postEvent(event, 'Bearer ets_0000000000000000_nope')).status).toBe(401);
    expect((await postEvent(event, 'Basic Z3JhZmFuYTo=')).status).toBe(401); // "grafana:" has no password
    expect((await postEvent(event, basic(writer))).status).toBe(200);
    expect((await postEvent(event, `Bearer ${writer}`)).status).toBe(200);
    const { nodes } = await stored('run', run);
    expect(nodes.map((node: { changedBy: string }) => node.changedBy)).toEqual(['graphite-bot', 'graphite-bot']);
  });

  it("holds a token to its namespace: the event's tags must carry it", async () => {
    const run = uniqueId('ns');
    const outside = await postEvent({ what: 'x', tags: [`run:${run}`, 'source:jenkins'] }, `Bearer ${writer}`);
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ code: 'FORBIDDEN', field: 'tags' });
    expect(outside.body.message).toMatch(/may only write events tagged source=graphite/);
    expect((await stored('run', run)).totalCount).toBe(0);
  });
});

describe('on a server whose reads need a token and whose pages are 3 events long', () => {
  let strict: TestEts;
  let strictAdmin: string;
  let strictReader: string;
  beforeAll(async () => {
    strict = await startTestEts({ env: { ETS_AUTH: 'all', ETS_MAX_PAGE_SIZE: '3' } });
    // ETS_AUTH=all: the first token is in the data folder, as `ets serve` says.
    strictAdmin = (await readFile(join(strict.ets.config.dataDir, FIRST_TOKEN_FILE), 'utf8')).trim();
    strictReader = await createTokenAt(strict, 'reader', ['READ'], undefined, strictAdmin);
  });
  afterAll(() => strict.stop());

  it('refuses reads without a token and answers Basic auth with a read token', async () => {
    expect((await fetch(`${strict.url}/events/get_data`)).status).toBe(401);
    const reply = await fetch(`${strict.url}/events/get_data?from=-1h`, {
      headers: { authorization: basic(strictReader) },
    });
    expect(reply.status).toBe(200);
  });

  it('lists the newest page-size events of the window, oldest first', async () => {
    const run = uniqueId('page');
    for (let minute = 5; minute >= 1; minute--) {
      const posted = await fetch(`${strict.url}/events/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${strictAdmin}` },
        body: JSON.stringify({ what: `${minute} minutes ago`, tags: [`run:${run}`], when: secondsAgo(minute * 60) }),
      });
      expect(posted.status).toBe(200);
    }
    const reply = await fetch(`${strict.url}/events/get_data?from=-1h&tags=run:${run}&set=union`, {
      headers: { authorization: `Bearer ${strictReader}` },
    });
    const events = (await reply.json()) as Array<{ what: string }>;
    expect(events.map((event) => event.what)).toEqual(['3 minutes ago', '2 minutes ago', '1 minutes ago']);
  });
});
