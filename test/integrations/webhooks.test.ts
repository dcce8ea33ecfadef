/** The webhooks' pure parts: signatures, payload times, staleness, the mappings and how deliveries join an event. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnauthenticatedError, ValidationError } from '../../src/domain/errors';
import type { EventRecord } from '../../src/domain/event';
import { mapCDEvent } from '../../src/integrations/webhooks/cdevents';
import { readCloudEvent } from '../../src/integrations/webhooks/cloudevents';
import { checkFresh } from '../../src/integrations/webhooks/freshness';
import { mapGitHubDelivery } from '../../src/integrations/webhooks/github';
import { mapGitLabDelivery } from '../../src/integrations/webhooks/gitlab';
import {
  appendParagraph,
  joinDelivery,
  type HookEvent,
  type HookMapping,
} from '../../src/integrations/webhooks/hook-event';
import { Payload, parseVendorTime } from '../../src/integrations/webhooks/payload';
import {
  gitHubSignature,
  sameSecret,
  verifyGitHubSignature,
  verifyGitLabToken,
} from '../../src/integrations/webhooks/signatures';

const fixture = (path: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/webhooks', path), 'utf8'));

function eventsOf(mapping: HookMapping): HookEvent[] {
  if ('ignored' in mapping) throw new Error(`ignored: ${mapping.ignored}`);
  return mapping.events;
}

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('signatures', () => {
  it("signs as GitHub's documentation shows (its example secret and payload)", () => {
    expect(gitHubSignature("It's a Secret to Everybody", Buffer.from('Hello, World!'))).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('accepts the signature of the exact bytes and refuses a missing, malformed or wrong one, naming the variable', () => {
    const body = Buffer.from('{"zen":"x"}');
    expect(() => verifyGitHubSignature('s3cret', body, gitHubSignature('s3cret', body))).not.toThrow();
    const missing = thrown(() => verifyGitHubSignature('s3cret', body, undefined));
    expect(missing).toBeInstanceOf(UnauthenticatedError);
    expect(missing.message).toMatch(/X-Hub-Signature-256 is missing.*ETS_GITHUB_WEBHOOK_SECRET/);
    expect(thrown(() => verifyGitHubSignature('s3cret', body, 'sha1=abc')).message).toMatch(/64 hex digits/);
    const wrong = thrown(() => verifyGitHubSignature('s3cret', body, gitHubSignature('other', body)));
    expect(wrong.message).toMatch(/does not match the body/);
    const changed = thrown(() =>
      verifyGitHubSignature('s3cret', Buffer.from('{"zen":"y"}'), gitHubSignature('s3cret', body)),
    );
    expect(changed).toBeInstanceOf(UnauthenticatedError);
  });

  it("compares GitLab's token whatever its length", () => {
    expect(sameSecret('token', 'token')).toBe(true);
    expect(sameSecret('token', 'token2')).toBe(false);
    expect(() => verifyGitLabToken('token', 'token')).not.toThrow();
    expect(thrown(() => verifyGitLabToken('token', undefined)).message).toMatch(/ETS_GITLAB_WEBHOOK_TOKEN/);
    expect(thrown(() => verifyGitLabToken('token', 'nope'))).toBeInstanceOf(UnauthenticatedError);
  });
});

describe('parseVendorTime', () => {
  it.each([
    ['2019-05-15T15:20:53Z', '2019-05-15T15:20:53.000Z'],
    ['2023-03-20T14:27:05.315384Z', '2023-03-20T14:27:05.315Z'],
    ['2016-08-12T17:23:21+02:00', '2016-08-12T15:23:21.000Z'],
    ['2016-08-12 15:23:28 UTC', '2016-08-12T15:23:28.000Z'],
    ['2021-04-28 21:50:00 +0200', '2021-04-28T19:50:00.000Z'],
    [1557933657, '2019-05-15T15:20:57.000Z'],
  ])('reads %p', (input, expected) => {
    expect(parseVendorTime(input, 'at').toISOString()).toBe(expected);
  });

  it.each(['2019-05-15T15:20:53', 'yesterday', '', true])('refuses %p, naming the field', (input) => {
    const error = thrown(() => parseVendorTime(input, 'workflow_run.updated_at'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^workflow_run\.updated_at: must be a time/);
  });
});

describe('checkFresh', () => {
  const now = new Date('2024-01-10T12:00:00Z');
  const hours = (n: number) => n * 3_600_000;
  const at = (iso: string) => ({ time: new Date(iso), field: 'deployment.updated_at' });

  it('accepts a change up to the maximum age, and up to five minutes ahead of this clock', () => {
    expect(() => checkFresh(at('2024-01-07T12:00:00Z'), now, hours(72))).not.toThrow();
    expect(() => checkFresh(at('2024-01-10T12:05:00Z'), now, hours(72))).not.toThrow();
  });

  it('refuses an older change as stale, and one further ahead, naming the field and the variable', () => {
    const stale = thrown(() => checkFresh(at('2024-01-07T11:59:59Z'), now, hours(72)));
    expect(stale.message).toBe(
      'deployment.updated_at: is 2024-01-07T11:59:59.000Z, 3 days ago: deliveries about changes older than 72 hours ' +
        'are refused as stale (ETS_WEBHOOK_MAX_AGE_HOURS)',
    );
    expect(thrown(() => checkFresh(at('2024-01-10T12:06:00Z'), now, hours(72))).message).toMatch(
      /6 minutes ahead of this server's clock/,
    );
  });
});

describe('GitHub deliveries', () => {
  const map = (event: string, path: string) => mapGitHubDelivery(event, Payload.of(fixture(path)));
  const sha = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

  it("records a push as its head commit, at the commit's time, judged by the push's time", () => {
    const mapping = map('push', 'github/push.json');
    expect(mapping).toMatchObject({ reportedAt: { field: 'repository.pushed_at' } });
    expect(eventsOf(mapping)).toEqual([
      {
        id: `github-186853002-commit-${sha}`,
        startTime: new Date('2019-05-15T15:19:25Z'),
        endTime: new Date('2019-05-15T15:19:25Z'),
        description: ['Add the deploy workflow'],
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
      },
    ]);
  });

  it('records a workflow run under its commit, and the commit from the run as a push would', () => {
    const [commit, run] = eventsOf(map('workflow_run', 'github/workflow_run.json'));
    expect(commit).toEqual(eventsOf(map('push', 'github/push.json'))[0]);
    expect(run).toMatchObject({
      id: 'github-186853002-run-30433642',
      parentId: `github-186853002-commit-${sha}`,
      sourceId: 'https://api.github.com/repos/Codertocat/Hello-World/actions/runs/30433642',
      startTime: new Date('2019-05-15T15:21:00Z'),
      endTime: new Date('2019-05-15T15:23:40Z'),
      description: ['CI #1: Add the deploy workflow'],
      detailUrls: { github: 'https://github.com/Codertocat/Hello-World/actions/runs/30433642' },
      tags: { type: ['pipeline'], workflow: ['CI'], author: ['Codertocat'] },
      status: 'success',
    });
  });

  it('records a deployment under the run that made it, and merges its statuses into it', () => {
    const [created] = eventsOf(map('deployment', 'github/deployment.json'));
    const [succeeded] = eventsOf(map('deployment_status', 'github/deployment_status.json'));
    expect(created).toMatchObject({
      id: 'github-186853002-deployment-145988746',
      parentId: 'github-186853002-run-30433642',
      startTime: new Date('2019-05-15T15:22:10Z'),
      endTime: new Date('2019-05-15T15:22:10Z'),
      tags: { type: ['deploy'], environment: ['production'], author: ['github-actions[bot]'] },
      status: 'pending',
    });
    expect(succeeded).toMatchObject({
      id: created!.id,
      parentId: created!.parentId,
      startTime: new Date('2019-05-15T15:22:10Z'),
      endTime: new Date('2019-05-15T15:23:30Z'),
      status: 'success',
      detailUrls: {
        logs: 'https://github.com/Codertocat/Hello-World/actions/runs/30433642/job/84',
        environment: 'https://hello-world.example.com',
      },
    });
  });

  it('ignores what is not a recorded change, saying why', () => {
    const inactive = fixture('github/deployment_status.json');
    inactive.deployment_status.state = 'inactive';
    expect(mapGitHubDelivery('deployment_status', Payload.of(inactive))).toEqual({
      ignored: 'deployment_status: "inactive" only says a later deployment replaced this one',
    });
    const edited = { ...fixture('github/release.json'), action: 'edited' };
    expect(mapGitHubDelivery('release', Payload.of(edited))).toMatchObject({
      ignored: expect.stringMatching(/edited/),
    });
    expect(map('ping', 'github/ping.json')).toMatchObject({ ignored: expect.stringMatching(/^ping/) });
    expect(map('issues', 'github/ping.json')).toEqual({ ignored: 'GitHub "issues" events are not recorded' });
  });

  it('names the field a payload lacks', () => {
    const broken = fixture('github/workflow_run.json');
    delete broken.workflow_run.head_sha;
    expect(thrown(() => mapGitHubDelivery('workflow_run', Payload.of(broken))).message).toBe(
      'workflow_run.head_sha: is required',
    );
  });
});

describe('GitLab deliveries', () => {
  const map = (path: string) => mapGitLabDelivery(Payload.of(fixture(path)), undefined);
  const sha = 'bcbb5ec396a2c0f828686f14fac9b80b780504f2';

  it('records pipeline → job → deployment, each under the one before', () => {
    const [commit, pipeline] = eventsOf(map('gitlab/pipeline.json'));
    const [job] = eventsOf(map('gitlab/job.json'));
    const [deployment] = eventsOf(map('gitlab/deployment.json'));
    expect(commit).toMatchObject({ id: `gitlab-1-commit-${sha}`, startTime: new Date('2016-08-12T15:23:21Z') });
    expect(pipeline).toMatchObject({
      id: 'gitlab-1-pipeline-31',
      parentId: commit!.id,
      startTime: new Date('2016-08-12T15:23:28Z'),
      endTime: new Date('2016-08-12T15:28:01Z'),
      status: 'success',
      tags: { source: ['gitlab'], repository: ['gitlab-org/gitlab-test'], service: ['gitlab-test'] },
    });
    expect(job).toMatchObject({
      id: 'gitlab-1-job-380',
      parentId: 'gitlab-1-pipeline-31',
      startTime: new Date('2016-08-12T15:26:35.412Z'),
      endTime: new Date('2016-08-12T15:27:58.902Z'),
      tags: { type: ['job'], job: ['production'], stage: ['deploy'], environment: ['production'] },
      status: 'success',
    });
    expect(deployment).toMatchObject({
      id: 'gitlab-1-deployment-15',
      parentId: 'gitlab-1-job-380',
      startTime: new Date('2016-08-12T15:28:05Z'),
      tags: { type: ['deploy'], environment: ['production'], commit: [sha], author: ['admin@example.com'] },
      status: 'success',
    });
  });

  it('ignores kinds it does not record', () => {
    const push = { object_kind: 'push', project: fixture('gitlab/pipeline.json').project };
    expect(mapGitLabDelivery(Payload.of(push), 'Push Hook')).toEqual({
      ignored: 'GitLab "Push Hook" events are not recorded',
    });
  });
});

describe('CDEvents', () => {
  const cloudEvent = (path: string) => {
    const data = fixture(path);
    return readCloudEvent(
      {
        'ce-specversion': '1.0',
        'ce-id': data.context.id,
        'ce-source': data.context.source,
        'ce-type': data.context.type,
        'content-type': 'application/json',
      },
      Buffer.from(JSON.stringify(data)),
    );
  };

  it('keys a pipeline run by its subject, and links to the CDEvents it names', () => {
    const [started] = eventsOf(mapCDEvent(cloudEvent('cdevents/pipelinerun_started.json')));
    const [finished] = eventsOf(mapCDEvent(cloudEvent('cdevents/pipelinerun_finished.json')));
    expect(started).toMatchObject({
      id: 'cdevents-pipelinerun-569fff3312c21b22dbb706d8',
      sourceId: 'mySubject123',
      startTime: new Date('2023-03-20T14:27:05.315Z'),
      status: 'running',
      parentFrom: { tag: 'cdevents_id', values: ['5328c37f-bb7e-4bb7-84ea-9f5f85e4a7ce'] },
      tags: { source: ['cdevents'], type: ['pipeline'], pipeline: ['myPipeline'] },
    });
    expect(finished).toMatchObject({ id: started!.id, status: 'success' });
  });

  it('reads structured mode as binary mode', () => {
    const data = fixture('cdevents/service_deployed.json');
    const body = {
      specversion: '1.0',
      id: data.context.id,
      source: data.context.source,
      type: data.context.type,
      data,
    };
    const structured = readCloudEvent(
      { 'content-type': 'application/cloudevents+json' },
      Buffer.from(JSON.stringify(body)),
    );
    expect(mapCDEvent(structured)).toMatchObject({ reportedAt: { field: 'data.context.timestamp' } });
    expect(eventsOf(mapCDEvent(structured))).toEqual(
      eventsOf(mapCDEvent(cloudEvent('cdevents/service_deployed.json'))),
    );
  });

  it("refuses a CDEvent whose type is not its CloudEvent's", () => {
    const event = {
      ...cloudEvent('cdevents/pipelinerun_started.json'),
      type: 'dev.cdevents.pipelinerun.finished.0.2.0',
    };
    expect(thrown(() => mapCDEvent(event)).message).toBe(
      `context.type: must equal the CloudEvent's type "dev.cdevents.pipelinerun.finished.0.2.0"`,
    );
  });

  it('ignores CloudEvents that are not CDEvents, and CDEvents it does not record', () => {
    const event = cloudEvent('cdevents/pipelinerun_started.json');
    expect(mapCDEvent({ ...event, type: 'com.example.object.deleted.v2' })).toMatchObject({
      ignored: expect.any(String),
    });
    expect(mapCDEvent({ ...event, type: 'dev.cdevents.artifact.packaged.0.2.0' })).toEqual({
      ignored: 'CDEvents "artifact.packaged" are not recorded',
    });
  });
});

describe('appendParagraph', () => {
  it('appends a paragraph unless it stands in the text as whole lines', () => {
    expect(appendParagraph('', 'deploy')).toBe('deploy');
    expect(appendParagraph('deploy gitlab-test', 'test')).toBe('deploy gitlab-test\ntest');
    expect(appendParagraph('deploy gitlab-test\ntest', 'test')).toBe('deploy gitlab-test\ntest');
    expect(appendParagraph('a\nb c\nd', 'b c\nd')).toBe('a\nb c\nd');
  });
});

describe('joinDelivery', () => {
  const now = new Date('2024-01-01T00:00:00Z');
  const deploymentHooks = () => [
    ...eventsOf(mapGitHubDelivery('deployment', Payload.of(fixture('github/deployment.json')))),
    ...eventsOf(mapGitHubDelivery('deployment_status', Payload.of(fixture('github/deployment_status.json')))),
  ];

  /** Applies hooks in order, as the writer does, keeping a revision count. */
  function apply(hooks: HookEvent[], start: EventRecord | null = null): EventRecord | null {
    let stored = start;
    for (const hook of hooks) {
      const fields = joinDelivery(stored, hook, now);
      stored = { ...fields, createdAt: now, updatedAt: now, revision: (stored?.revision ?? 0) + 1, changedBy: null };
    }
    return stored;
  }

  const fieldsOf = (event: EventRecord | null) => {
    const { createdAt: _c, updatedAt: _u, revision: _r, changedBy: _b, ...fields } = event!;
    return fields;
  };

  it('moves the status to the one reported last, whatever order the deliveries come in', () => {
    const [created, succeeded] = deploymentHooks();
    const inOrder = apply([created!, succeeded!]);
    const reversed = apply([succeeded!, created!]);
    expect(fieldsOf(inOrder)).toEqual(fieldsOf(reversed));
    expect(inOrder).toMatchObject({
      startTime: new Date('2019-05-15T15:22:10Z'),
      endTime: new Date('2019-05-15T15:23:30Z'),
      description: 'deploy Codertocat/Hello-World@6113728 to production\nDeployment finished successfully.',
    });
    expect(inOrder!.tags.status).toEqual(['success']);
  });

  it('leaves an event that has the delivery exactly as it is', () => {
    const [created, succeeded] = deploymentHooks();
    const stored = apply([created!, succeeded!]);
    for (const hook of [created!, succeeded!]) expect(joinDelivery(stored, hook, now)).toEqual(fieldsOf(stored));
  });

  it('keeps tags and links added by others, and replaces only the status', () => {
    const [created, succeeded] = deploymentHooks();
    const stored = apply([created!])!;
    const edited = { ...stored, parentId: 'deploy-by-hand', tags: { ...stored.tags, team: ['web'] } };
    const next = joinDelivery(edited, succeeded!, now);
    expect(next.parentId).toBe('deploy-by-hand');
    expect(next.tags).toMatchObject({ team: ['web'], status: ['success'], type: ['deploy'] });
    expect(Object.keys(next.tags)).toEqual(Object.keys(edited.tags));
  });
});
