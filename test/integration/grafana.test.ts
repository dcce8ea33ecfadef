/**
 * Grafana's annotations API over HTTP against the real store: the exact requests of the
 * tools that push annotations (Argo CD notifications' grafana service, Flux's Grafana
 * provider, Grafana's documented examples, scripts posting Graphite-format annotations),
 * the annotation list with tags, matchAny, windows and limits, bad input and tokens.
 */
import { createTokenAt, dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let ets: TestEts;
let admin: string;
let argo: string;
let reader: string;

const FIND = `query($f: EventFilter) { events(filter: $f, first: 100) { totalCount nodes {
  id startTime endTime description tags changedBy } } }`;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Reply {
  status: number;
  body: any;
}

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  const response = await fetch(`${ets.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : text };
}

/** As the Go clients send it: JSON with a bearer key. */
const post = (path: string, body: unknown, authorization = `Bearer ${admin}`) =>
  send('POST', path, { 'content-type': 'application/json', authorization }, body);

const find = (query: string, authorization?: string) =>
  send('GET', `/api/annotations?${query}`, {
    accept: 'application/json',
    'content-type': 'application/json',
    ...(authorization && { authorization }),
  });

async function stored(key: string, value: string) {
  return dataOf(await ets.gql(FIND, { f: { tags: { [key]: [value] } } })).events;
}

async function total(): Promise<number> {
  return dataOf(await ets.gql(FIND, {})).events.totalCount;
}

beforeAll(async () => {
  ets = await startTestEts();
  admin = await createTokenAt(ets, 'admin', ['ADMIN']);
  argo = await createTokenAt(ets, 'argocd', ['WRITE'], { source: ['argocd'] }, admin);
  reader = await createTokenAt(ets, 'dashboards', ['READ'], undefined, admin);
});
afterAll(() => ets.stop());

describe('Argo CD notifications (notifications-engine pkg/services/grafana.go)', () => {
  it('posts to apiUrl + "/annotations" and gets the 200 it checks for', async () => {
    const app = uniqueId('guestbook');
    // Send(): tags = recipient split on "|" (+ the template's and the service's), time in ms.
    const recipient = `source:argocd|app:${app}|deploy`;
    const time = Math.floor(Date.now() / 1000) * 1000;
    const apiUrl = new URL('/api', ets.url);
    const reply = await post(
      `${apiUrl.pathname}/annotations`,
      {
        time,
        isRegion: false,
        tags: recipient.split('|'),
        text: `Application ${app} is now running new version of deployments manifests.`,
      },
      `Bearer ${argo}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ message: 'Annotation added', id: expect.any(Number), etsId: expect.any(String) });

    const { nodes } = await stored('app', app);
    expect(nodes).toEqual([
      {
        id: reply.body.etsId,
        startTime: new Date(time).toISOString(),
        endTime: new Date(time).toISOString(),
        description: `Application ${app} is now running new version of deployments manifests.`,
        tags: { source: ['argocd'], app: [app], tag: ['deploy'] },
        changedBy: 'argocd',
      },
    ]);

    const listed = await find(`from=${time - 1000}&to=${time + 1000}&tags=app:${app}`, `Bearer ${reader}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: reply.body.id,
        alertId: 0,
        alertName: '',
        dashboardId: 0,
        dashboardUID: null,
        panelId: 0,
        userId: 0,
        newState: '',
        prevState: '',
        created: expect.any(Number),
        updated: expect.any(Number),
        time,
        timeEnd: time,
        text: `Application ${app} is now running new version of deployments manifests.`,
        tags: ['source:argocd', `app:${app}`, 'deploy'],
        login: 'argocd',
        email: '',
        avatarUrl: '',
        data: {},
        etsId: reply.body.etsId,
      },
    ]);
  });

  it('is held to its namespace: an annotation without source:argocd is refused, nothing written', async () => {
    const before = await total();
    const reply = await post('/api/annotations', { time: Date.now(), tags: ['deploy'], text: 'x' }, `Bearer ${argo}`);
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'FORBIDDEN', field: 'tags' });
    expect(reply.body.message).toMatch(/may only write events tagged source=argocd/);
    expect(await total()).toBe(before);
  });
});

describe("Flux's Grafana provider (notification-controller internal/notifier/grafana.go)", () => {
  it('posts when (epoch seconds), text and "key: value" tags, with a token or Basic auth', async () => {
    const name = uniqueId('podinfo');
    const when = Math.floor(Date.now() / 1000) - 30;
    const payload = {
      when,
      text: `kustomization/${name}.flux-system`,
      tags: [
        'flux',
        'kustomize-controller',
        'kustomize.toolkit.fluxcd.io/revision: main@sha1|731f7eaddfb6',
        'kind: Kustomization',
        `name: ${name}`,
        'namespace: flux-system',
      ],
    };
    // Token set: "Authorization: Bearer"; username and password alone: Basic.
    expect((await post('/api/annotations', payload, `Bearer ${admin}`)).status).toBe(200);
    expect((await post('/api/annotations', { ...payload, when: when + 1 }, basic('flux', admin))).status).toBe(200);

    const { nodes } = await stored('name', name);
    expect(nodes.map((node: { startTime: string }) => node.startTime)).toEqual([
      new Date((when + 1) * 1000).toISOString(),
      new Date(when * 1000).toISOString(),
    ]);
    expect(nodes[0].tags).toEqual({
      tag: ['flux', 'kustomize-controller'],
      'kustomize.toolkit.fluxcd.io/revision': ['main@sha1|731f7eaddfb6'],
      kind: ['Kustomization'],
      name: [name],
      namespace: ['flux-system'],
    });
    // Flux's docs: a dashboard annotation query on the tag "flux", Match any.
    const listed = await find(`tags=flux&tags=name:${name}&matchAny=false`);
    expect(listed.body.map((annotation: { text: string }) => annotation.text)).toEqual([
      `kustomization/${name}.flux-system`,
      `kustomization/${name}.flux-system`,
    ]);
    expect(listed.body[0].tags).toEqual([
      'flux',
      'kustomize-controller',
      'kustomize.toolkit.fluxcd.io/revision:main@sha1|731f7eaddfb6',
      'kind:Kustomization',
      `name:${name}`,
      'namespace:flux-system',
    ]);
  });
});

describe("Grafana's documented requests (developers/http_api/annotations.md)", () => {
  it('creates a region annotation of a dashboard panel and lists it with its dashboard and panel', async () => {
    const run = uniqueId('region');
    const reply = await send(
      'POST',
      '/api/annotations',
      { accept: 'application/json', 'content-type': 'application/json', authorization: basic('admin', admin) },
      {
        dashboardUID: 'jcIIG-07z',
        panelId: 1,
        time: 1507037197339,
        timeEnd: 1507180805056,
        tags: ['tag1', 'tag2', `run:${run}`],
        text: 'Annotation Description',
      },
    );
    expect(reply).toMatchObject({ status: 200, body: { message: 'Annotation added' } });
    const { nodes } = await stored('run', run);
    expect(nodes[0]).toMatchObject({
      startTime: '2017-10-03T13:26:37.339Z',
      endTime: '2017-10-05T05:20:05.056Z',
      tags: { tag: ['tag1', 'tag2'], run: [run], grafana_dashboard_uid: ['jcIIG-07z'], grafana_panel_id: ['1'] },
    });

    const listed = await find(`from=1506676478816&to=1507281278816&tags=tag1&tags=run:${run}&limit=100`);
    expect(listed.body).toEqual([
      expect.objectContaining({
        dashboardUID: 'jcIIG-07z',
        panelId: 1,
        time: 1507037197339,
        timeEnd: 1507180805056,
        text: 'Annotation Description',
        tags: ['tag1', 'tag2', `run:${run}`],
      }),
    ]);
    expect((await find(`dashboardUID=jcIIG-07z&tags=run:${run}`)).body).toHaveLength(1);
    expect((await find(`dashboardUID=other&tags=run:${run}`)).body).toHaveLength(0);
    expect((await find(`panelId=1&tags=run:${run}`)).body).toHaveLength(1);
    expect((await find(`panelId=2&tags=run:${run}`)).body).toHaveLength(0);
  });

  it('swaps a timeEnd before time, as Grafana does, and stamps now when no time is given', async () => {
    const run = uniqueId('swap');
    await post('/api/annotations', { time: 1507180805056, timeEnd: 1507037197339, tags: [`run:${run}`], text: 'swap' });
    const before = Date.now();
    await post('/api/annotations', { time: 0, tags: [`run:${run}`], text: 'now' });
    const { nodes } = await stored('run', run);
    const byText = (text: string) => nodes.find((node: { description: string }) => node.description === text);
    expect(byText('swap')).toMatchObject({
      startTime: '2017-10-03T13:26:37.339Z',
      endTime: '2017-10-05T05:20:05.056Z',
    });
    expect(Date.parse(byText('now').startTime)).toBeGreaterThanOrEqual(before - 1);
  });

  it('takes Graphite-format annotations at /api/annotations/graphite', async () => {
    const run = uniqueId('graphite');
    const reply = await post('/api/annotations/graphite', {
      what: 'Event - deploy',
      tags: ['deploy', 'production', `run:${run}`],
      when: 1467844481,
      data: 'deploy of master branch happened at Wed Jul 6 22:34:41 UTC 2016',
    });
    // CI scripts check the message.
    expect(reply).toEqual({
      status: 200,
      body: { message: 'Graphite annotation added', id: expect.any(Number), etsId: expect.any(String) },
    });
    await post('/api/annotations/graphite', { what: 'Older format', tags: `deploy run:${run}` });
    const listed = await find(`tags=run:${run}`);
    expect(
      listed.body.map((annotation: { text: string; tags: string[] }) => [annotation.text, annotation.tags]),
    ).toEqual([
      ['Older format', ['deploy', `run:${run}`]],
      [
        'Event - deploy\ndeploy of master branch happened at Wed Jul 6 22:34:41 UTC 2016',
        ['deploy', 'production', `run:${run}`],
      ],
    ]);
    expect(listed.body[1].time).toBe(1467844481000);
    // The same event through Graphite's API: what and data again.
    const graphite = await send('GET', `/events/get_data?tags=run:${run}%20production`, {});
    expect(graphite.body).toEqual([
      expect.objectContaining({
        when: 1467844481,
        what: 'Event - deploy',
        data: 'deploy of master branch happened at Wed Jul 6 22:34:41 UTC 2016',
        id: reply.body.id,
        etsId: reply.body.etsId,
      }),
    ]);
  });
});

describe('GET /api/annotations', () => {
  let run: string;
  const base = Date.parse('2024-05-01T12:00:00.000Z');
  beforeAll(async () => {
    run = uniqueId('list');
    const add = (minutes: number, tags: string[], text: string, length = 0) =>
      post('/api/annotations', {
        time: base + minutes * 60_000,
        ...(length && { timeEnd: base + (minutes + length) * 60_000 }),
        tags: [`run:${run}`, ...tags],
        text,
      });
    await add(0, ['deploy', 'service:web'], 'web deploy');
    await add(10, ['deploy', 'service:api'], 'api deploy');
    await add(20, ['incident', 'service:web'], 'web incident', 30);
    await add(60, ['flag'], 'flag flip');
  });
  const texts = async (query: string) =>
    (await find(`tags=run:${run}&${query}`)).body.map((annotation: { text: string }) => annotation.text);
  const ms = (minutes: number) => base + minutes * 60_000;

  it('lists the newest first, with all the tags asked for, or any of them with matchAny', async () => {
    expect(await texts('')).toEqual(['flag flip', 'web incident', 'api deploy', 'web deploy']);
    expect(await texts('tags=deploy&tags=service:web')).toEqual(['web deploy']);
    const any = (await find(`tags=deploy&tags=incident&matchAny=true&from=${ms(-1)}&to=${ms(61)}`)).body;
    expect(
      any.filter((a: { tags: string[] }) => a.tags.includes(`run:${run}`)).map((a: { text: string }) => a.text),
    ).toEqual(['web incident', 'api deploy', 'web deploy']);
  });

  it('lists the annotations overlapping [from, to], to included', async () => {
    expect(await texts(`from=${ms(5)}&to=${ms(10)}`)).toEqual(['api deploy']);
    // The incident runs from 20 to 50 minutes: a window inside it finds it.
    expect(await texts(`from=${ms(30)}&to=${ms(40)}`)).toEqual(['web incident']);
    expect(await texts(`from=${ms(61)}`)).toEqual([]);
    expect(await texts(`to=${ms(0)}`)).toEqual(['web deploy']);
    expect(await texts(`from=${ms(40)}&to=${ms(30)}`)).toEqual([]);
  });

  it('answers at most limit (100 by default, 0 meaning the default)', async () => {
    expect(await texts('limit=2')).toEqual(['flag flip', 'web incident']);
    expect(await texts('limit=0')).toHaveLength(4);
  });

  it('lists no alerts: ETS has none', async () => {
    expect(await texts('type=alert')).toEqual([]);
    expect(await texts('alertId=7')).toEqual([]);
    expect(await texts('type=annotation')).toHaveLength(4);
  });

  it.each<[string, string, RegExp]>([
    ['from=yesterday', 'from', /must be epoch milliseconds/],
    ['to=1.5', 'to', /must be epoch milliseconds/],
    ['from=999999999999999', 'from', /between the years 1 and 9999/],
    ['limit=-1', 'limit', /whole number from 0 to 1000/],
    ['limit=5000', 'limit', /from 0 to 1000 \(ETS_MAX_PAGE_SIZE\)/],
    ['matchAny=maybe', 'matchAny', /must be true or false/],
    ['panelId=one', 'panelId', /must be a panel id/],
  ])('answers 400 to %s naming %s', async (query, field, rule) => {
    const reply = await find(query);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(reply.body.message).toMatch(rule);
  });
});

describe('POST /api/annotations refuses bad input, naming the field, writing nothing', () => {
  it.each<[string, string, unknown]>([
    ['no text (Grafana: "text field should not be empty")', 'text', { time: 1507037197339 }],
    ['an empty text', 'text', { text: '' }],
    ['a time that is a string', 'time', { text: 'x', time: 'now' }],
    ['a time with a fraction', 'time', { text: 'x', time: 1507037197339.5 }],
    ['a timeEnd that is a string', 'timeEnd', { text: 'x', timeEnd: '1507037197339' }],
    ['a time past the year 9999', 'time', { text: 'x', time: 999999999999999 }],
    ['tags as one string', 'tags', { text: 'x', tags: 'a b' }],
    ['a tag that is a number', 'tags[0]', { text: 'x', tags: [1] }],
    ['a dashboardUID that is a number', 'dashboardUID', { text: 'x', dashboardUID: 7 }],
    ['a text past 64 KiB', 'text', { text: 'x'.repeat(65 * 1024) }],
    ['a body that is not JSON', 'body', '{"text": '],
  ])('%s → 400 naming %s', async (_, field, body) => {
    const before = await total();
    const reply = await post('/api/annotations', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await total()).toBe(before);
  });

  it.each<[string, string, unknown]>([
    ['no what', 'what', { data: 'x' }],
    ['when as a word', 'when', { what: 'x', when: 'now' }],
    ['tags as an object', 'tags', { what: 'x', tags: { a: 1 } }],
  ])('/api/annotations/graphite: %s → 400 naming %s', async (_, field, body) => {
    const before = await total();
    const reply = await post('/api/annotations/graphite', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await total()).toBe(before);
  });
});

describe('tokens', () => {
  it('needs a write token to post and a read token (or open reads) to list', async () => {
    const body = { text: 'x', tags: ['source:argocd'] };
    expect((await post('/api/annotations', body, '')).status).toBe(401);
    const readOnly = await post('/api/annotations', body, `Bearer ${reader}`);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.message).toMatch(/does not have the write scope/);
    expect((await post('/api/annotations', body, basic('x', 'not-a-token'))).status).toBe(401);
    expect((await find('limit=1', basic('grafana', reader))).status).toBe(200);
    expect((await find('limit=1', 'Token abc')).status).toBe(401);
  });
});
