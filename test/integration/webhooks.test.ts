/**
 * POST /hooks/github, /hooks/gitlab and /hooks/cdevents over HTTP against the real store:
 * the vendors' example payloads (test/fixtures/webhooks), signed as the vendors sign them,
 * become the expected tree of events, once; and every refusal writes nothing.
 *
 * The fixtures are dated 2016 to 2023, as the vendors' examples are: this server takes
 * deliveries about changes up to 200,000 hours (about 22 years) old. Staleness is tested
 * with times older than that here, and under the default of 72 hours in the unit tests.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scope } from 'ets-client';
import { createTokenAt, dataOf, EVENT_FIELDS, startTestEts, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';

const GITHUB_SECRET = 'gh-secret-for-the-webhook-tests';
const GITLAB_TOKEN = 'gl-token-for-the-webhook-tests';
const BODY_LIMIT = 256 * 1024;

let ets: TestEts;
const tokens: Record<'admin' | 'writer' | 'reader' | 'team', string> = { admin: '', writer: '', reader: '', team: '' };

beforeAll(async () => {
  ets = await startTestEts({
    env: {
      ETS_GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      ETS_GITLAB_WEBHOOK_TOKEN: GITLAB_TOKEN,
      ETS_WEBHOOK_MAX_AGE_HOURS: '200000',
      ETS_MAX_BODY_BYTES: String(BODY_LIMIT),
    },
  });
  // On a fresh loopback server anyone may create the first token.
  tokens.admin = await createTokenAt(ets, 'admin', ['ADMIN']);
  const create = (name: string, scopes: Scope[], namespace?: Record<string, string[]>) =>
    createTokenAt(ets, name, scopes, namespace, tokens.admin);
  tokens.writer = await create('cd-bot', ['WRITE']);
  tokens.reader = await create('cd-reader', ['READ']);
  tokens.team = await create('payments-bot', ['WRITE'], { team: ['payments'] });
});
afterAll(() => ets.stop());

const fixture = (path: string): string => readFileSync(join(__dirname, '../fixtures/webhooks', path), 'utf8');
const json = (path: string): any => JSON.parse(fixture(path));

interface Reply {
  status: number;
  body: any;
}

async function post(path: string, body: string | Buffer, headers: Record<string, string>, to = ets): Promise<Reply> {
  const response = await fetch(`${to.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const sign = (body: string | Buffer, secret = GITHUB_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A delivery as GitHub sends it: JSON (or a form), signed, with its event and delivery id. */
function github(
  event: string,
  payload: unknown,
  { signature, form = false, to }: { signature?: string | null; form?: boolean; to?: TestEts } = {},
): Promise<Reply> {
  const text = JSON.stringify(payload);
  const body = form ? `payload=${encodeURIComponent(text)}` : text;
  return post(
    '/hooks/github',
    body,
    {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-github-event': event,
      'x-github-delivery': randomUUID(),
      'x-github-hook-id': '109948940',
      'user-agent': 'GitHub-Hookshot/044aadd',
      ...(signature !== null && { 'x-hub-signature-256': signature ?? sign(body) }),
    },
    to,
  );
}

function gitlab(payload: any, { token, to }: { token?: string | null; to?: TestEts } = {}): Promise<Reply> {
  const kinds: Record<string, string> = { pipeline: 'Pipeline Hook', build: 'Job Hook', deployment: 'Deployment Hook' };
  return post(
    '/hooks/gitlab',
    JSON.stringify(payload),
    {
      'content-type': 'application/json',
      'x-gitlab-event': kinds[payload.object_kind] ?? 'Push Hook',
      'x-gitlab-event-uuid': randomUUID(),
      'user-agent': 'GitLab/16.11.0',
      ...(token !== null && { 'x-gitlab-token': token ?? GITLAB_TOKEN }),
    },
    to,
  );
}

/** A CDEvent as a CloudEvent: binary content mode (ce-* headers) or structured mode. */
function cdevent(data: any, { mode, token }: { mode: 'binary' | 'structured'; token?: string | null }): Promise<Reply> {
  const auth: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token ?? tokens.writer}` };
  const { id, source, type, timestamp } = data.context;
  if (mode === 'binary') {
    return post('/hooks/cdevents', JSON.stringify(data), {
      ...auth,
      'content-type': 'application/json; charset=utf-8',
      'ce-specversion': '1.0',
      'ce-id': id,
      'ce-source': source,
      'ce-type': type,
      'ce-time': timestamp,
      'ce-subject': data.subject.id,
    });
  }
  const event = { specversion: '1.0', id, source, type, time: timestamp, subject: data.subject.id, data };
  return post('/hooks/cdevents', JSON.stringify({ ...event, datacontenttype: 'application/json' }), {
    ...auth,
    'content-type': 'application/cloudevents+json; charset=UTF-8',
  });
}

const GET = `query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`;
const event = async (id: string) => dataOf(await ets.gql(GET, { id })).event;
const COUNT = 'query($f: EventFilter) { events(filter: $f, first: 1) { totalCount } }';
const count = async (tags: Record<string, string[]>) =>
  dataOf(await ets.gql(COUNT, { f: { tags } })).events.totalCount as number;
const FIND = `query($f: EventFilter) { events(filter: $f, first: 10) { nodes { ${EVENT_FIELDS} } } }`;
const find = async (tags: Record<string, string[]>) => dataOf(await ets.gql(FIND, { f: { tags } })).events.nodes;

interface Tree {
  id: string;
  children: Tree[];
}
const TREE = `query($id: ID!) { eventTree(id: $id, maxDepth: 4) { ...N children { ...N children { ...N children { ...N children { ...N } } } } } }
  fragment N on EventNode { event { id } }`;
function treeOf(node: any): Tree {
  return { id: node.event.id, children: (node.children ?? []).map(treeOf) };
}
const tree = async (id: string) => treeOf(dataOf(await ets.gql(TREE, { id })).eventTree);

/** Every event of the given ids as stored now: the proof that a delivery changed nothing. */
const snapshot = (ids: string[]) => Promise.all(ids.map(event));

let nextNumber = Math.floor(Math.random() * 1e6) * 1000;
/** A repository or project number of its own, so each test has its own events. */
const uniqueNumber = () => ++nextNumber;

describe('POST /hooks/github', () => {
  const sha = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

  /** The deliveries of one push to master, its CI run that deploys, and a release, in GitHub's order. */
  function story(repository: number): Array<[string, any]> {
    const inRepository = (payload: any) => ({ ...payload, repository: { ...payload.repository, id: repository } });
    const run = (action: string, status: string, updatedAt: string) => {
      const payload = inRepository(json('github/workflow_run.json'));
      Object.assign(payload.workflow_run, { status, conclusion: null, updated_at: updatedAt });
      return { ...payload, action };
    };
    const statusInProgress = inRepository(json('github/deployment_status.json'));
    Object.assign(statusInProgress.deployment_status, {
      state: 'in_progress',
      description: '',
      created_at: '2019-05-15T15:22:12Z',
      updated_at: '2019-05-15T15:22:12Z',
    });
    statusInProgress.deployment.updated_at = '2019-05-15T15:22:12Z';
    return [
      ['push', inRepository(json('github/push.json'))],
      ['workflow_run', run('requested', 'queued', '2019-05-15T15:21:00Z')],
      ['workflow_run', run('in_progress', 'in_progress', '2019-05-15T15:21:05Z')],
      ['deployment', inRepository(json('github/deployment.json'))],
      ['deployment_status', statusInProgress],
      ['deployment_status', inRepository(json('github/deployment_status.json'))],
      ['workflow_run', inRepository(json('github/workflow_run.json'))],
      ['release', inRepository(json('github/release.json'))],
    ];
  }
  const ids = (repository: number) => ({
    commit: `github-${repository}-commit-${sha}`,
    run: `github-${repository}-run-30433642`,
    deployment: `github-${repository}-deployment-145988746`,
    release: `github-${repository}-release-17372790`,
  });

  async function deliver(deliveries: Array<[string, any]>): Promise<Reply[]> {
    const replies: Reply[] = [];
    for (const [name, payload] of deliveries) replies.push(await github(name, payload));
    return replies;
  }

  it('turns a push, its run, its deployment and a release into a tree, with the statuses merged in', async () => {
    const repository = uniqueNumber();
    const id = ids(repository);
    const replies = await deliver(story(repository));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(replies[0]!.body).toEqual({
      delivery: expect.any(String),
      events: [{ id: id.commit, revision: 1, changed: true }],
    });

    expect(await event(id.commit)).toMatchObject({
      parentId: null,
      startTime: '2019-05-15T15:19:25.000Z',
      endTime: '2019-05-15T15:19:25.000Z',
      description: 'Add the deploy workflow',
      detailUrls: { github: `https://github.com/Codertocat/Hello-World/commit/${sha}` },
      tags: {
        source: ['github'],
        repository: ['Codertocat/Hello-World'],
        service: ['Hello-World'],
        type: ['commit'],
        branch: ['master'],
        commit: [sha],
        author: ['21031067+Codertocat@users.noreply.github.com'],
      },
      // The push made it; the run's copy of the commit changed nothing.
      revision: 1,
      changedBy: 'webhook/github',
    });
    expect(await event(id.run)).toMatchObject({
      parentId: id.commit,
      sourceId: 'https://api.github.com/repos/Codertocat/Hello-World/actions/runs/30433642',
      startTime: '2019-05-15T15:21:00.000Z',
      endTime: '2019-05-15T15:23:40.000Z',
      description: 'CI #1: Add the deploy workflow',
      detailUrls: { github: 'https://github.com/Codertocat/Hello-World/actions/runs/30433642' },
      tags: { type: ['pipeline'], workflow: ['CI'], status: ['success'], author: ['Codertocat'] },
      revision: 3,
    });
    expect(await event(id.deployment)).toMatchObject({
      parentId: id.run,
      sourceId: 'https://api.github.com/repos/Codertocat/Hello-World/deployments/145988746',
      startTime: '2019-05-15T15:22:10.000Z',
      endTime: '2019-05-15T15:23:30.000Z',
      description: 'deploy Codertocat/Hello-World@6113728 to production\nDeployment finished successfully.',
      detailUrls: {
        github: 'https://github.com/Codertocat/Hello-World/deployments',
        logs: 'https://github.com/Codertocat/Hello-World/actions/runs/30433642/job/84',
        environment: 'https://hello-world.example.com',
      },
      tags: {
        source: ['github'],
        repository: ['Codertocat/Hello-World'],
        service: ['Hello-World'],
        type: ['deploy'],
        environment: ['production'],
        commit: [sha],
        author: ['github-actions[bot]'],
        // pending, then running, then success: replaced each time, never united.
        status: ['success'],
      },
      revision: 3,
    });
    expect(await event(id.release)).toMatchObject({
      parentId: null,
      startTime: '2019-05-15T15:30:00.000Z',
      description: 'release Hello-World 1.0 of Codertocat/Hello-World',
      tags: { type: ['release'], version: ['v1.0.0'], author: ['Codertocat'] },
    });
    expect(await tree(id.commit)).toEqual({
      id: id.commit,
      children: [{ id: id.run, children: [{ id: id.deployment, children: [] }] }],
    });
  });

  it('changes nothing when GitHub redelivers, in order or not', async () => {
    const repository = uniqueNumber();
    const deliveries = story(repository);
    await deliver(deliveries);
    const all = Object.values(ids(repository));
    const before = await snapshot(all);
    const again = await deliver([...deliveries].reverse());
    expect(again.map((reply) => reply.status)).toEqual(deliveries.map(() => 200));
    expect(again.flatMap((reply) => reply.body.events.map((written: any) => written.changed))).not.toContain(true);
    expect(await snapshot(all)).toEqual(before);
  });

  it('ends where the in-order deliveries end when they come in the reverse order', async () => {
    const [forwards, backwards] = [uniqueNumber(), uniqueNumber()];
    await deliver(story(forwards));
    await deliver(story(backwards).reverse());
    const comparable = ({ id: _id, parentId, createdAt: _c, updatedAt: _u, revision: _r, ...rest }: any) => ({
      ...rest,
      parentId: parentId?.replace(String(backwards), String(forwards)) ?? null,
    });
    for (const kind of ['commit', 'run', 'deployment', 'release'] as const) {
      expect(comparable(await event(ids(backwards)[kind]))).toEqual(comparable(await event(ids(forwards)[kind])));
    }
    expect((await event(ids(backwards).deployment)).tags.status).toEqual(['success']);
  });

  it('ends the same when a deployment and its statuses arrive at once', async () => {
    const repository = uniqueNumber();
    // Each of the three deliveries five times over (GitHub retries), all at once.
    const deliveries = story(repository).filter(([name]) => name.startsWith('deployment'));
    const replies = await Promise.all(
      [0, 1, 2, 3, 4].flatMap(() => deliveries.map(([name, payload]) => github(name, payload))),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(await event(ids(repository).deployment)).toMatchObject({
      startTime: '2019-05-15T15:22:10.000Z',
      endTime: '2019-05-15T15:23:30.000Z',
      tags: { status: ['success'] },
      description: 'deploy Codertocat/Hello-World@6113728 to production\nDeployment finished successfully.',
    });
  });

  it("accepts GitHub's form content type, whose signature covers the form", async () => {
    const repository = uniqueNumber();
    const [[name, payload]] = story(repository) as [[string, any]];
    expect((await github(name, payload, { form: true })).status).toBe(200);
    expect((await event(ids(repository).commit)).revision).toBe(1);
  });

  it('refuses unsigned and wrongly signed deliveries, writing nothing', async () => {
    const repository = uniqueNumber();
    const [[name, payload]] = story(repository) as [[string, any]];
    const unsigned = await github(name, payload, { signature: null });
    expect(unsigned).toEqual({
      status: 401,
      body: {
        code: 'UNAUTHENTICATED',
        message:
          'X-Hub-Signature-256 is missing: give the GitHub webhook a secret, the value of ETS_GITHUB_WEBHOOK_SECRET',
      },
    });
    const otherSecret = await github(name, payload, { signature: sign(JSON.stringify(payload), 'not-the-secret') });
    expect(otherSecret.status).toBe(401);
    expect(otherSecret.body.message).toMatch(/does not match the body/);
    // Signed, then changed on the way.
    const tampered = await github(
      name,
      { ...payload, ref: 'refs/heads/evil' },
      { signature: sign(JSON.stringify(payload)) },
    );
    expect(tampered.status).toBe(401);
    expect((await github(name, payload, { signature: 'sha256=zz' })).body.message).toMatch(/64 hex digits/);
    // Even an event type it would ignore needs its signature.
    expect((await github('issues', payload, { signature: null })).status).toBe(401);
    expect(await count({ repository: ['Codertocat/Hello-World'], commit: [sha], branch: ['evil'] })).toBe(0);
    expect(await event(ids(repository).commit)).toBeNull();
  });

  it('answers a payload it cannot read with the field at fault, writing nothing', async () => {
    const repository = uniqueNumber();
    const [, [name, payload]] = story(repository) as [unknown, [string, any]];
    delete payload.workflow_run.head_sha;
    expect(await github(name, payload)).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', field: 'workflow_run.head_sha', message: 'workflow_run.head_sha: is required' },
    });
    const notJson = await post('/hooks/github', '{"zen":', {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-hub-signature-256': sign('{"zen":'),
    });
    expect(notJson).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', field: 'body', message: 'body: must be JSON' },
    });
    const noEvent = await post('/hooks/github', '{}', {
      'content-type': 'application/json',
      'x-hub-signature-256': sign('{}'),
    });
    expect(noEvent.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-github-event' });
    expect(await event(ids(repository).run)).toBeNull();
    expect(await event(ids(repository).commit)).toBeNull();
  });

  it('accepts and ignores event types and states it does not record, with 202', async () => {
    const repository = uniqueNumber();
    const ping = { ...json('github/ping.json'), repository: { id: repository } };
    expect(await github('ping', ping)).toEqual({
      status: 202,
      body: { delivery: expect.any(String), ignored: 'ping: the webhook reaches ETS and its signature is right' },
    });
    const issue = { action: 'opened', issue: { id: 1, title: 'x' }, repository: { id: repository } };
    expect((await github('issues', issue)).body.ignored).toBe('GitHub "issues" events are not recorded');
    const inactive = story(repository)[5]![1];
    inactive.deployment_status.state = 'inactive';
    expect((await github('deployment_status', inactive)).status).toBe(202);
    expect(await event(ids(repository).deployment)).toBeNull();
  });

  it('refuses a stale delivery, and one from too far ahead, naming the field', async () => {
    const repository = uniqueNumber();
    const [[name, payload]] = story(repository) as [[string, any]];
    const stale = await github(name, { ...payload, repository: { ...payload.repository, pushed_at: 631152000 } });
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'repository.pushed_at' });
    expect(stale.body.message).toMatch(
      /^repository\.pushed_at: is 1990-01-01T00:00:00\.000Z, \d+ days ago: .* refused as stale \(ETS_WEBHOOK_MAX_AGE_HOURS\)$/,
    );
    const ahead = Math.floor(Date.now() / 1000) + 3600;
    const future = await github(name, { ...payload, repository: { ...payload.repository, pushed_at: ahead } });
    expect(future.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'repository.pushed_at' });
    expect(future.body.message).toMatch(/ahead of this server's clock/);
    expect(await event(ids(repository).commit)).toBeNull();
  });

  it("may only change events of its own source: a person's event with the same id stays as it is", async () => {
    const repository = uniqueNumber();
    const id = ids(repository).commit;
    const created = await ets.gql(
      CreateEventMutation,
      { event: { id, description: 'noted by hand', tags: { source: ['notes'] } } },
      tokens.admin,
    );
    dataOf(created);
    const reply = await github(...(story(repository)[0] as [string, any]));
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/source=github/) });
    expect(await event(id)).toMatchObject({ description: 'noted by hand', revision: 1 });
  });
});

describe('POST /hooks/gitlab', () => {
  const sha = 'bcbb5ec396a2c0f828686f14fac9b80b780504f2';

  /** A pipeline that runs its production job, whose deployment succeeds, in GitLab's order. */
  function story(project: number): any[] {
    const inProject = (payload: any) => ({ ...payload, project: { ...payload.project, id: project } });
    const running = inProject(json('gitlab/pipeline.json'));
    Object.assign(running.object_attributes, { status: 'running', detailed_status: 'running', finished_at: null });
    const job = { ...inProject(json('gitlab/job.json')), project_id: project };
    const deploying = { ...inProject(json('gitlab/deployment.json')), status: 'running' };
    deploying.status_changed_at = '2016-08-12 17:26:40 +0200';
    return [
      running,
      job,
      deploying,
      inProject(json('gitlab/deployment.json')),
      inProject(json('gitlab/pipeline.json')),
    ];
  }
  const ids = (project: number) => ({
    commit: `gitlab-${project}-commit-${sha}`,
    pipeline: `gitlab-${project}-pipeline-31`,
    job: `gitlab-${project}-job-380`,
    deployment: `gitlab-${project}-deployment-15`,
  });

  it('turns pipeline, job and deployment hooks into commit → pipeline → job → deployment, once', async () => {
    const project = uniqueNumber();
    const id = ids(project);
    const deliveries = story(project);
    for (const payload of deliveries) expect((await gitlab(payload)).status).toBe(200);
    expect(await tree(id.commit)).toEqual({
      id: id.commit,
      children: [{ id: id.pipeline, children: [{ id: id.job, children: [{ id: id.deployment, children: [] }] }] }],
    });
    expect(await event(id.pipeline)).toMatchObject({
      startTime: '2016-08-12T15:23:28.000Z',
      endTime: '2016-08-12T15:28:01.000Z',
      description: 'Pipeline for branch: master #3 on gitlab-org/gitlab-test',
      detailUrls: { gitlab: 'http://192.168.64.1:3005/gitlab-org/gitlab-test/-/pipelines/31' },
      tags: {
        source: ['gitlab'],
        repository: ['gitlab-org/gitlab-test'],
        service: ['gitlab-test'],
        type: ['pipeline'],
        branch: ['master'],
        commit: [sha],
        author: ['user_email@gitlab.com'],
        status: ['success'],
      },
      changedBy: 'webhook/gitlab',
      revision: 2,
    });
    expect(await event(id.job)).toMatchObject({
      startTime: '2016-08-12T15:26:35.412Z',
      endTime: '2016-08-12T15:27:58.902Z',
      description: 'deploy: production',
      tags: { type: ['job'], job: ['production'], stage: ['deploy'], environment: ['production'], status: ['success'] },
    });
    expect(await event(id.deployment)).toMatchObject({
      startTime: '2016-08-12T15:26:40.000Z',
      endTime: '2016-08-12T15:28:05.000Z',
      description: 'deploy gitlab-org/gitlab-test@bcbb5ec3 to production\ntest',
      detailUrls: {
        job: 'http://192.168.64.1:3005/gitlab-org/gitlab-test/-/jobs/380',
        environment: 'https://gitlab-test.example.com',
        commit: `http://192.168.64.1:3005/gitlab-org/gitlab-test/-/commit/${sha}`,
      },
      tags: { type: ['deploy'], environment: ['production'], author: ['admin@example.com'], status: ['success'] },
      revision: 2,
    });

    const before = await snapshot(Object.values(id));
    for (const payload of deliveries) {
      const again = await gitlab(payload);
      expect(again.body.events.every((written: any) => !written.changed)).toBe(true);
    }
    expect(await snapshot(Object.values(id))).toEqual(before);
  });

  it('refuses a missing or wrong token, writing nothing', async () => {
    const project = uniqueNumber();
    const [pipeline] = story(project);
    expect(await gitlab(pipeline, { token: null })).toEqual({
      status: 401,
      body: {
        code: 'UNAUTHENTICATED',
        message:
          'X-Gitlab-Token is missing: give the GitLab webhook a secret token, the value of ETS_GITLAB_WEBHOOK_TOKEN',
      },
    });
    expect((await gitlab(pipeline, { token: `${GITLAB_TOKEN}x` })).body).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'X-Gitlab-Token is not the token of ETS_GITLAB_WEBHOOK_TOKEN',
    });
    expect(await event(ids(project).pipeline)).toBeNull();
  });

  it('accepts and ignores kinds it does not record, and refuses stale deliveries', async () => {
    const project = uniqueNumber();
    const push = { object_kind: 'push', ref: 'refs/heads/master', project: { id: project } };
    expect((await gitlab(push)).body).toEqual({
      delivery: expect.any(String),
      ignored: 'GitLab "Push Hook" events are not recorded',
    });
    const stale = { ...story(project)[3], status_changed_at: '1990-01-01 00:00:00 UTC' };
    expect((await gitlab(stale)).body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status_changed_at' });
    expect(await event(ids(project).deployment)).toBeNull();
  });
});

describe('POST /hooks/cdevents', () => {
  const CONTEXTS = [
    '271069a8-fc18-44f1-b38f-9d70a1695819',
    'd8a1e0c4-5b1e-4d5e-9f0c-3f7a4a0b2c11',
    '6e0f3d2a-1c4b-4f7e-8a9d-2b5c7e1f0a33',
    'F4BD2B55-B6F6-4F44-AF72-BD2D0E7A8708',
    '0C6E83D1-9A4F-4B7B-8E2D-5F1A3C9B7E64',
  ];

  /** The fixtures with sources and context ids of this test's own (links keep pointing at them). */
  function story(): { started: any; finished: any; deployed: any; detected: any; resolved: any; tag: string } {
    const tag = randomUUID().slice(0, 8);
    const own = (path: string) => {
      let text = fixture(path).replaceAll('/event/source/123', `/event/source/${tag}`);
      text = text.replaceAll('/monitoring/prod1', `/monitoring/${tag}`);
      for (const id of CONTEXTS) text = text.replaceAll(id, `${id}-${tag}`);
      return JSON.parse(text);
    };
    return {
      started: own('cdevents/pipelinerun_started.json'),
      finished: own('cdevents/pipelinerun_finished.json'),
      deployed: own('cdevents/service_deployed.json'),
      detected: own('cdevents/incident_detected.json'),
      resolved: own('cdevents/incident_resolved.json'),
      tag,
    };
  }

  async function deliver(s: ReturnType<typeof story>, token?: string): Promise<Reply[]> {
    return [
      await cdevent(s.started, { mode: 'binary', token }),
      await cdevent(s.finished, { mode: 'structured', token }),
      await cdevent(s.deployed, { mode: 'binary', token }),
      await cdevent(s.detected, { mode: 'structured', token }),
      await cdevent(s.resolved, { mode: 'binary', token }),
    ];
  }

  it('turns a pipeline run, the deployment it triggered and the incident that followed into a chain, once', async () => {
    const s = story();
    const replies = await deliver(s);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    const [run] = await find({ cdevents_id: [s.started.context.id] });
    const [deploy] = await find({ cdevents_id: [s.deployed.context.id] });
    const [incident] = await find({ cdevents_id: [s.resolved.context.id] });
    expect(run).toMatchObject({
      id: expect.stringMatching(/^cdevents-pipelinerun-[0-9a-f]{24}$/),
      parentId: null, // its trigger (a change.merged) was never sent here
      sourceId: 'mySubject123',
      startTime: '2023-03-20T14:27:05.315Z',
      endTime: '2023-03-20T14:30:12.000Z',
      description: 'pipeline run myPipeline',
      detailUrls: { pipeline: 'https://www.example.com/mySubject123' },
      tags: {
        source: ['cdevents'],
        cdevents_source: [`/event/source/${s.tag}`],
        cdevents_id: [s.started.context.id, s.finished.context.id],
        cdevents_chain: ['4c8cb7dd-3448-41de-8768-eec704e2829b'],
        type: ['pipeline'],
        pipeline: ['myPipeline'],
        status: ['success'],
      },
      revision: 2,
      changedBy: 'cd-bot',
    });
    expect(deploy).toMatchObject({
      id: expect.stringMatching(/^cdevents-service-deployed-[0-9a-f]{24}$/),
      parentId: run.id,
      startTime: '2023-03-20T14:31:10.500Z',
      tags: { type: ['deploy'], service: ['myApp'], environment: ['prod1'], status: ['success'] },
    });
    expect(incident).toMatchObject({
      id: expect.stringMatching(/^cdevents-incident-[0-9a-f]{24}$/),
      parentId: deploy.id,
      startTime: '2023-03-20T14:40:00.079Z',
      endTime: '2023-03-20T15:02:30.000Z',
      description: 'Response time above threshold of 100ms\nResponse time restored below 100ms',
      tags: { type: ['incident'], service: ['myApp'], environment: ['prod1'], status: ['resolved'] },
    });
    expect(await tree(run.id)).toEqual({
      id: run.id,
      children: [{ id: deploy.id, children: [{ id: incident.id, children: [] }] }],
    });

    const before = await snapshot([run.id, deploy.id, incident.id]);
    const again = await deliver(s);
    expect(again.flatMap((reply) => reply.body.events.map((written: any) => written.changed))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(await snapshot([run.id, deploy.id, incident.id])).toEqual(before);
  });

  it("adds a namespaced token's tags to the events, so that it may write them", async () => {
    const s = story();
    expect((await cdevent(s.started, { mode: 'binary', token: tokens.team })).status).toBe(200);
    const [run] = await find({ cdevents_id: [s.started.context.id] });
    expect(run).toMatchObject({ tags: { team: ['payments'] }, changedBy: 'payments-bot' });
  });

  it('refuses a CDEvent without an ETS write token, writing nothing', async () => {
    const s = story();
    expect(await cdevent(s.started, { mode: 'binary', token: null })).toEqual({
      status: 401,
      body: {
        code: 'UNAUTHENTICATED',
        message: 'CDEvents need an ETS token with the write scope: Authorization: Bearer <token> (ets token create)',
      },
    });
    expect((await cdevent(s.started, { mode: 'binary', token: 'ets_0000000000000000_nope' })).status).toBe(401);
    expect((await cdevent(s.started, { mode: 'structured', token: tokens.reader })).body).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await count({ cdevents_source: [`/event/source/${s.tag}`] })).toBe(0);
  });

  it('refuses stale, mismatched and batched CloudEvents, and one that is not a CloudEvent, naming the field', async () => {
    const s = story();
    const stale = { ...s.started, context: { ...s.started.context, timestamp: '1990-01-01T00:00:00Z' } };
    expect((await cdevent(stale, { mode: 'binary' })).body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'context.timestamp',
    });
    const mismatched = {
      ...s.started,
      context: { ...s.started.context, type: 'dev.cdevents.pipelinerun.queued.0.2.0' },
    };
    const reply = await post('/hooks/cdevents', JSON.stringify(mismatched), {
      authorization: `Bearer ${tokens.writer}`,
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': s.started.context.id,
      'ce-source': s.started.context.source,
      'ce-type': s.started.context.type,
    });
    expect(reply.body).toMatchObject({ field: 'context.type' });
    const headers = { authorization: `Bearer ${tokens.writer}` };
    const batch = await post('/hooks/cdevents', '[]', {
      ...headers,
      'content-type': 'application/cloudevents-batch+json',
    });
    expect(batch).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const plain = await post('/hooks/cdevents', JSON.stringify(s.started), {
      ...headers,
      'content-type': 'application/json',
    });
    expect(plain).toMatchObject({ status: 400, body: { field: 'ce-specversion' } });
    const oldVersion = await post('/hooks/cdevents', JSON.stringify(s.started), {
      ...headers,
      'ce-specversion': '0.3',
      'ce-id': 'x',
      'ce-source': 'y',
      'ce-type': s.started.context.type,
    });
    expect(oldVersion.body).toMatchObject({ field: 'ce-specversion', message: expect.stringMatching(/"1\.0"/) });
    expect(await count({ cdevents_source: [`/event/source/${s.tag}`] })).toBe(0);
  });

  it('accepts and ignores CloudEvents it does not record, with 202', async () => {
    const s = story();
    const packaged = { ...s.started, context: { ...s.started.context, type: 'dev.cdevents.artifact.packaged.0.2.0' } };
    expect(await cdevent(packaged, { mode: 'structured' })).toEqual({
      status: 202,
      body: { delivery: s.started.context.id, ignored: 'CDEvents "artifact.packaged" are not recorded' },
    });
    const other = { ...s.started, context: { ...s.started.context, type: 'com.github.pull_request.opened' } };
    expect((await cdevent(other, { mode: 'binary' })).status).toBe(202);
    expect(await count({ cdevents_source: [`/event/source/${s.tag}`] })).toBe(0);
  });
});

describe('every hook', () => {
  it('refuses a body over ETS_MAX_BODY_BYTES with 413, before reading it', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.writer}` };
    for (const path of ['/hooks/github', '/hooks/gitlab', '/hooks/cdevents']) {
      expect(
        await post(path, big, { ...headers, 'x-hub-signature-256': sign(big), 'x-gitlab-token': GITLAB_TOKEN }),
      ).toEqual({
        status: 413,
        body: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `the request body is larger than the limit of ${BODY_LIMIT} bytes (ETS_MAX_BODY_BYTES)`,
        },
      });
    }
  });

  it('answers 503 naming the variable to set when a secret is not configured', async () => {
    const bare = await startTestEts();
    try {
      const payload = json('github/push.json');
      expect(await github('push', payload, { to: bare })).toEqual({
        status: 503,
        body: {
          code: 'WEBHOOK_NOT_CONFIGURED',
          message: "the GitHub webhook is off: set ETS_GITHUB_WEBHOOK_SECRET to the webhook's secret",
        },
      });
      expect((await gitlab(json('gitlab/pipeline.json'), { to: bare })).body).toEqual({
        code: 'WEBHOOK_NOT_CONFIGURED',
        message: "the GitLab webhook is off: set ETS_GITLAB_WEBHOOK_TOKEN to the webhook's secret token",
      });
      expect(await bare.gql(GET, { id: `github-186853002-commit-${payload.after}` })).toMatchObject({
        data: { event: null },
      });
    } finally {
      await bare.stop();
    }
  });
});
